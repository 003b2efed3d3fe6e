import SaimaBase
import SaimaModel
import Testing

@testable import SaimaScoring

/// exact, normalized_exact, f1_char, f1_token, keywords, regex.
struct TextMetricTests {
    static func score(_ metric: any Metric, _ item: Item, _ reply: String) -> Double {
        metric.score(item: item, response: reply, context: MetricContext()).score
    }

    @Test(arguments: [
        ("R5", "R5", 1.0), ("R5", "\n R5 \t", 1), ("R5", "r5", 0), ("R5", "R5。", 0), ("", "", 1), ("北京", "", 0),
    ])
    func exact(reference: String, reply: String, expected: Double) {
        #expect(Self.score(ExactMatchMetric(), Fixtures.text(reference), reply) == expected)
    }

    @Test(arguments: [
        ("西游记", "《西游记》", 1.0), ("Li Chunyan", "li chunyan!", 1), ("两小时", "2小时", 0), ("青色", "", 0),
        ("2 < x < 3", "2<x<3", 0), ("👍", "👍！", 1), ("iPhone 15", "ＩＰＨＯＮＥ　１５", 1),
    ])
    func normalizedExact(reference: String, reply: String, expected: Double) {
        #expect(Self.score(NormalizedExactMetric(), Fixtures.text(reference), reply) == expected)
    }

    @Test func normalizedExactAcceptsAnyAcceptedAnswer() {
        let item = Fixtures.text("2小时内", "两小时内", type: .shortAnswer)
        #expect(Self.score(NormalizedExactMetric(), item, "两小时内。") == 1)
    }

    static let charF1Cases: [(String, String, Double)] = [
        ("劳动仲裁", "劳动仲裁", 1),  // identical
        ("劳动仲裁", "", 0),  // empty prediction
        ("", "劳动仲裁", 0),  // empty reference
        ("", "。", 1),  // both empty after normalization (SQuAD v2.0)
        ("北京", "上海", 0),  // no overlap
        ("我爱👍", "👍👍", 0.4),  // emoji: p = 1/2, r = 1/3
        ("iPhone 15很好", "iphone15", 2 * 1 * 0.8 / 1.8),  // mixed: 8 of 10 characters
    ]

    @Test(arguments: charF1Cases)
    func charF1(reference: String, reply: String, expected: Double) {
        #expect(abs(Self.score(CharF1Metric(), Fixtures.text(reference), reply) - expected) < 1e-12)
    }

    static let tokenF1Cases: [(String, String, Double)] = [
        ("The Eiffel Tower", "eiffel tower", 1),  // articles and case
        ("Li Chunyan", "Chunyan Li.", 1),  // order does not matter
        ("a cat", "", 0),
        ("", "a", 1),  // both empty after article removal
        ("big red dog", "small blue cat", 0),
        ("北京 is big", "北京is big", 0.4),  // mixed zh/en, whitespace split: p = 1/2, r = 1/3
        ("👍 good", "good 👍 👍", 0.8),
    ]

    @Test(arguments: tokenF1Cases)
    func tokenF1(reference: String, reply: String, expected: Double) {
        #expect(abs(Self.score(TokenF1Metric(), Fixtures.text(reference), reply) - expected) < 1e-12)
    }

    @Test func tokenF1MatchesSQuADNormalization() {
        #expect(
            SQuADNormalizer.tokens("The  U.S.A. (an example) — the_end").map { String(scalars: $0) } == [
                "usa", "example", "—", "theend",
            ])
    }

    @Test func keywords() {
        let item = Item(
            id: "k", type: .generation, prompt: "", answer: .texts(["…"]),
            keywords: [["动作", "动词"], ["神态", "表情"], ["Detail"]])
        let metric = KeywordsMetric()
        #expect(Self.score(metric, item, "多用动词，写好表情与 DETAIL。") == 1)
        let partial = metric.score(item: item, response: "动作描写", context: MetricContext())
        #expect(partial.score == 1.0 / 3)
        #expect(partial.reason == "1/3 key points; missing: 神态, Detail")
        #expect(Self.score(metric, item, "") == 0)
        #expect(metric.score(item: Fixtures.text("x"), response: "x", context: MetricContext()).reason == "no keywords")
    }

    @Test func regex() {
        func item(_ pattern: String) -> Item {
            Item(
                id: "r", type: .shortAnswer, prompt: "", answer: .texts(["-"]),
                raw: .object(["pattern": .string(pattern)]))
        }
        let metric = RegexMetric()
        #expect(Self.score(metric, item("\\d{4}年\\d{1,2}月\\d{1,2}日"), "2024年5月18日\n") == 1)
        #expect(Self.score(metric, item("\\d{4}年\\d{1,2}月\\d{1,2}日"), "是2024年5月18日") == 0)
        #expect(Self.score(metric, item("a|ab"), "ab") == 1)  // full match, not first alternative
        #expect(Self.score(metric, item("[A-D]"), "") == 0)
        #expect(metric.score(item: item("("), response: "(", context: MetricContext()).reason == "invalid pattern")
        #expect(metric.score(item: Fixtures.text("x"), response: "x", context: MetricContext()).reason == "no pattern")
    }
}
