import SaimaBase
public import Foundation

/// A judge's re-reading of one answer on appeal: the letters the judge reads as the team's final answer
/// (empty: the judge reads no answer), who decided and why.
///
/// Rows are append-only and hash-chained like results: row *n*'s `chain_hash` is
/// SHA-256(row *n − 1*'s hash + "\n" + payload), the first row chaining from the genesis hash. A later reading
/// of the same answer wins; earlier ones stay as history.
public struct ReadingOverride: Sendable, Hashable {
    public var key: ResultKey
    /// Upper-case letters, sorted (`"BD"`); `""` when the judge reads no committed answer.
    public var reading: String
    public var judge: String
    public var reason: String
    /// The reading before the appeal (Saima's extraction or an earlier override), for the record.
    public var previous: String?
    /// The sheet the reading came from, as `file:line`.
    public var source: String
    public var decidedAt: Date

    public init(
        key: ResultKey, reading: String, judge: String, reason: String, previous: String?, source: String,
        decidedAt: Date
    ) {
        self.key = key
        self.reading = reading
        self.judge = judge
        self.reason = reason
        self.previous = previous
        self.source = source
        self.decidedAt = decidedAt
    }

    /// The bytes the chain hashes: every field, unit-separated, timestamps to the microsecond.
    public var chainPayload: String {
        [
            key.team, key.track, key.set, key.item, String(key.sample), reading, judge, reason, previous ?? "\u{18}",
            source, String(Int64((decidedAt.timeIntervalSince1970 * 1e6).rounded())),
        ].joined(separator: "\u{1F}")
    }

    public func chainHash(previous head: String) -> String { SHA256Digest.hex(head + "\n" + chainPayload) }
}
