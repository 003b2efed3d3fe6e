public import SaimaModel

/// `f1_token`: SQuAD-style token F1 for English, the maximum over the item's reference texts
/// (`metric_max_over_ground_truths(compute_f1, …)`).
///
/// Tokens are SQuAD's `normalize_answer(text).split()` (`SQuADNormalizer`: Python lowercasing, ASCII punctuation
/// deleted, the articles a/an/the removed, whitespace split); F1 over token multisets as SQuAD v2.0's
/// `compute_f1` (`MultisetF1`). Identical to the SQuAD v2.0 evaluation script (checked by
/// `Scripts/crosscheck-metrics.sh` against an implementation of it).
public struct TokenF1Metric: Metric {
    public let name = "f1_token"
    public let version = 1
    public let summary = "SQuAD token F1 (English), best reference"

    public init() {}

    public func score(item: Item, response: String, context: MetricContext) -> MetricResult {
        let refs = item.referenceTexts
        guard !refs.isEmpty else { return .unscorable("no reference") }
        let prediction = SQuADNormalizer.tokens(response)
        let best = refs.map { MultisetF1.f1(prediction: prediction, reference: SQuADNormalizer.tokens($0)) }.max() ?? 0
        return MetricResult(score: best, reason: "token F1, best of \(refs.count) reference(s)")
    }

    public var examples: [MetricExample] {
        [
            MetricExample(references: ["Li Chunyan"], response: "It is Li Chunyan.", expected: 2 * 0.5 * 1 / 1.5),
            MetricExample(references: ["the Eiffel Tower"], response: "Eiffel tower!", expected: 1),
            MetricExample(references: ["a cat"], response: "dog", expected: 0),
            MetricExample(references: ["the"], response: "an", expected: 1),
            MetricExample(references: ["cat"], response: "", expected: 0),
        ]
    }
}
