import Foundation
import GRDB
package import SaimaModel

/// The score of one stored answer, as written by `saima score`.
package struct StoredScore: Sendable, Hashable {
    package var key: ResultKey
    /// In [0, 1].
    package var score: Double
    package var reason: String
    package var extracted: String?
    package var metric: String
    package var metricVersion: Int
    /// Nothing could be extracted from the answer (reported apart from wrong answers).
    package var unextractable: Bool
    /// The score from each source, when it has one: the item's automatic metric, the LLM judge, the
    /// human judges' combined score. `score` is their combination by the set's scoring mode.
    package var autoScore: Double?
    package var llmScore: Double?
    package var humanScore: Double?
    /// The extraction rule that read `extracted` (`answer_line`, `choice_text`, …, or `judge_reading` for an
    /// answer re-read on appeal): the extraction audit.
    package var rule: String?
    /// How far the reading can be trusted (`explicit`, `inferred`, `uncertain`; choice items).
    package var confidence: String?
    /// The order the team was shown the choices in, as the item's own letters in shown order (`CABD`), when it was
    /// not the item's own (`ChoiceOrder.record`); `extracted` is always in the item's own letters.
    package var choiceOrder: String?
    /// With a shuffled order: whether the item's right answer was shown under another letter (nil otherwise).
    package var answerMoved: Bool?
    /// Which of the item's variants the team was shown (0: as written); nil for items without variants.
    package var variant: Int?

    package init(key: ResultKey, score: Double, reason: String, extracted: String?, metric: String, metricVersion: Int,
                unextractable: Bool, autoScore: Double? = nil, llmScore: Double? = nil, humanScore: Double? = nil,
                rule: String? = nil, confidence: String? = nil, choiceOrder: String? = nil, answerMoved: Bool? = nil,
                variant: Int? = nil)
    {
        self.variant = variant
        self.answerMoved = answerMoved
        self.choiceOrder = choiceOrder
        self.confidence = confidence
        self.rule = rule
        self.autoScore = autoScore
        self.llmScore = llmScore
        self.humanScore = humanScore
        self.key = key
        self.score = score
        self.reason = reason
        self.extracted = extracted
        self.metric = metric
        self.metricVersion = metricVersion
        self.unextractable = unextractable
    }
}

extension RunStore {
    /// Replaces all scores of the run in one transaction (scoring is idempotent).
    package func replaceScores(_ scores: [StoredScore]) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM scores")
            let now = Date().timeIntervalSince1970
            let insert = try db.cachedStatement(sql: Self.insertScoreSQL)
            for s in scores { try insert.execute(arguments: Self.arguments(s, at: now)) }
        }
    }

    /// Replaces all scores of the run in one transaction, scoring the current results in key order as they are
    /// read, `chunkSize` at a time: `scoring` gets a chunk and returns its scores. The run's results are never all
    /// in memory at once. With `invocation`, its live scores of current results are taken first (`LiveScores`) and
    /// only the results left go to `scoring`; the live scores are emptied either way. Returns the taken scores' counts
    /// by the scorer's flags and whether nothing could be extracted.
    @discardableResult
    package func replaceScores(
        chunkSize: Int = 4096, invocation: String? = nil, scoring: ([ItemResult]) throws -> [StoredScore]
    ) throws -> [(flags: Int, unextractable: Bool, count: Int)] {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM scores")
            let now = Date().timeIntervalSince1970
            let taken = try invocation.map { try Self.takeLiveScores(db, invocation: $0, at: now) } ?? []
            let insert = try db.cachedStatement(sql: Self.insertScoreSQL)
            var chunk: [ItemResult] = []
            chunk.reserveCapacity(chunkSize)
            func flush() throws {
                for s in try scoring(chunk) { try insert.execute(arguments: Self.arguments(s, at: now)) }
                chunk.removeAll(keepingCapacity: true)
            }
            // Only results without a score yet (all of them unless live scores were taken).
            let rest = taken.isEmpty ? "" : """
                AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.team = results.team AND s.track = results.track
                  AND s.set_id = results.set_id AND s.item = results.item AND s.sample = results.sample)
                """
            // When live scores covered every current result, nothing is left to read.
            let covered = try !taken.isEmpty
                && taken.reduce(0, { $0 + $1.count }) == Int.fetchOne(db, sql: "SELECT COUNT(*) FROM results WHERE superseded = 0")
            if !covered {
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT \(Self.resultColumns) FROM results WHERE superseded = 0 \(rest)
                        ORDER BY team, track, set_id, item, sample
                        """)
                while let row = try rows.next() {
                    chunk.append(Self.result(from: row, attempts: false))
                    if chunk.count == chunkSize { try flush() }
                }
                try flush()
            }
            try db.execute(sql: "DELETE FROM live_scores")
            return taken
        }
    }

    static let insertScoreSQL = "INSERT INTO scores(\(scoreColumns)) VALUES (\(Array(repeating: "?", count: 20).joined(separator: ", ")))"

    static func arguments(_ s: StoredScore, at time: Double) -> StatementArguments {
        [
            s.key.team, s.key.track, s.key.set, s.key.item, s.key.sample, s.score, s.reason, s.extracted,
            s.metric, s.metricVersion, s.unextractable, time, s.autoScore, s.llmScore, s.humanScore, s.rule, s.confidence,
            s.choiceOrder, s.answerMoved, s.variant,
        ]
    }

    /// Every stored score by key; `filter` skips keys before their rows are decoded.
    package func currentScores(filter: ((ResultKey) -> Bool)? = nil) throws -> [ResultKey: StoredScore] {
        try pool.read { db in
            var map: [ResultKey: StoredScore] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM scores")
            while let row = try rows.next() {
                let key = ResultKey(team: row["team"], track: row["track"], set: row["set_id"], item: row["item"],
                                    sample: row["sample"])
                if let filter, !filter(key) { continue }
                map[key] = Self.storedScore(row, key: key)
            }
            return map
        }
    }

    /// A score from a row of `scores` (or `live_scores`, which has the same columns).
    static func storedScore(_ row: Row, key: ResultKey? = nil) -> StoredScore {
        StoredScore(
            key: key ?? ResultKey(team: row["team"], track: row["track"], set: row["set_id"], item: row["item"], sample: row["sample"]),
            score: row["score"], reason: row["reason"], extracted: row["extracted"],
            metric: row["metric"], metricVersion: row["metric_version"], unextractable: row["unextractable"],
            autoScore: row["auto_score"], llmScore: row["llm_score"], humanScore: row["human_score"],
            rule: row["rule"], confidence: row["confidence"], choiceOrder: row["choice_order"],
            answerMoved: row["answer_moved"], variant: row["variant"])
    }
}

/// One current answer with its stored score, as the leaderboard reads it (no reply text, no attempts).
package struct ScoredAnswerRow: Sendable {
    package var key: ResultKey
    package var outcome: Outcome
    package var latencyMs: Double
    package var usage: (prompt: Int, completion: Int)?
    /// Nil when the answer has not been scored.
    package var score: StoredScore?
}

extension RunStore {
    /// Every current answer joined with its score, in key order, handed to `body` one at a time as SQLite reads
    /// them: nothing but the row in hand is held in memory.
    package func forEachScoredAnswer(_ body: (ScoredAnswerRow) throws -> Void) throws {
        try pool.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT r.team, r.track, r.set_id, r.item, r.sample, r.outcome, r.latency_ms, r.prompt_tokens,
                        r.completion_tokens, s.score, s.reason, s.extracted, s.metric, s.metric_version,
                        s.unextractable, s.auto_score, s.llm_score, s.human_score, s.rule, s.team IS NOT NULL,
                        s.confidence, s.choice_order, s.answer_moved, s.variant
                    FROM results r LEFT JOIN scores s
                        ON s.team = r.team AND s.track = r.track AND s.set_id = r.set_id AND s.item = r.item
                        AND s.sample = r.sample
                    WHERE r.superseded = 0
                    ORDER BY r.team, r.track, r.set_id, r.item, r.sample
                    """)
            while let row = try rows.next() {
                let key = Self.key(row)
                let promptTokens: Int? = row[7]
                let completionTokens: Int? = row[8]
                let scored: Bool = row[19]
                try body(ScoredAnswerRow(
                    key: key, outcome: Self.outcome(row), latencyMs: row[6],
                    usage: promptTokens.flatMap { p in completionTokens.map { (p, $0) } },
                    score: scored
                        ? StoredScore(
                            key: key, score: row[9], reason: row[10], extracted: row[11], metric: row[12],
                            metricVersion: row[13], unextractable: row[14], autoScore: row[15], llmScore: row[16],
                            humanScore: row[17], rule: row[18], confidence: row[20], choiceOrder: row[21],
                            answerMoved: row[22], variant: row[23])
                        : nil))
            }
        }
    }
}
