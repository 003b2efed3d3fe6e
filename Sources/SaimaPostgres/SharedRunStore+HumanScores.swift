import Foundation
import Logging
import PostgresNIO
public import SaimaModel

/// Human judges' scores of a shared round, kept where every host sees them. Definitions: an **import** replaces every
/// score of its judges in the round (`HumanScoreLedger.applying`) and is stored with the rows it brought, its judges,
/// the digest of all the round's scores after it and its chain hash (`HumanScoreLedger`), numbered from 1 per round.
/// Imports of one round are serialized by a lock on the round's row, so two hosts importing at once form one chain.
/// A pulled run folder replays the imports in order and must reach the same heads.
extension SharedRunStore {
    static let humanScoresMigration = (name: "v4-human-scores", statements: [
        """
        CREATE TABLE human_score_imports (
            round TEXT NOT NULL REFERENCES rounds(round), seq INTEGER NOT NULL, judges TEXT NOT NULL,
            digest TEXT NOT NULL, chain_hash TEXT NOT NULL, imported_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            PRIMARY KEY (round, seq))
        """,
        """
        CREATE TABLE human_score_rows (
            round TEXT NOT NULL, seq INTEGER NOT NULL, judge TEXT NOT NULL, team TEXT NOT NULL, track TEXT NOT NULL,
            set_id TEXT NOT NULL, item TEXT NOT NULL, sample INTEGER NOT NULL, score DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (round, seq, judge, team, track, set_id, item, sample),
            FOREIGN KEY (round, seq) REFERENCES human_score_imports(round, seq))
        """,
    ])

    /// One stored import: its number, judges (sorted, comma-joined), digest, chain hash and the scores it brought.
    public struct HumanScoreImport: Sendable {
        public var seq: Int
        public var judges: String
        public var digest: String
        public var chainHash: String
        public var scores: [HumanScore]
    }

    /// Appends an import of `judges` with `scores` to `round`'s chain; returns its chain hash and number.
    public func publishHumanScores(round: String, scores: [HumanScore], judges: Set<String>) async throws
        -> (head: String, imports: Int)
    {
        try await transaction { db in
            try await lockRound(db, round)
            let earlier = try await Self.imports(db, round: round, logger: logger)
            var current: [HumanScore] = []
            for i in earlier {
                current = HumanScoreLedger.applying(i.scores, judges: Set(i.judges.split(separator: ",").map(String.init)), to: current)
            }
            current = HumanScoreLedger.applying(scores, judges: judges, to: current)
            let digest = HumanScoreLedger.digest(current)
            let list = HumanScoreLedger.judgeList(judges)
            let head = HumanScoreLedger.chainHash(previous: earlier.last?.chainHash ?? ItemResult.chainGenesis, judges: list, digest: digest)
            let seq = earlier.count + 1
            try await db.query("""
                INSERT INTO human_score_imports (round, seq, judges, digest, chain_hash)
                VALUES (\(round), \(seq), \(list), \(digest), \(head))
                """, logger: logger)
            for s in scores {
                try await db.query("""
                    INSERT INTO human_score_rows (round, seq, judge, team, track, set_id, item, sample, score)
                    VALUES (\(round), \(seq), \(s.judge), \(s.key.team), \(s.key.track), \(s.key.set), \(s.key.item),
                            \(s.key.sample), \(s.score))
                    """, logger: logger)
            }
            return (head, seq)
        }
    }

    /// Every import of `round`, in order, each with the scores it brought.
    public func humanScoreImports(round: String) async throws -> [HumanScoreImport] {
        try await client.withConnection { db in try await Self.imports(db, round: round, logger: logger) }
    }


    static func imports(_ db: PostgresConnection, round: String, logger: Logger) async throws -> [HumanScoreImport] {
        var out: [HumanScoreImport] = []
        for try await (seq, judges, digest, chain) in try await db.query("""
            SELECT seq, judges, digest, chain_hash FROM human_score_imports WHERE round = \(round) ORDER BY seq
            """, logger: logger).decode((Int, String, String, String).self)
        {
            out.append(HumanScoreImport(seq: seq, judges: judges, digest: digest, chainHash: chain, scores: []))
        }
        guard !out.isEmpty else { return out }
        let index = Dictionary(uniqueKeysWithValues: out.enumerated().map { ($1.seq, $0) })
        for try await (seq, judge, team, track, set, item, sample, score) in try await db.query("""
            SELECT seq, judge, team, track, set_id, item, sample, score FROM human_score_rows WHERE round = \(round)
            """, logger: logger).decode((Int, String, String, String, String, String, Int, Double).self)
        {
            guard let i = index[seq] else { continue }
            out[i].scores.append(HumanScore(
                judge: judge, key: ResultKey(team: team, track: track, set: set, item: item, sample: sample), score: score))
        }
        return out
    }
}
