public import SaimaModel

/// `judge`: marks the item for the LLM judge, which grades the reply against the item's rubric
/// (score = points awarded / total points). Until judged the score is 0 with reason `needs_judge` and the
/// `needsJudge` flag set. It is the default for generation items that have a rubric and no `metric`.
public struct JudgeMetric: Metric {
    public let name = "judge"
    public let version = 1
    public let summary = "graded by the LLM judge against the rubric (placeholder score 0, needs_judge)"

    public init() {}

    public func score(item: Item, response: String, context: MetricContext) -> MetricResult { .needsJudge }

    public var examples: [MetricExample] {
        [MetricExample(references: ["…"], response: "anything", expected: 0)]
    }
}
