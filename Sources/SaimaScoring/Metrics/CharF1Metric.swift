public import SaimaModel

/// `f1_char`: character-level F1 for Chinese, the maximum over the item's reference texts.
///
/// Tokens are the characters (extended grapheme clusters, so an emoji sequence is one token) of
/// `TextNormalizer.matchingForm(text)` with whitespace removed — NFKC, lowercased, punctuation dropped.
/// F1 over token multisets as SQuAD v2.0's `compute_f1` (`MultisetF1`): both sides empty → 1, one empty → 0.
/// Agrees with the SQuAD v2.0 formula applied to `list(matching_form(text).replace(" ", ""))`.
public struct CharF1Metric: Metric {
    public let name = "f1_char"
    public let version = 1
    public let summary = "character multiset F1 on normalized text (Chinese), best reference"

    public init() {}

    public func score(item: Item, response: String, context: MetricContext) -> MetricResult {
        let refs = item.referenceTexts
        guard !refs.isEmpty else { return .unscorable("no reference") }
        let prediction = Self.tokens(response)
        let best = refs.map { MultisetF1.f1(prediction: prediction, reference: Self.tokens($0)) }.max() ?? 0
        return MetricResult(score: best, reason: "char F1, best of \(refs.count) reference(s)")
    }

    static func tokens(_ text: String) -> [Character] {
        TextNormalizer.matchingForm(text).filter { !$0.isWhitespace }.map { $0 }
    }

    public var examples: [MetricExample] {
        [
            MetricExample(references: ["劳动仲裁"], response: "劳动仲裁。", expected: 1),
            MetricExample(references: ["劳动仲裁"], response: "劳动争议仲裁", expected: 2 * (4.0 / 6) * 1 / (4.0 / 6 + 1)),
            MetricExample(references: ["青色"], response: "红色", expected: 0.5),
            MetricExample(references: ["北京"], response: "上海", expected: 0),
            MetricExample(references: ["北京"], response: "", expected: 0),
            MetricExample(references: ["👍好"], response: "好👍", expected: 1),
        ]
    }
}
