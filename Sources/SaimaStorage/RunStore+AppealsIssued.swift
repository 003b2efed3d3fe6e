import Foundation
import GRDB
package import SaimaModel

/// The rows of every appeals sheet issued (`saima appeals template`): the sheet's id and each row's hash, so that an
/// import accepts only rows that were issued, unchanged.
extension RunStore {
    static func registerAppealsIssuedMigration(_ m: inout DatabaseMigrator) {
        m.registerMigration("v8-appeals-issued") { db in
            try db.execute(
                sql: """
                    CREATE TABLE appeals_issued (
                        sheet TEXT NOT NULL, team TEXT NOT NULL, track TEXT NOT NULL, set_id TEXT NOT NULL,
                        item TEXT NOT NULL, sample INTEGER NOT NULL, row_hash TEXT NOT NULL, issued_at INTEGER NOT NULL,
                        PRIMARY KEY (sheet, team, track, set_id, item, sample)
                    );
                    """)
        }
    }

    /// Records a sheet's rows (one transaction).
    package func recordIssuedAppeals(sheet: String, rows: [(key: ResultKey, hash: String)]) throws {
        try pool.write { db in
            let now = Int64(Date().timeIntervalSince1970)
            let insert = try db.cachedStatement(sql: """
                INSERT INTO appeals_issued(sheet, team, track, set_id, item, sample, row_hash, issued_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for r in rows {
                try insert.execute(arguments: [
                    sheet, r.key.team, r.key.track, r.key.set, r.key.item, r.key.sample, r.hash, now,
                ])
            }
        }
    }

    /// The hash recorded for `key` on sheet `sheet`, or nil when that sheet did not issue it.
    package func issuedAppealHash(sheet: String, key: ResultKey) throws -> String? {
        try pool.read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT row_hash FROM appeals_issued
                    WHERE sheet = ? AND team = ? AND track = ? AND set_id = ? AND item = ? AND sample = ?
                    """,
                arguments: [sheet, key.team, key.track, key.set, key.item, key.sample])
        }
    }
}
