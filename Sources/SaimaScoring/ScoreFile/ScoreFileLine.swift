import SaimaModel

/// One parsed input line of `saima score-file`: the id to echo, the prediction, and an `Item` built from the
/// line for the metric.
///
/// A line is `{"id": …, "prediction": "…", "references": ["…"], "item": {…}}`:
/// - `id`: a string or a number, echoed in the output;
/// - `prediction`: a string (`null` reads as the empty string);
/// - `references`: a string or a list of strings — the reference texts; required unless `item.answer` is given;
/// - `item` (optional): item fields the metric needs — `type`, `choices` (letter → text), `answer`,
///   `tolerance`, `keywords`, `pattern` (and any other field, kept in `Item.raw`).
/// Without `item.type` the type follows the metric: `choice` → true_false for a boolean answer, multi_choice for
/// several letters, else single_choice; `numeric` → numeric; `extraction` → extraction; otherwise generation.
/// Without `item.answer` the answer is the references (for `numeric` the first reference read as a number, for
/// choice items the first reference read as letters).
struct ScoreFileLine {
    var id: JSONValue
    var prediction: String
    var item: Item

    init(_ value: JSONValue, metric: String, line: Int) throws(ScoringError) {
        guard let object = value.objectValue else { throw .notAnObject }
        guard let id = object["id"] else { throw .missingField("id") }
        guard id.stringValue != nil || id.numberValue != nil else {
            throw .wrongType(field: "id", expected: "a string or a number", got: id.kindName)
        }
        self.id = id
        switch object["prediction"] {
        case .string(let s)?: prediction = s
        case .null?: prediction = ""
        case nil: throw .missingField("prediction")
        case let other?: throw .wrongType(field: "prediction", expected: "a string", got: other.kindName)
        }
        let references = try Self.strings(object["references"], field: "references")
        let fields: [String: JSONValue]
        switch object["item"] {
        case nil, .null?: fields = [:]
        case .object(let o)?: fields = o
        case let other?: throw .wrongType(field: "item", expected: "an object", got: other.kindName)
        }
        item = try Self.item(fields, references: references, metric: metric, line: line)
    }

    private static func item(
        _ fields: [String: JSONValue], references: [String]?, metric: String, line: Int
    ) throws(ScoringError) -> Item {
        let choices = try Self.choices(fields["choices"])
        let type = try Self.type(fields, metric: metric)
        let answer: AnswerKey
        if let raw = fields["answer"], raw != .null {
            answer = try Self.answer(raw, type: type)
        } else if let references, !references.isEmpty {
            if metric == "numeric" {
                guard let n = NumberExtractor.numberWithUnit(references[0])?.value else {
                    throw .metricNeeds(metric: metric, what: "a number as the first reference or `item.answer`")
                }
                answer = .number(n)
            } else if type.hasChoices {
                answer = try Self.answer(.string(references[0]), type: type)
            } else {
                answer = .texts(references)
            }
        } else {
            answer = .texts([])  // metrics that need an answer say so in `check`
        }
        var raw = fields
        if let references { raw["references"] = .array(references.map(JSONValue.string)) }
        let keywords = try Self.keywords(fields["keywords"])
        let tolerance = try fields["tolerance"].map { v throws(ScoringError) -> Double in
            guard let n = v.numberValue else {
                throw .wrongType(field: "item.tolerance", expected: "a number", got: v.kindName)
            }
            return n
        }
        let item = Item(
            id: fields["id"]?.stringValue ?? "line-\(line)", type: type, prompt: fields["prompt"]?.stringValue ?? "",
            choices: choices, answer: answer, tolerance: tolerance, keywords: keywords, raw: .object(raw), line: line)
        try check(item, metric: metric)
        return item
    }

    /// What each metric needs from the line, checked up front so that input faults are reported as such.
    private static func check(_ item: Item, metric: String) throws(ScoringError) {
        switch metric {
        case "choice":
            switch item.answer {
            case .letters:
                if item.choices.isEmpty { throw .metricNeeds(metric: metric, what: "`item.choices`") }
            case .truth: break
            default: throw .metricNeeds(metric: metric, what: "`item.answer` as letters or true/false")
            }
        case "numeric":
            guard NumericMetric.referenceNumber(item) != nil else {
                throw .metricNeeds(metric: metric, what: "a numeric `item.answer`")
            }
        case "keywords":
            if item.keywords.isEmpty { throw .metricNeeds(metric: metric, what: "`item.keywords`") }
        case "regex":
            if item.raw["pattern"]?.stringValue == nil { throw .metricNeeds(metric: metric, what: "`item.pattern`") }
        case "extraction":
            guard case .fields = item.answer else {
                throw .metricNeeds(metric: metric, what: "an object `item.answer`")
            }
        default:
            if item.referenceTexts.isEmpty { throw .metricNeeds(metric: metric, what: "at least one reference") }
        }
    }

    private static func type(_ fields: [String: JSONValue], metric: String) throws(ScoringError) -> ItemType {
        if let v = fields["type"] {
            guard let name = v.stringValue, let type = ItemType(rawValue: name) else {
                let known = ItemType.allCases.map(\.rawValue).joined(separator: ", ")
                throw .wrongType(field: "item.type", expected: "one of \(known)", got: v.stringValue ?? v.kindName)
            }
            return type
        }
        switch metric {
        case "choice":
            if fields["answer"]?.boolValue != nil { return .trueFalse }
            return (fields["answer"]?.stringValue?.count ?? 0) > 1 ? .multiChoice : .singleChoice
        case "numeric": return .numeric
        case "extraction": return .extraction
        default: return .generation
        }
    }

    private static func answer(_ v: JSONValue, type: ItemType) throws(ScoringError) -> AnswerKey {
        switch v {
        case .bool(let b): return .truth(b)
        case .number(let n): return .number(n)
        case .object(let o): return .fields(o)
        case .string(let s) where type.hasChoices:
            return .letters(
                String(Set(s.uppercased().unicodeScalars).sorted { $0.value < $1.value }.map(Character.init)))
        case .string(let s): return .texts([s])
        case .array:
            guard let texts = try strings(v, field: "item.answer") else { return .texts([]) }
            return .texts(texts)
        case .null: throw .missingField("item.answer")
        }
    }

    private static func strings(_ v: JSONValue?, field: String) throws(ScoringError) -> [String]? {
        switch v {
        case nil, .null?: return nil
        case .string(let s)?: return [s]
        case .array(let a)?:
            let strings = a.compactMap(\.stringValue)
            guard strings.count == a.count else {
                throw .wrongType(field: field, expected: "a list of strings", got: "a list with other values")
            }
            return strings
        case let other?: throw .wrongType(field: field, expected: "a string or a list of strings", got: other.kindName)
        }
    }

    private static func choices(_ v: JSONValue?) throws(ScoringError) -> [Choice] {
        guard let v, v != .null else { return [] }
        guard let o = v.objectValue, o.values.allSatisfy({ $0.stringValue != nil }) else {
            throw .wrongType(field: "item.choices", expected: "an object of letter → text", got: v.kindName)
        }
        return o.keys.sorted().map { Choice(letter: $0.uppercased(), text: o[$0]?.stringValue ?? "") }
    }

    private static func keywords(_ v: JSONValue?) throws(ScoringError) -> [[String]] {
        guard let v, v != .null else { return [] }
        guard let a = v.arrayValue else {
            throw .wrongType(field: "item.keywords", expected: "a list of strings or lists of strings", got: v.kindName)
        }
        var points: [[String]] = []
        for entry in a {
            if let s = entry.stringValue {
                points.append([s])
            } else if let alternatives = try strings(entry, field: "item.keywords") {
                points.append(alternatives)
            }
        }
        return points
    }
}
