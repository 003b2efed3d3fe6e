import Foundation
import GRDB
package import SaimaModel

/// Scores computed while a run's requests are still going (`RunScoring.LiveScorer`), kept apart from `scores` until
/// the run's scoring pass takes them. Definitions: a live score belongs to one **invocation** (one process running the
/// run: nothing that scoring reads — verdicts, appeal readings, human scores — changes during it, and it makes at most
/// one result per request) and names the result it scored by its key, completion time, latency and outcome. The pass
/// takes a live score only when the request's current result is that one, in the same invocation, scores every other
/// result itself, and then empties the table, so nothing live outlives the pass.
extension RunStore {
    static func registerLiveScoresMigration(_ m: inout DatabaseMigrator) {
        m.registerMigration("v12-live-scores") { db in
            try db.execute(sql: """
                CREATE TABLE live_scores (
                    invocation TEXT NOT NULL,
                    team TEXT NOT NULL, track TEXT NOT NULL, set_id TEXT NOT NULL, item TEXT NOT NULL,
                    sample INTEGER NOT NULL, score REAL NOT NULL, reason TEXT NOT NULL, extracted TEXT,
                    metric TEXT NOT NULL, metric_version INTEGER NOT NULL, unextractable INTEGER NOT NULL,
                    scored_at REAL NOT NULL, auto_score REAL, llm_score REAL, human_score REAL, rule TEXT,
                    confidence TEXT, choice_order TEXT, answer_moved INTEGER, variant INTEGER,
                    flags INTEGER NOT NULL, finished_at REAL NOT NULL, latency_ms REAL NOT NULL, outcome TEXT NOT NULL,
                    PRIMARY KEY (invocation, team, track, set_id, item, sample))
                """)
        }
    }

    /// The columns `scores` and `live_scores` share, in the order of `arguments(_:at:)`.
    static let scoreColumns = """
        team, track, set_id, item, sample, score, reason, extracted, metric, metric_version, unextractable, scored_at,
        auto_score, llm_score, human_score, rule, confidence, choice_order, answer_moved, variant
        """

    /// Stores live scores of `invocation`, each with the result it scored and the scorer's flags (one transaction).
    package func saveLiveScores(_ scores: [(result: ItemResult, score: StoredScore, flags: Int)], invocation: String) throws {
        guard !scores.isEmpty else { return }
        try pool.write { db in
            let insert = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO live_scores(\(Self.scoreColumns), invocation, flags, finished_at, latency_ms, outcome)
                VALUES (\(Array(repeating: "?", count: 25).joined(separator: ", ")))
                """)
            let now = Date().timeIntervalSince1970
            for (r, s, flags) in scores {
                var arguments = Self.arguments(s, at: now)
                arguments += [invocation, flags, r.finishedAt.timeIntervalSince1970, r.latencyMs, r.outcome.rawValue]
                try insert.execute(arguments: arguments)
            }
        }
    }

    /// How many live scores are kept (none once a scoring pass has run).
    package func liveScoreCount() throws -> Int {
        try pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM live_scores") ?? 0 }
    }

    /// Moves into `scores` (just emptied) every live score of `invocation` whose request's current result is the one
    /// it scored; returns how many were taken, by the scorer's flags and whether nothing could be extracted.
    static func takeLiveScores(_ db: Database, invocation: String, at now: Double) throws -> [(flags: Int, unextractable: Bool, count: Int)] {
        let match = """
            FROM live_scores l JOIN results r ON r.superseded = 0 AND r.team = l.team AND r.track = l.track
              AND r.set_id = l.set_id AND r.item = l.item AND r.sample = l.sample AND r.finished_at = l.finished_at
              AND r.latency_ms = l.latency_ms AND r.outcome = l.outcome
            WHERE l.invocation = ?
            """
        var taken: [(flags: Int, unextractable: Bool, count: Int)] = []
        let rows = try Row.fetchAll(
            db, sql: "SELECT l.flags, l.unextractable, COUNT(*) \(match) GROUP BY l.flags, l.unextractable", arguments: [invocation])
        for row in rows { taken.append((row[0], row[1], row[2])) }
        let columns = scoreColumns.split(separator: ",").map { "l." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .map { $0 == "l.scored_at" ? "?" : $0 }.joined(separator: ", ")
        try db.execute(sql: "INSERT INTO scores(\(scoreColumns)) SELECT \(columns) \(match)", arguments: [now, invocation])
        return taken
    }
}
