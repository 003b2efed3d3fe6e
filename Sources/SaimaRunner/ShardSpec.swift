import SaimaBase
public import SaimaModel

/// A static shard of a round's work (`saima run --shard i/N`): each (team, track, set, item) belongs to exactly one of
/// N shards — SHA-256 of `saima-shard-v1`, team, track, set and item, first 8 bytes, modulo N — so N processes on any
/// hosts, each with its own run folder, together ask every question once; all samples of an item stay in one shard.
/// `saima merge` folds the shard folders into one run.
public struct ShardSpec: Sendable, Hashable, CustomStringConvertible {
    /// 1-based.
    public let index: Int
    public let count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, count <= 10_000, index >= 1, index <= count else { return nil }
        self.index = index
        self.count = count
    }

    /// `"i/N"`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        self.init(index: i, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// The shard (1-based) a question belongs to.
    public static func shard(of key: ResultKey, count: Int) -> Int {
        let digest = SHA256Digest.hex(["saima-shard-v1", key.team, key.track, key.set, key.item].joined(separator: "\u{1F}"))
        return Int((UInt64(digest.prefix(16), radix: 16) ?? 0) % UInt64(max(1, count))) + 1
    }

    public func contains(_ key: ResultKey) -> Bool { Self.shard(of: key, count: count) == index }
}
