public import SaimaModel

/// A per-item scoring rule: `(item, reply) → score in [0, 1] + reason`.
///
/// Adding a metric: write one file with a type conforming to `Metric` (its doc comment states the exact
/// definition and the reference implementation it agrees with, its `examples` are checked by the test suite),
/// and add one line to `MetricRegistry.all`.
public protocol Metric: Sendable {
    /// The registry name, as written in an item's `metric` field and on the command line.
    var name: String { get }
    /// Bumped whenever the definition changes, so that stored scores can be told apart.
    var version: Int { get }
    /// One line for listings.
    var summary: String { get }
    /// Worked examples; the test suite checks every registered metric against its own examples.
    var examples: [MetricExample] { get }
    /// Scores one reply to one item.
    func score(item: Item, response: String, context: MetricContext) -> MetricResult
}

/// Settings that come from outside the item: the question set's partial credit, a language override, the prompt sent.
public struct MetricContext: Sendable, Hashable {
    /// Multi-choice credit for a non-empty proper subset of the answer with no wrong letter.
    public var partialCredit: Double
    /// The tokenization language of text metrics; `nil` detects it from the references.
    public var language: ScoringLanguage?
    /// The exact text the model was sent, when known: choice readings leave out what the reply copied from it.
    public var prompt: String?

    public init(partialCredit: Double = 0.5, language: ScoringLanguage? = nil, prompt: String? = nil) {
        self.prompt = prompt
        self.partialCredit = partialCredit
        self.language = language
    }

    /// The language to tokenize with: the override, else detected from the references.
    func language(for references: [String]) -> ScoringLanguage {
        language ?? ScoringLanguage.detect(references: references)
    }
}

/// A worked example of a metric: an item, a reply and the exact expected score.
public struct MetricExample: Sendable {
    public var item: Item
    public var response: String
    public var expected: Double
    public var context: MetricContext

    public init(item: Item, response: String, expected: Double, context: MetricContext = MetricContext()) {
        self.item = item
        self.response = response
        self.expected = expected
        self.context = context
    }

    /// An example against reference texts (a generation item).
    public init(references: [String], response: String, expected: Double, language: ScoringLanguage? = nil) {
        self.init(
            item: Item(id: "example", type: .generation, prompt: "", answer: .texts(references)),
            response: response, expected: expected, context: MetricContext(language: language))
    }
}
