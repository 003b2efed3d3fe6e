public import SaimaBase
import Foundation

/// The one reading of an item's JSON fields into an `Item`, with the same rules wherever an item is written: in a
/// question file (`ItemParser` in SaimaRegistry adds the line, id rules, unknown-field checks and the track
/// folder's files) and on a `saima score-file` line (which first fills in the type and answer it infers).
///
/// Rules: `type` one of `ItemType`; `choices` an object of one capital letter → non-empty text, at least two for
/// choice types; `answer` by type — letters among the choices without repeats (exactly one for single choice),
/// `true`/`false`, a number, a string or list of strings, or a non-empty object of field → value; `tolerance` a
/// number ≥ 0; `keywords` strings or lists of alternatives (required by metric `keywords`); `rubric` criteria
/// with `description` and `points` > 0; `messages` of role user|assistant|system; `attachments` of kind
/// image|audio|video with a file; `context` or `dataset` (with an optional `section`), not both; `variants` a list
/// of objects with a non-empty `prompt` and, when the paraphrase needs them, its own `choices` (then with its own
/// `answer`) or `answer`, under the same rules as the item's.
public struct ItemFields {
    /// A missing `answer` is allowed (contestant bundles of hidden sets).
    public var answersWithheld = false
    /// A missing or empty `prompt` is a problem (question files) or allowed (score-file lines).
    public var requirePrompt = true
    /// Empty reference texts are a problem (question files: an authoring slip) or allowed (score-file lines, where
    /// the reference implementations score them too).
    public var allowEmptyTexts = false
    /// Resolves an attachment's file to the path to read, or says why it cannot (nil: kept as written).
    public var resolveAttachment: ((String) -> Result<String, AttachmentProblem>)?

    /// Why an attachment's file cannot be used.
    public struct AttachmentProblem: Error {
        public var message: String
        public init(message: String) { self.message = message }
    }

    public init(answersWithheld: Bool = false, requirePrompt: Bool = true, allowEmptyTexts: Bool = false,
                resolveAttachment: ((String) -> Result<String, AttachmentProblem>)? = nil)
    {
        self.answersWithheld = answersWithheld
        self.requirePrompt = requirePrompt
        self.allowEmptyTexts = allowEmptyTexts
        self.resolveAttachment = resolveAttachment
    }

    /// The item the fields describe, or nil with every problem appended to `problems` (messages without location).
    ///
    /// `canonicalText`, when given, is `raw.canonicalJSON` already computed (an item read back from its canonical
    /// text), so it is not written again.
    public func item(
        _ o: [String: JSONValue], id: String, raw: JSONValue, canonicalText: String? = nil, line: Int,
        problems: inout [String]
    ) -> Item? {
        let problemsBefore = problems.count
        // `1e400` reads as infinity, which no field means and which JSON cannot write back.
        if Self.hasNonFiniteNumber(raw) {
            problems.append("a number is out of range (beyond ±1.8e308) / 数值超出范围")
        }
        let typeName = o["type"]?.stringValue
        let type = typeName.flatMap(ItemType.init(rawValue:))
        if typeName == nil {
            problems.append("missing field `type`")
        } else if type == nil {
            let known = ItemType.allCases.map(\.rawValue).joined(separator: ", ")
            problems.append("unknown type `\(typeName!)` (known: \(known))")
        }
        let prompt = o["prompt"]?.stringValue ?? ""
        if prompt.isEmpty, requirePrompt { problems.append("missing field `prompt` (a non-empty string)") }
        let choices = parseChoices(o["choices"], problems: &problems)
        if let type, type.hasChoices, choices.count < 2 {
            problems.append("a \(type.rawValue) item needs `choices` with at least two letters")
        }
        var answer: AnswerKey?
        if let type {
            if let raw = o["answer"], raw != .null {
                answer = parseAnswer(raw, type: type, choices: choices, problems: &problems)
            } else if answersWithheld {
                answer = .texts([])
            } else {
                problems.append("missing field `answer`")
            }
        }
        let tolerance = o["tolerance"].flatMap { v -> Double? in
            guard let n = v.numberValue, n >= 0 else {
                problems.append("`tolerance` must be a number ≥ 0")
                return nil
            }
            return n
        }
        let metric = optionalString(o, "metric", problems: &problems)
        let rubric = parseRubric(o["rubric"], problems: &problems)
        let context = optionalString(o, "context", problems: &problems)
        let citation = parseCitation(o, problems: &problems)
        if context != nil, citation != nil { problems.append("give either `context` or `dataset`, not both") }
        let messages = parseMessages(o["messages"], problems: &problems)
        let attachments = parseAttachments(o["attachments"], problems: &problems)
        let tags = o["tags"].map { stringList($0, field: "tags", problems: &problems) } ?? []
        let difficulty = optionalString(o, "difficulty", problems: &problems)
        let keywords = parseKeywords(o["keywords"], problems: &problems)
        if metric == "keywords", keywords.isEmpty {
            problems.append("metric `keywords` needs a non-empty `keywords` list")
        }
        let variants = type.map { parseVariants(o["variants"], type: $0, choices: choices, problems: &problems) } ?? []
        guard problems.count == problemsBefore, let type, let answer else { return nil }
        var item = Item(
            id: id, type: type, prompt: prompt, system: o["system"]?.stringValue, choices: choices, answer: answer,
            tolerance: tolerance, metric: metric, rubric: rubric, context: context, citation: citation,
            messages: messages, attachments: attachments, tags: tags, difficulty: difficulty, keywords: keywords,
            raw: canonicalText == nil ? raw : .null, line: line)
        if let canonicalText { item.rawJSON = canonicalText }
        item.variants = variants
        return item
    }

    /// `variants`: paraphrases, each `{"prompt": …, "choices"?: …, "answer"?: …}`.
    private func parseVariants(_ v: JSONValue?, type: ItemType, choices: [Choice], problems: inout [String]) -> [ItemVariant] {
        guard let v else { return [] }
        guard let list = v.arrayValue, !list.isEmpty else {
            problems.append("`variants` must be a non-empty list of {\"prompt\", \"choices\"?, \"answer\"?}")
            return []
        }
        var out: [ItemVariant] = []
        for (n, entry) in list.enumerated() {
            guard let o = entry.objectValue, let prompt = o["prompt"]?.stringValue, !prompt.isEmpty else {
                problems.append("variant \(n + 1) needs a non-empty `prompt`")
                continue
            }
            for key in o.keys.sorted() where !["prompt", "choices", "answer"].contains(key) {
                problems.append("variant \(n + 1): unknown field `\(key)` (a variant has prompt, choices, answer)")
            }
            var own: [Choice]?
            if o["choices"] != nil {
                own = parseChoices(o["choices"], problems: &problems)
                if type.hasChoices, (own?.count ?? 0) < 2 { problems.append("variant \(n + 1) needs at least two choices") }
                if o["answer"] == nil { problems.append("variant \(n + 1) has its own choices, so it needs its own `answer`") }
            }
            let answer = o["answer"].flatMap { parseAnswer($0, type: type, choices: own ?? choices, problems: &problems) }
            out.append(ItemVariant(prompt: prompt, choices: own, answer: answer))
        }
        return out
    }

    /// Whether any number in `value` (at any depth) is infinite or NaN.
    static func hasNonFiniteNumber(_ value: JSONValue) -> Bool {
        switch value {
        case .number(let n): !n.isFinite
        case .array(let a): a.contains(where: hasNonFiniteNumber)
        case .object(let o): o.values.contains(where: hasNonFiniteNumber)
        default: false
        }
    }

    private func optionalString(_ o: [String: JSONValue], _ key: String, problems: inout [String]) -> String? {
        guard let v = o[key] else { return nil }
        guard let s = v.stringValue else {
            problems.append("`\(key)` must be a string, not \(v.kindName)")
            return nil
        }
        return s
    }

    private func stringList(_ v: JSONValue, field: String, problems: inout [String]) -> [String] {
        guard let a = v.arrayValue, a.allSatisfy({ $0.stringValue != nil }) else {
            problems.append("`\(field)` must be a list of strings")
            return []
        }
        return a.compactMap(\.stringValue)
    }

    private func parseChoices(_ v: JSONValue?, problems: inout [String]) -> [Choice] {
        guard let v else { return [] }
        guard let o = v.objectValue else {
            problems.append("`choices` must be an object of letter → text")
            return []
        }
        var result: [Choice] = []
        for letter in o.keys.sorted() {
            guard letter.count == 1, let c = letter.first, c.isASCII, c.isUppercase else {
                problems.append("choice key `\(letter)` must be one capital letter A–Z")
                continue
            }
            guard let text = o[letter]?.stringValue, !text.isEmpty else {
                problems.append("choice `\(letter)` must be a non-empty string")
                continue
            }
            result.append(Choice(letter: letter, text: text))
        }
        return result
    }

    private func parseAnswer(_ v: JSONValue, type: ItemType, choices: [Choice], problems: inout [String])
        -> AnswerKey?
    {
        switch type {
        case .singleChoice, .multiChoice:
            guard let s = v.stringValue?.uppercased(), !s.isEmpty else {
                problems.append("`answer` of a \(type.rawValue) item must be letters such as \"B\" or \"ACD\"")
                return nil
            }
            let letters = Set(s.map(String.init))
            let offered = Set(choices.map(\.letter))
            let unknown = letters.subtracting(offered).sorted()
            if !unknown.isEmpty {
                let listed = offered.sorted().joined(separator: ", ")
                problems.append("answer names no choice: \(unknown.joined(separator: ", ")) (choices are \(listed))")
                return nil
            }
            if type == .singleChoice, letters.count != 1 {
                problems.append("a single_choice answer must be exactly one letter, got \"\(s)\"")
                return nil
            }
            if letters.count != s.count {
                problems.append("answer \"\(s)\" repeats a letter")
                return nil
            }
            return .letters(letters.sorted().joined())
        case .trueFalse:
            guard let b = v.boolValue else {
                problems.append("`answer` of a true_false item must be true or false")
                return nil
            }
            return .truth(b)
        case .numeric:
            guard let n = v.numberValue else {
                problems.append("`answer` of a numeric item must be a number")
                return nil
            }
            return .number(n)
        case .shortAnswer, .generation:
            if let s = v.stringValue, allowEmptyTexts || !s.isEmpty { return .texts([s]) }
            if let a = v.arrayValue, !a.isEmpty,
                a.allSatisfy({ $0.stringValue.map { allowEmptyTexts || !$0.isEmpty } ?? false })
            {
                return .texts(a.compactMap(\.stringValue))
            }
            problems.append("`answer` of a \(type.rawValue) item must be a string or a list of strings")
            return nil
        case .extraction:
            guard let o = v.objectValue, !o.isEmpty else {
                problems.append("`answer` of an extraction item must be a non-empty object of field → value")
                return nil
            }
            return .fields(o)
        }
    }

    private func parseRubric(_ v: JSONValue?, problems: inout [String]) -> Rubric? {
        guard let v else { return nil }
        guard let criteria = v["criteria"]?.arrayValue, !criteria.isEmpty else {
            problems.append("`rubric` must be {\"criteria\": [{\"id\", \"description\", \"points\"}, …]}")
            return nil
        }
        var result: [Rubric.Criterion] = []
        for (i, c) in criteria.enumerated() {
            guard let description = c["description"]?.stringValue, let points = c["points"]?.numberValue,
                points > 0
            else {
                problems.append("rubric criterion \(i + 1) needs `description` and `points` > 0")
                continue
            }
            result.append(.init(id: c["id"]?.stringValue ?? "c\(i + 1)", description: description, points: points))
        }
        return Rubric(criteria: result)
    }

    private func parseCitation(_ o: [String: JSONValue], problems: inout [String]) -> DatasetCitation? {
        let dataset = optionalString(o, "dataset", problems: &problems)
        let section = optionalString(o, "section", problems: &problems)
        if dataset == nil, section != nil { problems.append("`section` needs `dataset`") }
        return dataset.map { DatasetCitation(dataset: $0, section: section) }
    }

    private func parseMessages(_ v: JSONValue?, problems: inout [String]) -> [ChatTurn] {
        guard let v else { return [] }
        guard let a = v.arrayValue else {
            problems.append("`messages` must be a list of {\"role\", \"content\"}")
            return []
        }
        return a.compactMap { m in
            guard let role = m["role"]?.stringValue, ["user", "assistant", "system"].contains(role),
                let content = m["content"]?.stringValue
            else {
                problems.append("each of `messages` needs `role` (user|assistant|system) and `content`")
                return nil
            }
            return ChatTurn(role: role, content: content)
        }
    }

    private func parseAttachments(_ v: JSONValue?, problems: inout [String]) -> [MediaAttachment] {
        guard let v else { return [] }
        guard let a = v.arrayValue else {
            problems.append("`attachments` must be a list")
            return []
        }
        return a.compactMap { entry in
            guard let kindName = entry["kind"]?.stringValue, let kind = MediaAttachment.Kind(rawValue: kindName),
                let file = entry["file"]?.stringValue, !file.isEmpty
            else {
                problems.append("each attachment needs `kind` (image|audio|video) and `file`")
                return nil
            }
            var path = file
            if let resolveAttachment {
                switch resolveAttachment(file) {
                case .success(let real): path = real
                case .failure(let problem):
                    problems.append(problem.message)
                    return nil
                }
            }
            let mime = entry["mime"]?.stringValue ?? Self.guessMime(file)
            return MediaAttachment(kind: kind, file: file, mime: mime, path: path)
        }
    }

    private func parseKeywords(_ v: JSONValue?, problems: inout [String]) -> [[String]] {
        guard let v else { return [] }
        guard let a = v.arrayValue else {
            problems.append("`keywords` must be a list of strings or of lists of alternatives")
            return []
        }
        return a.compactMap { entry in
            if let s = entry.stringValue { return [s] }
            if let alts = entry.arrayValue, !alts.isEmpty, alts.allSatisfy({ $0.stringValue != nil }) {
                return alts.compactMap(\.stringValue)
            }
            problems.append("`keywords` entries must be strings or lists of strings")
            return nil
        }
    }

    public static func guessMime(_ file: String) -> String {
        switch (file as NSString).pathExtension.lowercased() {
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "wav": "audio/wav"
        case "mp3": "audio/mpeg"
        case "mp4": "video/mp4"
        default: "application/octet-stream"
        }
    }

}
