/// What a reply to a choice or true/false item answers.
public enum ChoiceAnswer: Sendable, Hashable, CustomStringConvertible {
    /// Choice letters, upper-case, sorted, without repeats (`"B"`, `"ACD"`).
    case letters(String)
    /// A truth value.
    case truth(Bool)

    /// `"ACD"`, `"true"` or `"false"`.
    public var description: String {
        switch self {
        case .letters(let l): l
        case .truth(let b): b ? "true" : "false"
        }
    }

    /// Letters from a set of code points.
    static func letters(_ set: Set<Unicode.Scalar>) -> ChoiceAnswer {
        .letters(String(scalars: set.sorted { $0.value < $1.value }))
    }
}

/// Which extraction rule read the answer; reports show it next to each extracted answer.
public enum ExtractionRule: String, Sendable, Hashable, CaseIterable {
    case bare
    case answerStatement = "answer_statement"
    case letterStatement = "letter_statement"
    case leadingLetter = "leading_letter"
    case choiceText = "choice_text"
    case strayLetter = "stray_letter"
    case truthBare = "truth_bare"
    case truthStatement = "truth_statement"
    case truthLeading = "truth_leading"
    case truthWord = "truth_word"
    case truthChoice = "truth_choice"
}

/// An answer read from a reply, and the rule that read it.
public struct ExtractedAnswer: Sendable, Hashable {
    public var answer: ChoiceAnswer
    public var rule: ExtractionRule

    public init(answer: ChoiceAnswer, rule: ExtractionRule) {
        self.answer = answer
        self.rule = rule
    }
}
