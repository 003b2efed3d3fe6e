public import SaimaModel

/// Scores replies: picks each item's metric (`MetricRegistry.metricName(for:)`) and runs it.
public struct Scorer: Sendable {
    public init() {}

    /// The score of `response` to `item`. `partialCredit` is the question set's multi-choice partial credit;
    /// `language` overrides the tokenization language of text metrics (detected from the references otherwise);
    /// `prompt` is the exact text the model was sent, so that choice readings leave out what the reply copied.
    /// An unknown metric name scores 0 with reason `unknown metric \`name\``.
    public func score(
        item: Item, response: String, partialCredit: Double = 0.5, language: ScoringLanguage? = nil, prompt: String? = nil
    ) -> ItemScore {
        let name = MetricRegistry.metricName(for: item)
        guard let metric = MetricRegistry.metric(named: name) else {
            return ItemScore(score: 0, reason: "unknown metric `\(name)`", metric: name, metricVersion: 0)
        }
        let context = MetricContext(partialCredit: partialCredit, language: language, prompt: prompt)
        return ItemScore(metric.score(item: item, response: response, context: context), metric: metric)
    }

    /// The score of a choice item from the letters a judge read on appeal (`""`: the judge reads no answer).
    public func score(item: Item, judgeReading: String, partialCredit: Double = 0.5, rule: ExtractionRule = .judgeReading)
        -> ItemScore
    {
        let metric = ChoiceMetric()
        let context = MetricContext(partialCredit: partialCredit)
        return ItemScore(metric.score(item: item, judgeReading: judgeReading, context: context, rule: rule), metric: metric)
    }

    /// Corpus BLEU over many replies, sacrebleu's `corpus_bleu` on its 0–100 scale (see `SacreBLEU`).
    /// `references[i]` are the references of `hypotheses[i]`; `zh` uses sacrebleu's `zh` tokenizer, `en` `13a`.
    public static func corpusBLEU(hypotheses: [String], references: [[String]], language: ScoringLanguage) -> Double {
        SacreBLEU.corpusScore(
            hypotheses: hypotheses, references: references, tokenizer: SacreBLEUTokenizer(language: language))
    }
}
