import SaimaBase
import SaimaModel
import Testing

@testable import SaimaScoring

struct ExtractionMetricTests {
    static let item = Item(
        id: "e", type: .extraction, prompt: "",
        answer: .fields([
            "原告": .string("张明远"), "金额": .string("48000元"), "签约日期": .string("2023年6月12日"), "份数": .number(2),
        ]))

    static func score(_ reply: String) -> MetricResult {
        ExtractionMetric().score(item: item, response: reply, context: MetricContext())
    }

    @Test func findsTheObjectInAFencedBlockFirst() {
        let reply =
            "格式如 {name}：\n```json\n{\"原告\": \"张明远\", \"金额\": 48000, \"签约日期\": \"2023年6月12日\", \"份数\": \"2\"}\n```"
        #expect(Self.score(reply).score == 1)
    }

    @Test func bracesInsideStringsDoNotCount() {
        let object = JSONObjectExtractor.firstObject(in: "结果：{\"a\": \"}{\", \"b\": \"\\\"}\"} 以上")
        #expect(object == ["a": .string("}{"), "b": .string("\"}")])
    }

    @Test func fieldF1() {
        // 2 correct of 4 expected, 3 given: p = 2/3, r = 1/2.
        let r = Self.score("{\"原告\": \"张明远\", \"金额\": \"四万八\", \"份数\": 2}")
        #expect(abs(r.score - 2 * (2.0 / 3) * 0.5 / (2.0 / 3 + 0.5)) < 1e-12)
        #expect(r.reason == "2/4 fields correct, 3 given")
    }

    @Test func noObjectIsUnextractable() {
        #expect(Self.score("原告是张明远") == .unextractable)
        #expect(Self.score("{不是JSON}") == .unextractable)
        #expect(Self.score("{}").score == 0)
    }

    @Test(arguments: [
        (JSONValue.string("15万元"), JSONValue.string("150000元"), true),
        (.string("48000元"), .number(48000), true),  // a bare number matches the number with a unit
        (.string("3年"), .string("3个月"), false),
        (.number(1), .number(1.0000000000001), true),
        (.string("True"), .bool(true), true),
        (.null, .null, true),
        (.array([.string("甲"), .string("乙")]), .array([.string("乙"), .string("甲")]), true),
        (.array([.string("甲")]), .array([.string("甲"), .string("甲")]), false),
        (.object(["A_b": .number(1)]), .object(["ab": .string("1")]), true),
        (.string("陈立华"), .string("陈立华（虚构）"), false),
    ])
    func valuesMatch(expected: JSONValue, given: JSONValue, matches: Bool) {
        #expect(ExtractionMetric.valuesMatch(expected, given) == matches)
    }
}
