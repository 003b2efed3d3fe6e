import PostgresNIO
package import SaimaModel

/// Judge verdicts shared by every host of a contest: one row per (judge model, template version, item key with the
/// item's content hash, answer hash), whatever the round — a verdict depends only on those. The first verdict saved
/// for a key stays (`ON CONFLICT DO NOTHING`): two hosts that judged the same answer at once keep the one stored
/// first, and each reads that one back (`LayeredVerdictCache`), so their scores agree.
extension SharedRunStore: VerdictCache {
    static let verdictMigration = (name: "v2-judge-cache", statements: [
        """
        CREATE TABLE judge_cache (
            judge_model TEXT NOT NULL, template_version TEXT NOT NULL, item_key TEXT NOT NULL, answer_hash TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('ok', 'judge_error')), score DOUBLE PRECISION, verdict TEXT NOT NULL,
            calls INTEGER NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            PRIMARY KEY (judge_model, template_version, item_key, answer_hash))
        """,
    ])

    package func verdict(model: String, template: String, itemKey: String, answerHash: String) async throws -> JudgeCacheEntry? {
        try await SharedRoundWorker.retrying {
            let rows = try await client.query("""
                SELECT status, score, verdict, calls FROM judge_cache
                WHERE judge_model = \(model) AND template_version = \(template) AND item_key = \(itemKey)
                  AND answer_hash = \(answerHash)
                """, logger: logger)
            for try await (status, score, verdict, calls) in rows.decode((String, Double?, String, Int).self) {
                return JudgeCacheEntry(
                    judgeModel: model, templateVersion: template, itemKey: itemKey, answerHash: answerHash,
                    status: JudgeStatus(rawValue: status) ?? .judgeError, score: score, verdict: verdict, calls: calls)
            }
            return nil
        }
    }

    package func save(_ e: JudgeCacheEntry) async throws {
        _ = try await SharedRoundWorker.retrying {
            try await client.query("""
                INSERT INTO judge_cache (judge_model, template_version, item_key, answer_hash, status, score, verdict, calls)
                VALUES (\(e.judgeModel), \(e.templateVersion), \(e.itemKey), \(e.answerHash), \(e.status.rawValue), \(e.score),
                        \(e.verdict), \(e.calls))
                ON CONFLICT (judge_model, template_version, item_key, answer_hash) DO NOTHING
                """, logger: logger)
        }
    }
}
