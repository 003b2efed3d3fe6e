import SaimaModel
import Testing

@testable import SaimaScoring

struct NumberExtractorTests {
    static func first(_ text: String) -> NumberMention? { NumberExtractor.mentions(in: text).first }

    @Test(arguments: [
        ("1,234.5", 1234.5, nil as Double?),
        ("12.5%", 0.125, 12.5),
        ("12.5 %", 0.125, 12.5),
        ("3‰", 0.003, 3),
        ("百分之十五", 0.15, 15),
        ("3.2万", 32000, 3.2),
        ("1.5亿", 1.5e8, 1.5),
        ("3千万", 3e7, 3),
        ("1万2千", 12000, nil),
        ("三百二十", 320, nil),
        ("两千零五", 2005, nil),
        ("一万二千", 12000, nil),
        ("十五", 15, nil),
        ("二〇二四", 2024, nil),
        ("一百零五", 105, nil),
        ("伍万元", 50000, nil),
        ("-5", -5, nil),
        ("−5", -5, nil),
        ("负5", -5, nil),
        ("负三", -3, nil),
        ("1e-3", 0.001, nil),
        (".5", 0.5, nil),
        ("１２３", 123, nil),
        ("12,34", 12, nil),  // not a thousands group: 12 then 34
    ])
    func values(text: String, value: Double, unscaled: Double?) throws {
        let m = try #require(Self.first(text))
        #expect(m.value == value)
        #expect(m.unscaledValue == unscaled)
    }

    @Test func hyphensAreNotSigns() {
        #expect(NumberExtractor.mentions(in: "2020-2021年").map(\.value) == [2020, 2021])
        #expect(NumberExtractor.mentions(in: "x=-3").map(\.value) == [-3])
    }

    @Test func unitsWithoutDigitsAreNotNumbers() {
        #expect(NumberExtractor.mentions(in: "千万不要忘记").isEmpty)
        #expect(NumberExtractor.mentions(in: "老百姓").isEmpty)
    }

    @Test(arguments: [
        ("答案：10（其中a=5）", 10.0),  // a strong marker beats a later weak one
        ("x = 5, so the answer is 10", 10),
        ("3x − 7 = 2x + 5，所以 x = 12", 12),  // the last weak marker
        ("第三季度约为7.8百万人次", 7.8e6),
        ("共有3个苹果，分给2人", 2),  // no marker: the last Arabic number
        ("答案是三百二十，一般来说不会错", 320),
        ("三百二十", 320),
    ])
    func pick(text: String, value: Double) throws {
        let m = try #require(NumberExtractor.pick(NumberExtractor.mentions(in: text)))
        #expect(m.value == value)
    }

    @Test func numberWithUnit() {
        #expect(NumberExtractor.numberWithUnit("15万元")! == (150000, "元"))
        #expect(NumberExtractor.numberWithUnit(" 48000 ")! == (48000, ""))
        #expect(NumberExtractor.numberWithUnit("约15万元") == nil)
        #expect(NumberExtractor.numberWithUnit("3年2个月") == nil)
    }
}

struct NumericMetricTests {
    static func score(_ item: Item, _ reply: String) -> MetricResult {
        NumericMetric().score(item: item, response: reply, context: MetricContext())
    }

    @Test(arguments: [
        (100.0, nil as Double?, "100.00005", 1.0),  // within the default relative 1e-6
        (100, nil, "100.0002", 0),
        (0, nil, "0.0000000001", 1),  // within 1e-9 absolute
        (0, nil, "0.001", 0),
        (5851.11, 0.001, "每月还款额约为5851.1元", 1),
        (72, nil, "最低首付款为72万元", 1),  // 72万 read as written
        (720000, nil, "72万元", 1),  // and in base units
        (75, nil, "抵押率为75%", 1),
        (0.75, nil, "抵押率为75%", 1),
        (0.75, nil, "0.75%", 1),  // the accepted cost of reading scales both ways
        (-5, nil, "−5", 1),
        (2005, nil, "两千零五年", 1),
    ])
    func scores(answer: Double, tolerance: Double?, reply: String, expected: Double) {
        #expect(Self.score(Fixtures.numeric(answer, tolerance: tolerance), reply).score == expected)
    }

    @Test func noNumberIsUnextractable() {
        let r = Self.score(Fixtures.numeric(3), "我不知道")
        #expect(r == .unextractable)
    }

    @Test func wrongNumberSaysWhatWasExpected() {
        let r = Self.score(Fixtures.numeric(72), "答案是70")
        #expect(r.score == 0)
        #expect(r.reason == "expected 72, got 70.0")
        #expect(r.extracted == "70")
    }

    @Test func referenceTextCanBeTheNumber() {
        let item = Fixtures.text("1,234", type: .shortAnswer, metric: "numeric")
        #expect(Self.score(item, "1234").score == 1)
    }
}
