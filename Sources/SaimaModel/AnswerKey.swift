public import SaimaBase
/// The reference answer of an item, in the shape its type calls for.
public enum AnswerKey: Sendable, Hashable {
    /// Choice letters, upper-case and sorted: `"B"` for single choice, `"ACD"` for multi choice.
    case letters(String)
    /// A true/false answer.
    case truth(Bool)
    /// One or more accepted texts (short answers; the reference of a generation item).
    case texts([String])
    /// A numeric answer, compared within the item's tolerance.
    case number(Double)
    /// Expected fields of an extraction item.
    case fields([String: JSONValue])
}
