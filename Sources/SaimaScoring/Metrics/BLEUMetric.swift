public import SaimaModel

/// `bleu`: sentence BLEU of the reply against the item's reference texts, on [0, 1]: identical to
/// `min(sacrebleu.sentence_bleu(reply, references, tokenize=…).score / 100, 1)` of sacrebleu 2.x
/// (`smooth_method='exp'`, `use_effective_order=True`; the `min` only trims the rounding excess of an exact
/// match, which sacrebleu scores 100.00000000000004); see `SacreBLEU` for the formulas.
/// The tokenizer follows the language (`MetricContext.language`, else `zh` when a reference contains a CJK
/// ideograph): `zh` → sacrebleu's `zh`, `en` → `13a`. Corpus BLEU over a whole file is `Scorer.corpusBLEU`.
/// Checked against sacrebleu by `Scripts/crosscheck-metrics.sh`.
public struct BLEUMetric: Metric {
    public let name = "bleu"
    public let version = 1
    public let summary = "sentence BLEU / 100 (sacrebleu: exp smoothing, effective order; zh or 13a tokens)"

    public init() {}

    public func score(item: Item, response: String, context: MetricContext) -> MetricResult {
        let refs = item.referenceTexts
        guard !refs.isEmpty else { return .unscorable("no reference") }
        let language = context.language(for: refs)
        let tokenizer = SacreBLEUTokenizer(language: language)
        let bleu = SacreBLEU.sentenceScore(hypothesis: response, references: refs, tokenizer: tokenizer)
        return MetricResult(score: min(bleu / 100, 1), reason: "sentence BLEU, \(tokenizer.rawValue) tokens")
    }

    public var examples: [MetricExample] {
        [
            MetricExample(references: ["今天天气很好"], response: "今天天气很好", expected: 1),
            MetricExample(references: ["the cat sat on the mat"], response: "dogs", expected: 0),
            // Precisions 3/4, 1/3, then exp smoothing 100/(2·2) and 100/(4·1) for the unmatched 3- and 4-grams;
            // BP = 1; (75 · 33.3… · 25 · 25)^(1/4) = 35.35533905932737 (sacrebleu 2.6.0).
            MetricExample(references: ["a b c d"], response: "a b x d", expected: 0.3535533905932737, language: .en),
        ]
    }
}
