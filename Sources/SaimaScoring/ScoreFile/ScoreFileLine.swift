import SaimaBase
import SaimaModel

/// One parsed input line of `saima score-file`: the id to echo, the prediction, and an `Item` built from the
/// line for the metric.
///
/// A line is `{"id": …, "prediction": "…", "references": ["…"], "item": {…}}`:
/// - `id`: a string or a number, echoed in the output;
/// - `prediction`: a string (`null` reads as the empty string);
/// - `prompt` (optional): the exact text the model was sent; choice readings leave out what the prediction copied
///   from it (an echoed instruction, few-shot example or option list);
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
    /// The exact text the model was sent, when the line carries it.
    var prompt: String?

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
        switch object["prompt"] {
        case .string(let s)?: prompt = s
        case nil, .null?: prompt = nil
        case let other?: throw .wrongType(field: "prompt", expected: "a string", got: other.kindName)
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

    /// The line's item, read by `ItemFields` — the same rules as an item in a question file — after the type and
    /// answer the line leaves out are filled in from the metric and the references; a prompt is optional.
    private static func item(
        _ fields: [String: JSONValue], references: [String]?, metric: String, line: Int
    ) throws(ScoringError) -> Item {
        var fields = fields
        // An absent, null or empty-list answer is taken from the references.
        let given: JSONValue? = {
            switch fields["answer"] {
            case nil, .null?: return nil
            case .array(let a)? where a.isEmpty: return nil
            case let v?: return v
            }
        }()
        // The type follows the answer the item will have (so references ["AC"] make a multi-choice item).
        var typing = fields
        typing["answer"] = given ?? references?.first.map(JSONValue.string)
        let type = try Self.type(typing, metric: metric)
        fields["type"] = .string(type.rawValue)
        if let given {
            fields["answer"] = Self.answer(given, type: type, metric: metric)
        } else if let references, !references.isEmpty {
            if metric == "numeric" {
                guard let n = NumberExtractor.numberWithUnit(references[0])?.value else {
                    throw .metricNeeds(metric: metric, what: "a number as the first reference or `item.answer`")
                }
                fields["answer"] = type == .numeric ? .number(n) : .string(references[0])
            } else if type.hasChoices {
                fields["answer"] = .string(references[0])
            } else {
                fields["answer"] = .array(references.map(JSONValue.string))
            }
        } else {
            fields["answer"] = nil
        }
        var raw = fields
        if let references { raw["references"] = .array(references.map(JSONValue.string)) }
        try check(fields, type: type, metric: metric)
        var problems: [String] = []
        let id = fields["id"]?.stringValue ?? "line-\(line)"
        let reader = ItemFields(answersWithheld: true, requirePrompt: false, allowEmptyTexts: true)
        guard let item = reader.item(fields, id: id, raw: .object(raw), line: line, problems: &problems) else {
            throw .invalidItem(problems.joined(separator: "; "))
        }
        return item
    }

    /// An answer given in the line, in the form the item's type reads: for the numeric metric on a numeric item, a
    /// number written as text (`"72万"`) becomes that number; for a text item, a number or true/false becomes its
    /// text. Anything else is left for `ItemFields` to judge.
    private static func answer(_ given: JSONValue, type: ItemType, metric: String) -> JSONValue {
        switch (given, type) {
        case (.string(let s), .numeric):
            return NumberExtractor.numberWithUnit(s).map { .number($0.value) } ?? given
        case (.number(let n), .shortAnswer), (.number(let n), .generation):
            return .string(JSONValue.format(number: n))
        case (.bool(let b), .shortAnswer), (.bool(let b), .generation):
            return .string(b ? "true" : "false")
        default:
            return given
        }
    }

    /// What each metric needs from the line, checked before the item is read so that a missing piece is named
    /// for the metric that needs it.
    private static func check(_ fields: [String: JSONValue], type: ItemType, metric: String) throws(ScoringError) {
        let answer = fields["answer"] ?? .null
        switch metric {
        case "choice":
            if answer.boolValue != nil { break }
            guard answer.stringValue != nil else {
                throw .metricNeeds(metric: metric, what: "`item.answer` as letters or true/false")
            }
            if (fields["choices"]?.objectValue ?? [:]).isEmpty { throw .metricNeeds(metric: metric, what: "`item.choices`") }
        case "numeric":
            let readable = answer.numberValue ?? answer.stringValue.flatMap { NumberExtractor.numberWithUnit($0)?.value }
            guard readable != nil else { throw .metricNeeds(metric: metric, what: "a numeric `item.answer`") }
        case "keywords":
            if (fields["keywords"]?.arrayValue ?? []).isEmpty { throw .metricNeeds(metric: metric, what: "`item.keywords`") }
        case "regex":
            if fields["pattern"]?.stringValue == nil { throw .metricNeeds(metric: metric, what: "`item.pattern`") }
        case "extraction":
            guard answer.objectValue != nil else { throw .metricNeeds(metric: metric, what: "an object `item.answer`") }
        default:
            if (answer.stringsValue ?? []).isEmpty { throw .metricNeeds(metric: metric, what: "at least one reference") }
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
}
