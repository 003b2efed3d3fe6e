public import SaimaBase
/// One question of a question set, as written on one line of its JSON Lines file.
///
/// The fields most items leave empty (system message, tolerance, metric, rubric, context, citation, messages,
/// attachments, tags, difficulty, key points) live in one shared box, absent when all are empty: an item is
/// 112 bytes instead of 256, which matters at 100,000 items and on every copy. They read and write like stored
/// properties.
public struct Item: Sendable, Hashable, Identifiable {
    public var id: String
    public var type: ItemType
    public var prompt: String
    /// Lettered choices in letter order (single and multi choice).
    public var choices: [Choice]
    public var answer: AnswerKey
    private var details: DetailsBox?

    /// A system message sent before everything else.
    public var system: String? { get { self[detail: \.system] } set { self[detail: \.system] = newValue } }
    /// Relative tolerance for numeric answers.
    public var tolerance: Double? { get { self[detail: \.tolerance] } set { self[detail: \.tolerance] = newValue } }
    /// Overrides the type's default metric.
    public var metric: String? { get { self[detail: \.metric] } set { self[detail: \.metric] = newValue } }
    /// Criteria for judged generation items.
    public var rubric: Rubric? { get { self[detail: \.rubric] } set { self[detail: \.rubric] = newValue } }
    /// Inline reference text placed before the question.
    public var context: String? { get { self[detail: \.context] } set { self[detail: \.context] = newValue } }
    /// A section of one of the track's datasets, inlined before the question.
    public var citation: DatasetCitation? {
        get { self[detail: \.citation] }
        set { self[detail: \.citation] = newValue }
    }
    /// A multi-turn history sent before the prompt.
    public var messages: [ChatTurn] { get { self[detail: \.messages] } set { self[detail: \.messages] = newValue } }
    public var attachments: [MediaAttachment] {
        get { self[detail: \.attachments] }
        set { self[detail: \.attachments] = newValue }
    }
    public var tags: [String] { get { self[detail: \.tags] } set { self[detail: \.tags] = newValue } }
    public var difficulty: String? { get { self[detail: \.difficulty] } set { self[detail: \.difficulty] = newValue } }
    /// Required key points for the `keywords` metric: each inner list holds alternatives.
    public var keywords: [[String]] { get { self[detail: \.keywords] } set { self[detail: \.keywords] = newValue } }
    /// Paraphrases written by the pilot unit (`variants`): each team is shown one of the item and its variants.
    public var variants: [ItemVariant] { get { self[detail: \.variants] } set { self[detail: \.variants] = newValue } }

    /// The rarely set fields.
    struct Details: Sendable, Hashable {
        var system: String?
        var tolerance: Double?
        var metric: String?
        var rubric: Rubric?
        var context: String?
        var citation: DatasetCitation?
        var messages: [ChatTurn] = []
        var attachments: [MediaAttachment] = []
        var tags: [String] = []
        var difficulty: String?
        var keywords: [[String]] = []
        var variants: [ItemVariant] = []
    }

    /// An immutable box: a change makes a new one, so copies of an item never see each other's changes.
    final class DetailsBox: Sendable, Hashable {
        let value: Details
        init(_ value: Details) { self.value = value }
        static func == (a: DetailsBox, b: DetailsBox) -> Bool { a.value == b.value }
        func hash(into hasher: inout Hasher) { hasher.combine(value) }
    }

    /// One boxed field: read from the box (defaults when there is none); a write makes a new box, or none when
    /// every field is back at its default.
    private subscript<Value>(detail field: WritableKeyPath<Details, Value>) -> Value {
        get { (details?.value ?? Details())[keyPath: field] }
        set {
            var d = details?.value ?? Details()
            d[keyPath: field] = newValue
            details = d == Details() ? nil : DetailsBox(d)
        }
    }

    /// The item exactly as read (all fields, including ones Saima does not interpret), kept as its canonical JSON
    /// text (`JSONValue.canonicalJSON`): a tenth of the memory of the parsed value, and already what the content
    /// hash and the judge cache key digest.
    public var rawJSON: String
    /// The item exactly as read, parsed from `rawJSON` on each access.
    public var raw: JSONValue {
        get { (try? JSONValue.parse(rawJSON)) ?? .null }
        set { rawJSON = newValue.canonicalJSON }
    }
    /// 1-based line in the question file.
    public var line: Int
    /// For multi choice: the fewest correct options the item's set promises (`min_correct` of the set, default
    /// 1: 不定项). The instruction claims "two or more" only when this is 2 or more.
    public var minimumCorrect = 1

    public init(
        id: String, type: ItemType, prompt: String, system: String? = nil, choices: [Choice] = [],
        answer: AnswerKey, tolerance: Double? = nil, metric: String? = nil, rubric: Rubric? = nil,
        context: String? = nil, citation: DatasetCitation? = nil, messages: [ChatTurn] = [],
        attachments: [MediaAttachment] = [], tags: [String] = [], difficulty: String? = nil,
        keywords: [[String]] = [], raw: JSONValue = .null, line: Int = 0
    ) {
        self.id = id
        self.type = type
        self.prompt = prompt
        self.choices = choices
        self.answer = answer
        let details = Details(
            system: system, tolerance: tolerance, metric: metric, rubric: rubric, context: context, citation: citation,
            messages: messages, attachments: attachments, tags: tags, difficulty: difficulty, keywords: keywords)
        self.details = details == Details() ? nil : DetailsBox(details)
        self.rawJSON = raw.canonicalJSON
        self.line = line
    }

    /// The text of the choice with this letter.
    public func choiceText(_ letter: String) -> String? {
        choices.first { $0.letter == letter }?.text
    }
}

/// One lettered choice.
public struct Choice: Sendable, Hashable {
    public var letter: String
    public var text: String
    public init(letter: String, text: String) {
        self.letter = letter
        self.text = text
    }
}

/// A reference to a section of a track dataset.
public struct DatasetCitation: Sendable, Hashable {
    public var dataset: String
    /// Section id (the first word of a `## ` heading), or nil for the whole document.
    public var section: String?
    public init(dataset: String, section: String?) {
        self.dataset = dataset
        self.section = section
    }
}

/// One earlier turn of a conversation.
public struct ChatTurn: Sendable, Hashable {
    public var role: String
    public var content: String
    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}

/// A media file that goes with an item; `file` is relative to the track folder.
public struct MediaAttachment: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable { case image, audio, video }
    public var kind: Kind
    public var file: String
    public var mime: String
    /// Absolute path resolved at load time.
    public var path: String
    public init(kind: Kind, file: String, mime: String, path: String) {
        self.kind = kind
        self.file = file
        self.mime = mime
        self.path = path
    }
}

/// Grading criteria for a generation item: score = points awarded / total points.
public struct Rubric: Sendable, Hashable {
    public struct Criterion: Sendable, Hashable {
        public var id: String
        public var description: String
        public var points: Double
        public init(id: String, description: String, points: Double) {
            self.id = id
            self.description = description
            self.points = points
        }
    }
    public var criteria: [Criterion]
    public init(criteria: [Criterion]) { self.criteria = criteria }
    public var maxPoints: Double { criteria.reduce(0) { $0 + $1.points } }
}

/// One paraphrase of an item (`variants` in a question file): its own prompt, and its own choices and answer when the
/// paraphrase needs them (otherwise the item's).
public struct ItemVariant: Sendable, Hashable {
    public var prompt: String
    /// Nil: the item's choices.
    public var choices: [Choice]?
    /// Nil: the item's answer.
    public var answer: AnswerKey?

    public init(prompt: String, choices: [Choice]? = nil, answer: AnswerKey? = nil) {
        self.prompt = prompt
        self.choices = choices
        self.answer = answer
    }
}
