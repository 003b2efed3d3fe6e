import Foundation
import GRDB
/// One request a run sent: which team was sent which item, and when the request finished.
package struct SentItem: Sendable, Hashable {
    package var team: String
    package var track: String
    package var set: String
    package var item: String
    package var sample: Int
    /// Seconds since 1970.
    package var finishedAt: Double
    /// The variant of the item shown (0: as written), when the run has scored it; nil otherwise.
    package var variant: Int? = nil
}

extension RunStore {
    /// Every request recorded in the run folder's database, superseded rows included (each was sent), and the run's
    /// manifest text. Opened read-only: reading another round's folder never migrates or writes it. Nil when the
    /// folder holds no `run.sqlite`.
    package static func sentItems(folder: String) throws -> (items: [SentItem], manifest: String?)? {
        let path = (folder as NSString).appendingPathComponent("run.sqlite")
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        let db = try DatabaseQueue(path: path, configuration: config)
        return try db.read { db in
            // Runs scored by a version that recorded variants have `scores.variant`; older ones do not.
            let scoreColumns = try Row.fetchAll(db, sql: "PRAGMA table_info(scores)").map { $0["name"] as String }
            let variant = scoreColumns.contains("variant") ? "s.variant" : "NULL"
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.team, r.track, r.set_id, r.item, r.sample, r.finished_at, \(variant) FROM results r
                    LEFT JOIN scores s ON s.team = r.team AND s.track = r.track AND s.set_id = r.set_id AND s.item = r.item
                        AND s.sample = r.sample
                    ORDER BY r.seq
                    """)
            let manifest = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'manifest'")
            return (rows.map { r in
                SentItem(team: r[0], track: r[1], set: r[2], item: r[3], sample: r[4], finishedAt: r[5], variant: r[6])
            }, manifest)
        }
    }
}

/// How one variant of one item scored: answers and mean score.
package struct VariantScore: Sendable, Hashable {
    package var track: String
    package var set: String
    package var item: String
    package var variant: Int
    package var answers: Int
    package var meanScore: Double
}

extension RunStore {
    /// Per item with variants and per variant shown: how many answers, and their mean score (0–1).
    package func variantScores() throws -> [VariantScore] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT track, set_id, item, variant, COUNT(*), AVG(score) FROM scores WHERE variant IS NOT NULL
                    GROUP BY track, set_id, item, variant ORDER BY track, set_id, item, variant
                    """
            ).map { r in
                VariantScore(track: r[0], set: r[1], item: r[2], variant: r[3], answers: r[4], meanScore: r[5])
            }
        }
    }
}
