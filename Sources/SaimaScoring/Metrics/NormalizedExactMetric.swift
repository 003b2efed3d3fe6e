public import SaimaModel

/// `normalized_exact`: 1 when `TextNormalizer.matchingForm` of the reply equals the matching form of one of
/// the item's reference texts, else 0 — so case, full-width forms, punctuation of both scripts and spacing
/// do not matter (`《西游记》。` matches `西游记`). A reply whose matching form is empty scores 0.
/// No external reference implementation; the examples pin the behaviour.
public struct NormalizedExactMetric: Metric {
    public let name = "normalized_exact"
    public let version = 1
    public let summary = "exact match after NFKC, lowercasing, punctuation and whitespace normalization"

    public init() {}

    public func score(item: Item, response: String, context: MetricContext) -> MetricResult {
        let refs = item.referenceTexts
        guard !refs.isEmpty else { return .unscorable("no reference") }
        let reply = TextNormalizer.matchingForm(response)
        guard !reply.isEmpty else { return MetricResult(score: 0, reason: "empty reply", extracted: reply) }
        return refs.contains { TextNormalizer.matchingForm($0) == reply }
            ? MetricResult(score: 1, reason: "match", extracted: reply)
            : MetricResult(score: 0, reason: "no match", extracted: reply)
    }

    public var examples: [MetricExample] {
        [
            MetricExample(references: ["西游记"], response: "《西游记》。", expected: 1),
            MetricExample(references: ["Li Chunyan"], response: "  li   CHUNYAN. ", expected: 1),
            MetricExample(references: ["2小时内"], response: "２ 小时内", expected: 1),
            MetricExample(references: ["2<x<3"], response: "2>x>3", expected: 0),
            MetricExample(references: ["劳动仲裁"], response: "。", expected: 0),
        ]
    }
}
