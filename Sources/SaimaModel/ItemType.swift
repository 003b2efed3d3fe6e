/// The kinds of question an item can be; each has a default metric (see `SaimaScoring`).
public enum ItemType: String, Sendable, Hashable, Codable, CaseIterable {
    case singleChoice = "single_choice"
    case multiChoice = "multi_choice"
    case trueFalse = "true_false"
    case shortAnswer = "short_answer"
    case numeric
    case generation
    case extraction

    /// Whether the item offers lettered choices.
    public var hasChoices: Bool { self == .singleChoice || self == .multiChoice }
}
