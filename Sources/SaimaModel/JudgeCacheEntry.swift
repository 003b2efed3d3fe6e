// Judge verdicts as they are kept: one per (judge model, template version, item, answer hash), in a run folder's
// database, in a shared PostgreSQL store, or in memory (`VerdictCache`).

/// Whether a judge call gave a validated verdict.
package enum JudgeStatus: String, Sendable, Hashable {
    case ok
    /// The judge failed or gave no valid verdict (stored with the error).
    case judgeError = "judge_error"
}

/// A cached judge decision, keyed by (judge model, template version, item, answer hash).
package struct JudgeCacheEntry: Sendable, Hashable {
    package var judgeModel: String
    package var templateVersion: String
    /// `track/set/item` for pointwise verdicts; for battles also the ordered pair.
    package var itemKey: String
    package var answerHash: String
    package var status: JudgeStatus
    package var score: Double?
    /// The validated verdict as JSON, or the error.
    package var verdict: String
    package var calls: Int

    package init(judgeModel: String, templateVersion: String, itemKey: String, answerHash: String, status: JudgeStatus,
                score: Double?, verdict: String, calls: Int)
    {
        self.judgeModel = judgeModel
        self.templateVersion = templateVersion
        self.itemKey = itemKey
        self.answerHash = answerHash
        self.status = status
        self.score = score
        self.verdict = verdict
        self.calls = calls
    }
}

/// Where judge verdicts are kept, so that the same answer is never judged twice. Definitions: a verdict is found by
/// (judge model, template version, item key with the item's content hash, answer hash); `save` replaces any verdict
/// with the same key. Implementations: a run folder's `RunStore`, a shared round's PostgreSQL store, memory.
package protocol VerdictCache: Sendable {
    func verdict(model: String, template: String, itemKey: String, answerHash: String) async throws -> JudgeCacheEntry?
    func save(_ entry: JudgeCacheEntry) async throws
}
