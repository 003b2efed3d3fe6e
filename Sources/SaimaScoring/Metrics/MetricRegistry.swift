public import SaimaModel

/// Every metric Saima knows, by name. Adding a metric is one file and one line in `all`.
public enum MetricRegistry {
    /// The registered metrics, in listing order; names are unique (a test checks).
    public static let all: [any Metric] = [
        ChoiceMetric(),
        ExactMatchMetric(),
        NormalizedExactMetric(),
        NumericMetric(),
        CharF1Metric(),
        TokenF1Metric(),
        RougeMetric(.longestCommonSubsequence),
        RougeMetric(.ngram(1)),
        RougeMetric(.ngram(2)),
        BLEUMetric(),
        KeywordsMetric(),
        ExtractionMetric(),
        RegexMetric(),
        JudgeMetric(),
    ]

    private static let byName: [String: any Metric] = Dictionary(all.map { ($0.name, $0) }) { first, _ in first }

    /// The registered names, in listing order.
    public static var names: [String] { all.map(\.name) }

    /// The metric with this name.
    public static func metric(named name: String) -> (any Metric)? { byName[name] }

    /// The metric an item is scored with: its `metric` field, else the default of its type — `choice` for
    /// single_choice, multi_choice and true_false; `normalized_exact` for short_answer; `numeric` for numeric;
    /// `judge` for generation with a rubric, else `rouge_l`; `extraction` for extraction.
    public static func metricName(for item: Item) -> String {
        if let name = item.metric { return name }
        switch item.type {
        case .singleChoice, .multiChoice, .trueFalse: return "choice"
        case .shortAnswer: return "normalized_exact"
        case .numeric: return "numeric"
        case .generation: return item.rubric == nil ? "rouge_l" : "judge"
        case .extraction: return "extraction"
        }
    }
}
