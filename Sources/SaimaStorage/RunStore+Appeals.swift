import Foundation
import GRDB
package import SaimaModel

extension RunStore {
    static func registerAppealsMigration(_ m: inout DatabaseMigrator) {
        m.registerMigration("v6-appeals") { db in
            try db.execute(
                sql: """
                    CREATE TABLE reading_overrides (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        team TEXT NOT NULL, track TEXT NOT NULL, set_id TEXT NOT NULL, item TEXT NOT NULL,
                        sample INTEGER NOT NULL, reading TEXT NOT NULL, judge TEXT NOT NULL, reason TEXT NOT NULL,
                        previous TEXT, source TEXT NOT NULL, decided_at INTEGER NOT NULL, chain_hash TEXT NOT NULL
                    );
                    """)
        }
    }

    /// Appends readings in one transaction (all or nothing); returns the new head of the appeals chain.
    @discardableResult
    package func appendOverrides(_ overrides: [ReadingOverride]) throws -> String {
        try pool.write { db in
            var head = try String.fetchOne(
                db, sql: "SELECT chain_hash FROM reading_overrides ORDER BY seq DESC LIMIT 1") ?? Self.chainGenesis
            for o in overrides {
                head = o.chainHash(previous: head)
                try db.execute(
                    sql: """
                        INSERT INTO reading_overrides(team, track, set_id, item, sample, reading, judge, reason,
                            previous, source, decided_at, chain_hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        o.key.team, o.key.track, o.key.set, o.key.item, o.key.sample, o.reading, o.judge, o.reason,
                        o.previous, o.source, Int64((o.decidedAt.timeIntervalSince1970 * 1e6).rounded()), head,
                    ])
            }
            return head
        }
    }

    /// Every override row in insertion order, with its stored chain hash and sequence number.
    package func overrideRows() throws -> [(seq: Int64, chainHash: String, override: ReadingOverride)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM reading_overrides ORDER BY seq").map { row in
                let micros: Int64 = row["decided_at"]
                let o = ReadingOverride(
                    key: ResultKey(
                        team: row["team"], track: row["track"], set: row["set_id"], item: row["item"],
                        sample: row["sample"]),
                    reading: row["reading"], judge: row["judge"], reason: row["reason"], previous: row["previous"],
                    source: row["source"], decidedAt: Date(timeIntervalSince1970: Double(micros) / 1e6))
                return (row["seq"], row["chain_hash"], o)
            }
        }
    }

    /// The latest override of each answer.
    package func currentOverrides() throws -> [ResultKey: ReadingOverride] {
        var map: [ResultKey: ReadingOverride] = [:]
        for row in try overrideRows() { map[row.override.key] = row.override }
        return map
    }
}
