public import SaimaBase
public import SaimaModel

/// `extraction`: field-level F1 of the JSON object in the reply against the item's expected fields.
///
/// The object is `JSONObjectExtractor.firstObject(in:)` (fenced code blocks first; none → `unextractable`).
/// Keys compare by `TextNormalizer.matchingForm` (so `Loan_Amount` = `loanamount`). A field is correct when the
/// reply has the key and `ExtractionMetric.valuesMatch(expected, given)`. With `tp` correct fields,
/// `precision = tp / #given fields` (0 when the object is empty), `recall = tp / #expected fields`, and the score
/// is `F1 = 2·p·r / (p + r)` (0 when `tp` = 0). No external reference implementation; examples pin it.
public struct ExtractionMetric: Metric {
    public let name = "extraction"
    public let version = 1
    public let summary = "field-level F1 of the reply's JSON object against the expected fields"

    public init() {}

    public func score(item: Item, response: String, context: MetricContext) -> MetricResult {
        guard case .fields(let expected) = item.answer else { return .unscorable("the answer is not an object") }
        guard let given = JSONObjectExtractor.firstObject(in: response) else { return .unextractable }
        let givenByKey = Self.normalizedKeys(given)
        let expectedByKey = Self.normalizedKeys(expected)
        let correct = expectedByKey.filter { key, value in givenByKey[key].map { Self.valuesMatch(value, $0) } ?? false
        }
        let tp = Double(correct.count)
        let precision = givenByKey.isEmpty ? 0 : tp / Double(givenByKey.count)
        let recall = tp / Double(expectedByKey.count)
        let f1 = tp == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return MetricResult(
            score: f1, reason: "\(correct.count)/\(expectedByKey.count) fields correct, \(givenByKey.count) given",
            extracted: JSONValue.object(given).canonicalJSON)
    }

    /// Members keyed by the matching form of their keys; on a clash the first key in sorted order wins.
    static func normalizedKeys(_ object: [String: JSONValue]) -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for key in object.keys.sorted() where out[TextNormalizer.matchingForm(key)] == nil {
            out[TextNormalizer.matchingForm(key)] = object[key]
        }
        return out
    }

    /// Whether a given value matches an expected one:
    /// - numbers: `|a − b| ≤ 1e-9 · max(1, |a|, |b|)`;
    /// - strings, numbers and booleans against each other: equal `TextNormalizer.matchingForm` of their text
    ///   (`true`/`false`, numbers as JSON writes them), or both read by `NumberExtractor.numberWithUnit` as equal
    ///   numbers whose units are equal or of which one has none (`15万元` = `150000元`, `48000` = `48000元`);
    /// - null matches null; arrays match when they have the same length and their elements can be paired one
    ///   to one (any order); objects when their normalized keys are the same and every value matches.
    public static func valuesMatch(_ expected: JSONValue, _ given: JSONValue) -> Bool {
        switch (expected, given) {
        case (.null, .null): return true
        case (.number(let a), .number(let b)): return numbersEqual(a, b)
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            var unused = b
            for e in a {
                guard let i = unused.firstIndex(where: { valuesMatch(e, $0) }) else { return false }
                unused.remove(at: i)
            }
            return true
        case (.object(let a), .object(let b)):
            let na = normalizedKeys(a)
            let nb = normalizedKeys(b)
            return Set(na.keys) == Set(nb.keys)
                && na.allSatisfy { key, value in nb[key].map { valuesMatch(value, $0) } ?? false }
        default:
            guard let a = scalarText(expected), let b = scalarText(given) else { return false }
            if TextNormalizer.matchingForm(a) == TextNormalizer.matchingForm(b) { return true }
            guard let x = NumberExtractor.numberWithUnit(a), let y = NumberExtractor.numberWithUnit(b) else {
                return false
            }
            return (x.unit == y.unit || x.unit.isEmpty || y.unit.isEmpty) && numbersEqual(x.value, y.value)
        }
    }

    private static func scalarText(_ v: JSONValue) -> String? {
        switch v {
        case .string(let s): s
        case .number(let n): JSONValue.format(number: n)
        case .bool(let b): b ? "true" : "false"
        default: nil
        }
    }

    private static func numbersEqual(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }

    public var examples: [MetricExample] {
        let item = Item(
            id: "e", type: .extraction, prompt: "",
            answer: .fields(["借款人": .string("陈立华"), "贷款金额": .string("15万元"), "贷款期限": .string("3年")]))
        return [
            MetricExample(
                item: item, response: "```json\n{\"借款人\": \"陈立华\", \"贷款金额\": \"150000元\", \"贷款期限\": \"3年\"}\n```",
                expected: 1),
            // 2 correct of 3 expected, 4 given: p = 1/2, r = 2/3.
            MetricExample(
                item: item, response: "结果：{\"借款人\": \"陈立华\", \"贷款金额\": \"15万元\", \"贷款期限\": \"5年\", \"备注\": \"{无}\"}",
                expected: 2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3)),
            MetricExample(item: item, response: "借款人是陈立华", expected: 0),
        ]
    }
}
