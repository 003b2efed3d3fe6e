public import SaimaModel

/// `rouge_l`, `rouge_1`, `rouge_2`: the ROUGE F-measure of the reply against the item's reference texts,
/// identical to Google's `rouge-score` 0.1.2 (`RougeScorer([...], use_stemmer=False).score_multi(references,
/// reply)`, which keeps the reference with the highest F-measure); see `Rouge` for the formulas.
///
/// Tokenization by language (`MetricContext.language`, else `zh` when a reference contains a CJK ideograph):
/// - `en`: rouge-score's default tokenizer — Python `lower()`, runs of `[a-z0-9]`, no stemming;
/// - `zh`: characters — rouge-score given a tokenizer whose `tokenize(text)` is
///   `[c for c in text.lower() if not c.isspace()]` (every non-whitespace code point one token).
/// Checked against rouge-score by `Scripts/crosscheck-metrics.sh` (≥ 2,000 random mixed pairs, |Δ| ≤ 1e-6).
public struct RougeMetric: Metric {
    public let kind: Rouge.Kind
    public let version = 1

    public init(_ kind: Rouge.Kind) { self.kind = kind }

    public var name: String {
        switch kind {
        case .longestCommonSubsequence: "rouge_l"
        case .ngram(let n): "rouge_\(n)"
        }
    }

    public var summary: String {
        switch kind {
        case .longestCommonSubsequence: "ROUGE-L F-measure (rouge-score; characters for zh)"
        case .ngram(let n): "ROUGE-\(n) F-measure (rouge-score; characters for zh)"
        }
    }

    public func score(item: Item, response: String, context: MetricContext) -> MetricResult {
        let refs = item.referenceTexts
        let language = context.language(for: refs)
        guard let best = Rouge.scoreMulti(targets: refs, prediction: response, kind: kind, language: language) else {
            return .unscorable("no reference")
        }
        return MetricResult(score: best.fmeasure, reason: "\(name) F, \(language.rawValue) tokens")
    }

    public var examples: [MetricExample] {
        switch kind {
        case .longestCommonSubsequence:
            [
                MetricExample(references: ["请不要走开　广告之后马上回来"], response: "请不要走开 广告之后马上回来", expected: 1),
                // LCS 3 of 4 characters: p = 3/4, r = 3/4.
                MetricExample(references: ["青澜古镇"], response: "青澜镇古", expected: 0.75),
                MetricExample(
                    references: ["The quick brown fox"], response: "the QUICK fox!", expected: 2 * 1 * 0.75 / 1.75),
                MetricExample(references: ["北京"], response: "", expected: 0),
                MetricExample(references: ["abc"], response: "xyz", expected: 0, language: .en),
            ]
        case .ngram(1):
            [
                MetricExample(references: ["青澜古镇"], response: "青澜镇古", expected: 1),
                MetricExample(
                    references: ["a b c d"], response: "a b x", expected: 2 * (2.0 / 3) * 0.5 / (2.0 / 3 + 0.5)),
            ]
        case .ngram:
            [
                // Bigrams 青澜 澜古 古镇 vs 青澜 澜镇 镇古: one shared.
                MetricExample(references: ["青澜古镇"], response: "青澜镇古", expected: 1.0 / 3),
                MetricExample(references: ["a"], response: "a", expected: 0, language: .en),
            ]
        }
    }
}
