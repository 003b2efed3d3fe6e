import SaimaBase
/// One human judge's score of one answer.
public struct HumanScore: Sendable, Hashable {
    public var judge: String
    public var key: ResultKey
    /// Normalized to [0, 1].
    public var score: Double
    /// `-0` is stored as `0`: SQLite keeps an integral REAL as an integer, so a `-0.0` would hash differently once read
    /// back from a run folder than from a shared store.
    public init(judge: String, key: ResultKey, score: Double) {
        self.judge = judge
        self.key = key
        self.score = score == 0 ? 0 : score
    }
}

/// How imports of human scores are chained, the same in a run folder (SQLite) and in a shared store (PostgreSQL).
///
/// Definitions:
/// - the **digest** of a set of human scores is SHA-256 over one line per score, in order of judge, team, track, set,
///   item (each compared by its UTF-8 bytes, as SQLite's `ORDER BY` on TEXT does) and sample: the six fields and the
///   score (Swift's shortest exact decimal), separated by U+001F, each line ending in `\n`;
/// - an **import** replaces every score of its judges; its chain hash is SHA-256(previous hash + "\n" + judges
///   (sorted, comma-joined) + U+001F + digest of all scores after it), starting from 64 zeros.
public enum HumanScoreLedger {
    /// The digest of `scores` (in any order).
    public static func digest(_ scores: [HumanScore]) -> String {
        let sorted = scores.sorted { a, b in
            let fa = [a.judge, a.key.team, a.key.track, a.key.set, a.key.item].map { Array($0.utf8) }
            let fb = [b.judge, b.key.team, b.key.track, b.key.set, b.key.item].map { Array($0.utf8) }
            if fa != fb { return fa.lexicographicallyPrecedes(fb) { $0.lexicographicallyPrecedes($1) } }
            return a.key.sample < b.key.sample
        }
        var text = ""
        for s in sorted {
            let fields = [s.judge, s.key.team, s.key.track, s.key.set, s.key.item, String(s.key.sample)]
            text += fields.joined(separator: "\u{1F}") + "\u{1F}" + "\(s.score)" + "\n"
        }
        return SHA256Digest.hex(text)
    }

    /// The digest of no human scores.
    public static let emptyDigest = SHA256Digest.hex("")

    /// An import's chain hash.
    public static func chainHash(previous: String, judges: String, digest: String) -> String {
        SHA256Digest.hex(previous + "\n" + judges + "\u{1F}" + digest)
    }

    /// The judges of an import as chained: sorted, comma-joined.
    public static func judgeList(_ judges: Set<String>) -> String { judges.sorted().joined(separator: ",") }

    /// The scores after an import of `judges` (`scores`) over `current`: the judges' earlier scores replaced.
    public static func applying(_ scores: [HumanScore], judges: Set<String>, to current: [HumanScore]) -> [HumanScore] {
        current.filter { !judges.contains($0.judge) } + scores
    }
}
