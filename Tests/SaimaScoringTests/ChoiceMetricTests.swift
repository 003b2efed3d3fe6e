import SaimaModel
import Testing

@testable import SaimaScoring

struct ChoiceMetricTests {
    static func score(_ item: Item, _ reply: String, partialCredit: Double = 0.5) -> MetricResult {
        ChoiceMetric().score(item: item, response: reply, context: MetricContext(partialCredit: partialCredit))
    }

    @Test func singleChoice() {
        #expect(
            Self.score(Fixtures.single("B"), "答案：B")
                == MetricResult(
                    score: 1, reason: "correct (answer_line)", extracted: "B", rule: .answerLine, confidence: .explicit))
        #expect(
            Self.score(Fixtures.single("B"), "C")
                == MetricResult(score: 0, reason: "expected B (bare)", extracted: "C", rule: .bare, confidence: .explicit)
        )
        #expect(Self.score(Fixtures.single("B"), "B和C").score == 0)  // two letters for one answer
    }

    @Test(arguments: [
        ("BD", 1.0), ("DB", 1), ("B", 0.5), ("D", 0.5), ("BCD", 0), ("A", 0), ("ABCD", 0),
    ])
    func multiChoicePartialCredit(reply: String, expected: Double) {
        #expect(Self.score(Fixtures.multi("BD"), reply).score == expected)
    }

    @Test func partialCreditIsConfigurable() {
        #expect(Self.score(Fixtures.multi("BCD"), "选BC", partialCredit: 0.2).score == 0.2)
        #expect(Self.score(Fixtures.multi("BCD"), "选BC", partialCredit: 0).score == 0)
        #expect(
            Self.score(Fixtures.multi("BCD"), "选BC", partialCredit: 0).reason
                == "partial, expected BCD (answer_statement)")
    }

    @Test func trueFalse() {
        #expect(Self.score(Fixtures.truth(false), "错误").score == 1)
        #expect(
            Self.score(Fixtures.truth(true), "错误")
                == MetricResult(
                    score: 0, reason: "expected true (truth_bare)", extracted: "false", rule: .truthBare))
    }

    @Test func unextractableIsFlaggedApartFromWrong() {
        let r = Self.score(Fixtures.single("B"), "这道题我不会")
        #expect(r.score == 0)
        #expect(r.reason == "unextractable")
        #expect(r.unextractable)
        #expect(!Self.score(Fixtures.single("B"), "C").unextractable)
        #expect(Self.score(Fixtures.truth(true), "").unextractable)
    }

    @Test func declinedAnswerLineIsUnextractableNotReplacedByAClaimInTheReasoning() {
        let r = Self.score(Fixtures.single("B"), "B项说法正确，A项错误。\n【答案】题目有误 <eoa>")
        #expect(r.unextractable)
        #expect(r.reason == "unextractable: answer line names no choice (题目有误)")
        #expect(r.rule == nil)
    }

    @Test func wrongAnswerKind() {
        #expect(Self.score(Fixtures.text("x"), "x").reason.contains("needs choice letters"))
    }
}
