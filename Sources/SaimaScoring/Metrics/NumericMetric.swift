import SaimaBase
public import SaimaModel

/// `numeric`: the number the reply gives (`NumberExtractor.pick` over `NumberExtractor.mentions`) compared with
/// the reference number (the item's numeric answer, or the first reference text read as a number).
///
/// With `tol` = the item's relative `tolerance` (default 1e-6), a value `x` matches the reference `r` when
/// `|x − r| ≤ tol·|r|` or `|x − r| ≤ 1e-9`. The mention matches when its scaled value or, if it has one, its
/// unscaled value matches: `12.5%` matches 0.125 and 12.5, `72万` matches 720000 and 72 — so a reply in the unit
/// the question asks for (`多少万元`, `以百分数作答`) and a reply in base units are both accepted, at the cost of
/// also accepting a number whose digits are right but whose scale word is wrong. Score 1 or 0; no number in the
/// reply gives `unextractable`. No external reference implementation; the examples pin the behaviour.
public struct NumericMetric: Metric {
    public let name = "numeric"
    public let version = 1
    public let summary = "the reply's number within the item's relative tolerance (default 1e-6)"

    public init() {}

    public func score(item: Item, response: String, context: MetricContext) -> MetricResult {
        guard let reference = Self.referenceNumber(item) else { return .unscorable("no numeric reference") }
        guard let mention = NumberExtractor.pick(NumberExtractor.mentions(in: response)) else { return .unextractable }
        let tolerance = item.tolerance ?? 1e-6
        func matches(_ x: Double) -> Bool {
            let diff = abs(x - reference)
            return diff <= tolerance * abs(reference) || diff <= 1e-9
        }
        let extracted = mention.text
        if matches(mention.value) || mention.unscaledValue.map(matches) == true {
            return MetricResult(score: 1, reason: "match", extracted: extracted)
        }
        return MetricResult(
            score: 0, reason: "expected \(JSONValue.format(number: reference)), got \(mention.value)",
            extracted: extracted)
    }

    /// The item's numeric answer, or its first reference text when that is a plain number.
    static func referenceNumber(_ item: Item) -> Double? {
        if case .number(let n) = item.answer { return n }
        return item.referenceTexts.first.flatMap { NumberExtractor.numberWithUnit($0) }.map(\.value)
    }

    public var examples: [MetricExample] {
        func item(_ n: Double, tolerance: Double? = nil) -> Item {
            Item(id: "n", type: .numeric, prompt: "", answer: .number(n), tolerance: tolerance)
        }
        return [
            MetricExample(item: item(1234.5), response: "答案是 1,234.5 元", expected: 1),
            MetricExample(item: item(0.125), response: "增长了12.5%", expected: 1),
            MetricExample(item: item(12.5), response: "增长了12.5%", expected: 1),
            MetricExample(item: item(32000), response: "约3.2万人", expected: 1),
            MetricExample(item: item(320), response: "三百二十", expected: 1),
            MetricExample(item: item(-5), response: "x = −5", expected: 1),
            MetricExample(item: item(7.8, tolerance: 0.08), response: "约7.5百万人次", expected: 1),
            MetricExample(item: item(7.8, tolerance: 0.01), response: "7.5", expected: 0),
            MetricExample(item: item(10), response: "答案：10（其中a=5）", expected: 1),
            MetricExample(item: item(3), response: "不知道", expected: 0),
        ]
    }
}
