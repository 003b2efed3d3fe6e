/// Why a scored answer still waits for a grader, as its score's `reason` records it: it counts 0 until graded.
public enum PendingReason: String, Sendable, CaseIterable {
    /// An LLM judge must grade it (a rubric item, or a set scored by `llm_judge`).
    case needsJudge = "needs_judge"
    /// Human judges must score it (a set scored by `human`).
    case needsHuman = "needs_human"

    /// The pending reason a stored score's `reason` names, if it names one.
    public init?(reason: String) { self.init(rawValue: reason) }
}
