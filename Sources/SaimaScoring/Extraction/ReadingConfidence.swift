import SaimaBase
/// How far a reading of a reply can be trusted without a second reader.
///
/// - `explicit`: the reply states its answer (a bare letter, an answer line, an answer statement, a listed choice,
///   a concluding sentence), or states plainly that it gives none (an answer line that refuses, hedges, is empty, copies
///   the prompt's first option line or is a number no option holds — `ChoiceAnswerExtractor.declinesPlainly`; a
///   single-answer item's option list copied and the copying going on), or has no letter or choice text a
///   reader could take for an answer; nothing in it contradicts the reading.
/// - `inferred`: read from a claim (`B是正确的`), the reply's layout (a leading letter), or one option's own text in
///   a reply of a sentence or two to a single-answer item.
/// - `uncertain`: guessed (choice text in a longer reply, stray letters), or the reply contradicts itself (an answer
///   and a later conclusion or answer naming other letters, an answer line followed by a line that names no choice),
///   several letters to a single-answer item read by anything but an explicit statement, a letter glued to other
///   text, an answer line naming no option that does not plainly decline (`答案：一项`, a refusal holding an option's
///   words), several letters to a single-answer item read from a concluding sentence, or no reading although the reply
///   names options. Uncertain
///   readings are scored provisionally and sent to a second reader: the appeals sheet (`--rules uncertain`) and,
///   when a judge endpoint is configured, the LLM reader.
public enum ReadingConfidence: String, Sendable, Hashable, CaseIterable, Comparable {
    case explicit
    case inferred
    case uncertain

    /// Chinese label shown beside the English one.
    public var chinese: String {
        switch self {
        case .explicit: "明确"
        case .inferred: "推断"
        case .uncertain: "存疑"
        }
    }

    /// Ordered from most to least trusted.
    public static func < (a: ReadingConfidence, b: ReadingConfidence) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The confidence a rule gives on its own: strong rules are explicit, inferred rules inferred, weak rules uncertain.
    public init(rule: ExtractionRule) {
        switch rule.strength {
        case .strong: self = .explicit
        case .inferred: self = .inferred
        case .weak: self = .uncertain
        }
    }
}

/// A reading with its confidence, and why it is not explicit when it is not.
public struct ChoiceAssessment: Sendable, Hashable {
    /// What the reply answers.
    public var reading: ChoiceReading
    /// How far the reading can be trusted.
    public var confidence: ReadingConfidence
    /// Why the reading is uncertain (English and Chinese), when it is.
    public var doubt: String?
    /// The text the rules read: the folded reply without what was copied from the prompt and without the questions
    /// it invented after answering. Shown in the extraction audit.
    public var readText = ""

    /// Whether `quote` stands in the text the rules read (folded as the reply was, whitespace ignored): a second
    /// reader's quote must come from the reply itself, not from what it copied from the prompt.
    public func standsInReadText(_ quote: String) -> Bool {
        let q = ScalarScanner(quote).text.filter { !$0.properties.isWhitespace }
        guard !q.isEmpty else { return false }
        let r = readText.unicodeScalars.filter { !$0.properties.isWhitespace }
        return ScalarSearch.contains(String(String.UnicodeScalarView(r)), String(String.UnicodeScalarView(q)))
    }

    /// The letters read, sorted (`""` when the reply declines or nothing is read).
    public var letters: String {
        if case .answer(let found) = reading { found.answer.description } else { "" }
    }

    public init(reading: ChoiceReading, confidence: ReadingConfidence, doubt: String? = nil) {
        self.reading = reading
        self.confidence = confidence
        self.doubt = doubt
    }
}
