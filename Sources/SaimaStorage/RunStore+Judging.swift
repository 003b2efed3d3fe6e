import Foundation
import GRDB
package import SaimaModel

extension RunStore {
    static func registerJudgingMigration(_ m: inout DatabaseMigrator) {
        m.registerMigration("v2-judging") { db in
            try db.execute(
                sql: """
                    CREATE TABLE judge_cache (
                        judge_model TEXT NOT NULL, template_version TEXT NOT NULL, item_key TEXT NOT NULL,
                        answer_hash TEXT NOT NULL, status TEXT NOT NULL, score REAL, verdict TEXT NOT NULL,
                        calls INTEGER NOT NULL, created_at REAL NOT NULL,
                        PRIMARY KEY (judge_model, template_version, item_key, answer_hash)
                    );
                    CREATE TABLE human_scores (
                        judge TEXT NOT NULL, team TEXT NOT NULL, track TEXT NOT NULL, set_id TEXT NOT NULL,
                        item TEXT NOT NULL, sample INTEGER NOT NULL, score REAL NOT NULL,
                        PRIMARY KEY (judge, team, track, set_id, item, sample)
                    );
                    """)
        }
    }

    static func registerHumanAssignmentMigration(_ m: inout DatabaseMigrator) {
        m.registerMigration("v3-human-assignments") { db in
            try db.execute(
                sql: """
                    CREATE TABLE human_assignments (
                        judge TEXT NOT NULL, answer_id TEXT NOT NULL, team TEXT NOT NULL, track TEXT NOT NULL,
                        set_id TEXT NOT NULL, item TEXT NOT NULL, sample INTEGER NOT NULL, max_points REAL NOT NULL,
                        PRIMARY KEY (judge, answer_id)
                    );
                    """)
        }
    }

    /// Records which anonymous answer id stands for which answer on one judge's sheet.
    package func saveHumanAssignments(judge: String, _ rows: [(answerID: String, key: ResultKey, maxPoints: Double)]) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM human_assignments WHERE judge = ?", arguments: [judge])
            for r in rows {
                try db.execute(
                    sql: """
                        INSERT INTO human_assignments(judge, answer_id, team, track, set_id, item, sample, max_points)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [judge, r.answerID, r.key.team, r.key.track, r.key.set, r.key.item, r.key.sample, r.maxPoints])
            }
        }
    }

    /// answer id → (answer, maximum points) for one judge's sheet.
    package func humanAssignments(judge: String) throws -> [String: (key: ResultKey, maxPoints: Double)] {
        try pool.read { db in
            var map: [String: (ResultKey, Double)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM human_assignments WHERE judge = ?", arguments: [judge]) {
                map[row["answer_id"]] = (
                    ResultKey(team: row["team"], track: row["track"], set: row["set_id"], item: row["item"], sample: row["sample"]),
                    row["max_points"]
                )
            }
            return map
        }
    }

    package func judgeCache(model: String, template: String, itemKey: String, answerHash: String) throws -> JudgeCacheEntry? {
        try pool.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT * FROM judge_cache WHERE judge_model = ? AND template_version = ? AND item_key = ?
                    AND answer_hash = ?
                    """, arguments: [model, template, itemKey, answerHash]
            ).map(Self.cacheEntry)
        }
    }

    /// Every cached verdict of one judge model and template, by `itemKey` + U+001F + `answerHash` (read once before
    /// scoring a run, instead of one query per answer).
    package func judgeCacheEntries(model: String, template: String) throws -> [String: JudgeCacheEntry] {
        try pool.read { db in
            var map: [String: JudgeCacheEntry] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT * FROM judge_cache WHERE judge_model = ? AND template_version = ?",
                arguments: [model, template])
            while let row = try rows.next() {
                let e = Self.cacheEntry(row)
                map[e.itemKey + "\u{1F}" + e.answerHash] = e
            }
            return map
        }
    }

    /// Every cached verdict of one template, of any judge model, by `itemKey` (several when several models or
    /// answers were judged), in the order they were stored.
    package func judgeCacheEntries(template: String) throws -> [String: [JudgeCacheEntry]] {
        try pool.read { db in
            var map: [String: [JudgeCacheEntry]] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT * FROM judge_cache WHERE template_version = ? ORDER BY rowid", arguments: [template])
            while let row = try rows.next() {
                let e = Self.cacheEntry(row)
                map[e.itemKey, default: []].append(e)
            }
            return map
        }
    }

    /// A `judge_cache` row as an entry.
    private static func cacheEntry(_ row: Row) -> JudgeCacheEntry {
        JudgeCacheEntry(
            judgeModel: row["judge_model"], templateVersion: row["template_version"], itemKey: row["item_key"],
            answerHash: row["answer_hash"], status: JudgeStatus(rawValue: row["status"]) ?? .judgeError, score: row["score"],
            verdict: row["verdict"], calls: row["calls"])
    }

    package func saveJudgeCache(_ e: JudgeCacheEntry) throws {
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO judge_cache(judge_model, template_version, item_key, answer_hash, status, score,
                        verdict, calls, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [e.judgeModel, e.templateVersion, e.itemKey, e.answerHash, e.status.rawValue, e.score, e.verdict,
                            e.calls, Date().timeIntervalSince1970])
        }
    }

    /// Replaces all human scores of the given judges and chains the import: a row of `human_score_imports` holds the
    /// digest of every human score after it (`humanScoresDigest`), hash-chained to the previous import. Returns the new
    /// head and the number of imports.
    @discardableResult
    package func replaceHumanScores(_ scores: [HumanScore], judges: Set<String>) throws -> (head: String, imports: Int) {
        try pool.write { db in
            for judge in judges { try db.execute(sql: "DELETE FROM human_scores WHERE judge = ?", arguments: [judge]) }
            for s in scores {
                try db.execute(
                    sql: "INSERT INTO human_scores(judge, team, track, set_id, item, sample, score) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    arguments: [s.judge, s.key.team, s.key.track, s.key.set, s.key.item, s.key.sample, s.score])
            }
            let digest = try Self.humanScoresDigest(db)
            let previous = try String.fetchOne(db, sql: "SELECT chain_hash FROM human_score_imports ORDER BY seq DESC LIMIT 1")
                ?? Self.chainGenesis
            let judgeList = HumanScoreLedger.judgeList(judges)
            let head = Self.humanChainHash(previous: previous, judges: judgeList, digest: digest)
            try db.execute(
                sql: "INSERT INTO human_score_imports(judges, digest, imported_at, chain_hash) VALUES (?, ?, ?, ?)",
                arguments: [judgeList, digest, Int64(Date().timeIntervalSince1970), head])
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM human_score_imports") ?? 0
            return (head, count)
        }
    }

    /// An import's chain hash (`HumanScoreLedger.chainHash`).
    package static func humanChainHash(previous: String, judges: String, digest: String) -> String {
        HumanScoreLedger.chainHash(previous: previous, judges: judges, digest: digest)
    }

    static func registerHumanChainMigration(_ m: inout DatabaseMigrator) {
        m.registerMigration("v9-human-score-chain") { db in
            try db.execute(
                sql: """
                    CREATE TABLE human_score_imports (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT, judges TEXT NOT NULL, digest TEXT NOT NULL,
                        imported_at INTEGER NOT NULL, chain_hash TEXT NOT NULL
                    );
                    """)
        }
    }

    /// The digest of every stored human score (`HumanScoreLedger.digest`).
    static func humanScoresDigest(_ db: Database) throws -> String {
        var scores: [HumanScore] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT judge, team, track, set_id, item, sample, score FROM human_scores")
        while let row = try rows.next() {
            scores.append(HumanScore(
                judge: row[0], key: ResultKey(team: row[1], track: row[2], set: row[3], item: row[4], sample: row[5]), score: row[6]))
        }
        return HumanScoreLedger.digest(scores)
    }

    /// The digest of no human scores.
    package static let emptyHumanScoresDigest = HumanScoreLedger.emptyDigest

    /// The digest of the human scores now stored (what `round verify` compares with the last import's).
    package func humanScoresDigest() throws -> String { try pool.read { try Self.humanScoresDigest($0) } }

    /// Every human-score import in order: judges, digest and stored chain hash.
    package func humanScoreImports() throws -> [(seq: Int64, judges: String, digest: String, chainHash: String)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM human_score_imports ORDER BY seq").map {
                ($0["seq"], $0["judges"], $0["digest"], $0["chain_hash"])
            }
        }
    }

    package func humanScores() throws -> [HumanScore] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM human_scores ORDER BY judge, team, track, set_id, item, sample").map { row in
                HumanScore(judge: row["judge"], key: ResultKey(team: row["team"], track: row["track"], set: row["set_id"],
                                                               item: row["item"], sample: row["sample"]),
                           score: row["score"])
            }
        }
    }
}
