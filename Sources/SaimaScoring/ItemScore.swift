/// The score of one reply to one item, with the evidence behind it.
public struct ItemScore: Sendable, Hashable {
    /// The score, in [0, 1].
    public var score: Double
    /// A short explanation, e.g. `correct`, `expected B, got C`, `unextractable`, `needs_judge`.
    public var reason: String
    /// The answer read from the reply, when the metric extracts one.
    public var extracted: String?
    /// The registry name of the metric that produced the score.
    public var metric: String
    /// The version of that metric; it changes whenever the metric's definition changes.
    public var metricVersion: Int
    /// True when no answer could be read from the reply: scored 0 and reported apart from wrong answers.
    public var unextractable: Bool
    /// True when the item is graded by the LLM judge against its rubric; the score is 0 until judged.
    public var needsJudge: Bool
    /// The extraction rule that read `extracted` (choice and true/false items): the extraction audit.
    public var rule: ExtractionRule?
    /// How far the reading can be trusted (choice items): uncertain readings go to a second reader.
    public var confidence: ReadingConfidence?

    public init(
        score: Double, reason: String, extracted: String? = nil, metric: String, metricVersion: Int,
        unextractable: Bool = false, needsJudge: Bool = false, rule: ExtractionRule? = nil,
        confidence: ReadingConfidence? = nil
    ) {
        self.confidence = confidence
        self.score = score
        self.reason = reason
        self.extracted = extracted
        self.metric = metric
        self.metricVersion = metricVersion
        self.unextractable = unextractable
        self.needsJudge = needsJudge
        self.rule = rule
    }

    /// A metric's result stamped with the metric's name and version.
    public init(_ result: MetricResult, metric: any Metric) {
        self.init(
            score: result.score, reason: result.reason, extracted: result.extracted, metric: metric.name,
            metricVersion: metric.version, unextractable: result.unextractable, needsJudge: result.needsJudge,
            rule: result.rule, confidence: result.confidence)
    }
}
