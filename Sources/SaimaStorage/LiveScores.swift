import Foundation
import GRDB
package import SaimaModel

/// Scores computed while a run's requests are still going (`RunScoring.LiveScorer`), kept apart from `scores` until
/// the run's scoring pass takes them. Definitions: a live score belongs to one **invocation** (one process running the
/// run: nothing that scoring reads — verdicts, appeal readings, human scores — changes during it) and to one
/// **result**, named by its fingerprint (`ItemResult.chainHash(previous: "")`, a hash of every field of the result).
/// The pass is offered a live score only for the same result in the same invocation and computes every other score;
/// it then empties the table, so nothing live outlives the pass.
extension RunStore {
    static func registerLiveScoresMigration(_ m: inout DatabaseMigrator) {
        m.registerMigration("v12-live-scores") { db in
            try db.execute(sql: """
                CREATE TABLE live_scores (
                    fingerprint TEXT PRIMARY KEY, invocation TEXT NOT NULL,
                    team TEXT NOT NULL, track TEXT NOT NULL, set_id TEXT NOT NULL, item TEXT NOT NULL,
                    sample INTEGER NOT NULL, score REAL NOT NULL, reason TEXT NOT NULL, extracted TEXT,
                    metric TEXT NOT NULL, metric_version INTEGER NOT NULL, unextractable INTEGER NOT NULL,
                    scored_at REAL NOT NULL, auto_score REAL, llm_score REAL, human_score REAL, rule TEXT,
                    confidence TEXT, choice_order TEXT, answer_moved INTEGER, variant INTEGER, flags INTEGER NOT NULL)
                """)
        }
    }

    /// The fingerprint of a result: a hash of every field of it, the same wherever it is computed.
    package static func fingerprint(_ result: ItemResult) -> String { result.chainHash(previous: "") }

    /// A live score and the scorer's own flags for it (what its summary counts: failures, pending answers, …).
    package typealias LiveScore = (score: StoredScore, flags: Int)

    /// Stores live scores of `invocation` (one transaction).
    package func saveLiveScores(_ scores: [(fingerprint: String, score: StoredScore, flags: Int)], invocation: String) throws {
        guard !scores.isEmpty else { return }
        try pool.write { db in
            let insert = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO live_scores(fingerprint, invocation, team, track, set_id, item, sample, score, reason,
                    extracted, metric, metric_version, unextractable, scored_at, auto_score, llm_score, human_score, rule,
                    confidence, choice_order, answer_moved, variant, flags)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let now = Date().timeIntervalSince1970
            for (fingerprint, s, flags) in scores {
                var arguments: StatementArguments = [fingerprint, invocation]
                arguments += Self.arguments(s, at: now)
                arguments += [flags]
                try insert.execute(arguments: arguments)
            }
        }
    }

    /// How many live scores are kept (none once a scoring pass has run).
    package func liveScoreCount() throws -> Int {
        try pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM live_scores") ?? 0 }
    }

    /// The live scores of `invocation` among `fingerprints`, by fingerprint.
    static func liveScores(_ db: Database, invocation: String, fingerprints: [String]) throws -> [String: LiveScore] {
        var out: [String: LiveScore] = [:]
        for start in stride(from: 0, to: fingerprints.count, by: 900) {
            let part = Array(fingerprints[start..<min(fingerprints.count, start + 900)])
            let marks = Array(repeating: "?", count: part.count).joined(separator: ",")
            var arguments: StatementArguments = [invocation]
            arguments += StatementArguments(part)
            let rows = try Row.fetchCursor(
                db, sql: "SELECT * FROM live_scores WHERE invocation = ? AND fingerprint IN (\(marks))", arguments: arguments)
            while let row = try rows.next() { out[row["fingerprint"]] = (Self.storedScore(row), row["flags"]) }
        }
        return out
    }
}
