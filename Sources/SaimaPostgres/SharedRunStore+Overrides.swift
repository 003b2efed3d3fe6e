import Foundation
import Logging
import PostgresNIO
public import SaimaModel

/// Appeal readings of a shared round (a judge's re-reading of an answer, `ReadingOverride`), kept where every host sees
/// them: rows append-only, hash-chained per round exactly as a run folder chains them (`ReadingOverride.chainHash`),
/// appended under a lock on the round's row so that two hosts' imports form one chain. A pulled run folder appends the
/// same rows in order and must reach the same head.
extension SharedRunStore {
    static let overridesMigration = (name: "v5-reading-overrides", statements: [
        """
        CREATE TABLE reading_overrides (
            round TEXT NOT NULL REFERENCES rounds(round), seq INTEGER NOT NULL, team TEXT NOT NULL, track TEXT NOT NULL,
            set_id TEXT NOT NULL, item TEXT NOT NULL, sample INTEGER NOT NULL, reading TEXT NOT NULL, judge TEXT NOT NULL,
            reason TEXT NOT NULL, previous TEXT, source TEXT NOT NULL, decided_at BIGINT NOT NULL, chain_hash TEXT NOT NULL,
            PRIMARY KEY (round, seq))
        """,
    ])

    /// Appends to `round`'s appeals chain, in one transaction, those of `overrides` the store does not hold yet (the
    /// same reading, judge, reason, source and time), so that publishing a folder's whole list again after a failed
    /// publish adds only what is missing; returns the new head and the number of rows.
    public func publishOverrides(round: String, overrides: [ReadingOverride]) async throws -> (head: String, rows: Int) {
        try await transaction { db in
            try await lockRound(db, round)
            var head = ItemResult.chainGenesis
            var seq = 0
            for try await (s, h) in try await db.query("""
                SELECT seq, chain_hash FROM reading_overrides WHERE round = \(round) ORDER BY seq DESC LIMIT 1
                """, logger: logger).decode((Int, String).self)
            {
                (seq, head) = (s, h)
            }
            let held = Set(try await Self.overrideRows(db, round: round, logger: logger).map(\.override.chainPayload))
            for o in overrides where !held.contains(o.chainPayload) {
                head = o.chainHash(previous: head)
                seq += 1
                let micros = Int64((o.decidedAt.timeIntervalSince1970 * 1e6).rounded())
                try await db.query("""
                    INSERT INTO reading_overrides (round, seq, team, track, set_id, item, sample, reading, judge, reason,
                        previous, source, decided_at, chain_hash)
                    VALUES (\(round), \(seq), \(o.key.team), \(o.key.track), \(o.key.set), \(o.key.item), \(o.key.sample),
                            \(o.reading), \(o.judge), \(o.reason), \(o.previous), \(o.source), \(micros), \(head))
                    """, logger: logger)
            }
            return (head, seq)
        }
    }

    /// Every appeal reading of `round` in chain order, with its stored chain hash.
    public func overrides(round: String) async throws -> [(seq: Int, chainHash: String, override: ReadingOverride)] {
        try await client.withConnection { db in try await Self.overrideRows(db, round: round, logger: logger) }
    }

    static func overrideRows(_ db: PostgresConnection, round: String, logger: Logger) async throws
        -> [(seq: Int, chainHash: String, override: ReadingOverride)]
    {
        var out: [(Int, String, ReadingOverride)] = []
        let rows = try await db.query("""
            SELECT seq, team, track, set_id, item, sample, reading, judge, reason, previous, source, decided_at, chain_hash
            FROM reading_overrides WHERE round = \(round) ORDER BY seq
            """, logger: logger)
        for try await (seq, team, track, set, item, sample, reading, judge, reason, previous, source, micros, chain) in rows.decode(
            (Int, String, String, String, String, Int, String, String, String, String?, String, Int64, String).self)
        {
            out.append((seq, chain, ReadingOverride(
                key: ResultKey(team: team, track: track, set: set, item: item, sample: sample), reading: reading, judge: judge,
                reason: reason, previous: previous, source: source, decidedAt: Date(timeIntervalSince1970: Double(micros) / 1e6))))
        }
        return out
    }
}
