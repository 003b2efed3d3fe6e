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
    case answerLine = "answer_line"
    case answerStatement = "answer_statement"
    case listedOptions = "listed_options"
    case conclusion
    case letterStatement = "letter_statement"
    case leadingLetter = "leading_letter"
    case choiceText = "choice_text"
    case strayLetter = "stray_letter"
    case truthBare = "truth_bare"
    case truthStatement = "truth_statement"
    case truthLeading = "truth_leading"
    case truthWord = "truth_word"
    case truthChoice = "truth_choice"
    /// Not a rule of the extractors: a judge's reading of the answer on appeal (`saima appeals import`).
    case judgeReading = "judge_reading"
    /// Not a rule of the extractors: the LLM reader's reading of an uncertain answer (`saima judge`), with a quote
    /// checked to stand in the reply.
    case llmReader = "llm_reader"
}

extension ExtractionRule {
    /// How much a reading depends on guessing the reply's format.
    public enum Strength: String, Sendable, Hashable, CaseIterable {
        /// The reply states its answer explicitly (a bare answer, an answer line or statement).
        case strong
        /// Read from a claim (`B是正确的`) or the reply's layout (a leading letter, a decisive word).
        case inferred
        /// Guessed from restated choice text or letters standing anywhere.
        case weak
    }

    /// The rule's strength: judges see how many answers were read by guessing.
    public var strength: Strength {
        switch self {
        case .bare, .answerLine, .answerStatement, .listedOptions, .conclusion, .truthBare, .truthStatement, .judgeReading,
            .llmReader:
            .strong
        case .letterStatement, .leadingLetter, .truthLeading: .inferred
        case .choiceText, .strayLetter, .truthWord, .truthChoice: .weak
        }
    }
}

/// What a reply to a choice item says: an answer, an explicit answer line that names no choice, or nothing.
public enum ChoiceReading: Sendable, Hashable {
    case answer(ExtractedAnswer)
    /// The final answer line names no choice (`答案：题目有误`); the line's text.
    case declined(String)
    /// No rule read an answer.
    case none
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
