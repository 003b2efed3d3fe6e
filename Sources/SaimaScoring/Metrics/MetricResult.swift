import SaimaModel

/// What one metric says about one reply: a score in [0, 1] and why.
public struct MetricResult: Sendable, Hashable {
    /// The score, in [0, 1].
    public var score: Double
    /// A short explanation.
    public var reason: String
    /// The answer read from the reply, when the metric extracts one.
    public var extracted: String?
    /// True when no answer could be read from the reply.
    public var unextractable: Bool
    /// True when only the LLM judge can grade the reply.
    public var needsJudge: Bool
    /// The extraction rule that read `extracted` (choice and true/false items), for the extraction audit.
    public var rule: ExtractionRule?
    /// How far the reading can be trusted (choice items), for the extraction audit and the second readers.
    public var confidence: ReadingConfidence?

    public init(
        score: Double, reason: String, extracted: String? = nil, unextractable: Bool = false,
        needsJudge: Bool = false, rule: ExtractionRule? = nil, confidence: ReadingConfidence? = nil
    ) {
        self.confidence = confidence
        self.score = score
        self.reason = reason
        self.extracted = extracted
        self.unextractable = unextractable
        self.needsJudge = needsJudge
        self.rule = rule
    }

    /// Score 0 with reason `unextractable`: the reply states no answer the metric can read.
    public static let unextractable = MetricResult(score: 0, reason: "unextractable", unextractable: true)

    /// Score 0, unextractable: the reply's final answer line names no choice (its text, shortened, in the reason).
    public static func declined(_ line: String) -> MetricResult {
        let shown = line.count > 40 ? String(line.prefix(40)) + "…" : line
        return MetricResult(
            score: 0, reason: "unextractable: answer line names no choice (\(shown))", unextractable: true)
    }

    /// Score 0 with reason `needs_judge`: the item is graded by the LLM judge against its rubric.
    public static let needsJudge = MetricResult(score: 0, reason: PendingReason.needsJudge.rawValue, needsJudge: true)

    /// Score 0 because the item itself cannot be scored by this metric (a fault of the item, not the reply).
    static func unscorable(_ why: String) -> MetricResult { MetricResult(score: 0, reason: why) }
}
