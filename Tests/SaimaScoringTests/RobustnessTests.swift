import SaimaBase
import SaimaModel
import Testing

@testable import SaimaScoring

/// Replies are untrusted: pathological ones must be scored (as unextractable or wrong) in linear time.
struct RobustnessTests {
    @Test func manyOpenBracesAreBounded() {
        let reply = String(repeating: "{", count: 200_000)
        #expect(JSONObjectExtractor.firstObject(in: reply) == nil)
        // Only the first `maxCandidates` braces are tried: an object after more of them is not found.
        let late = String(repeating: "{x} ", count: JSONObjectExtractor.maxCandidates) + "{\"a\": 1}"
        #expect(JSONObjectExtractor.firstObject(in: late) == nil)
        let early = String(repeating: "{x} ", count: 10) + "{\"a\": 1}"
        #expect(JSONObjectExtractor.firstObject(in: early) == ["a": .number(1)])
    }

    @Test func deepNestingIsRejectedNotCrashed() {
        let reply = String(repeating: "{\"a\":", count: 5_000) + "1" + String(repeating: "}", count: 5_000)
        #expect(JSONObjectExtractor.firstObject(in: reply) == nil)
    }

    @Test func longRunsOfUnitsAreReadOnce() {
        let reply = String(repeating: "千", count: 200_000) + "答案是42"
        #expect(NumberExtractor.pick(NumberExtractor.mentions(in: reply))?.value == 42)
    }

    /// Runs of large units (`万万万…`) open no numeral and are copied once, and a 100 KB reply of them is read (as
    /// nothing) without quadratic work.
    @Test func longRunsOfLargeUnitsAreArabicizedOnce() {
        #expect(ChineseNumeral.arabicized(String(repeating: "万", count: 200_000)) == String(repeating: "万", count: 200_000))
        #expect(ChineseNumeral.arabicized("万万三") == "万万3")
        let item = Fixtures.item(.singleChoice, ["1年", "2年", "3年", "4年"], answer: "A")
        #expect(Fixtures.letters(ChoiceAnswerExtractor(item: item).assess("答案：" + String(repeating: "亿", count: 100_000))) == nil)
    }

    @Test func scalarInternerGivesDenseIdsInOrder() {
        var interner = ScalarInterner(capacity: 8)
        #expect(interner.ids(Array(scalarsOf: "abca")) == [0, 1, 2, 0])
        #expect(interner.ids(Array(scalarsOf: "c👍")) == [2, 3])
        #expect(interner.count == 4)
        var big = ScalarInterner(capacity: 5_000)
        let text = (0..<5_000).map { Unicode.Scalar(0x4E00 + UInt32($0))! }
        #expect(big.ids(text) == (0..<5_000).map { Int32($0) })
    }
}

struct ReferenceTextsTests {
    @Test func everyAnswerKindHasAStringForm() {
        func texts(_ answer: AnswerKey, raw: JSONValue = .null) -> [String] {
            Item(id: "x", type: .shortAnswer, prompt: "", answer: answer, raw: raw).referenceTexts
        }
        #expect(texts(.texts(["甲", "乙"])) == ["甲", "乙"])
        #expect(texts(.letters("ACD")) == ["ACD"])
        #expect(texts(.truth(false)) == ["false"])
        #expect(texts(.number(72)) == ["72"])
        #expect(texts(.number(0.5)) == ["0.5"])
        #expect(texts(.fields(["b": .number(1), "a": .string("x")])) == [#"{"a":"x","b":1}"#])
        // An item's optional `references` list adds texts, without repeating any.
        #expect(
            texts(.texts(["甲"]), raw: .object(["references": .array([.string("甲"), .string("丙")])])) == ["甲", "丙"])
    }
}

struct ScoreFileStreamingTests {
    @Test func emitsLinesInOrderAndCorpusBLEULast() throws {
        let runner = try ScoreFileRunner(metricName: "bleu", language: .zh)
        var emitted: [String] = []
        let diagnostics = runner.run(
            lines: [
                #"{"id": "a", "prediction": "今天天气很好", "references": ["今天天气很好"]}"#,
                #"{"id": "b", "prediction": "", "references": ["你好"]}"#,
            ], path: "p"
        ) { emitted.append($0) }
        #expect(diagnostics.isEmpty)
        #expect(emitted.count == 3)
        #expect(emitted[0] == #"{"id":"a","score":1.0,"reason":"sentence BLEU, zh tokens"}"#)  // clamped to 1
        #expect(emitted[1] == #"{"id":"b","score":0.0,"reason":"sentence BLEU, zh tokens"}"#)
        #expect(emitted[2] == #"{"corpus_bleu":71.65313105737896}"#)  // sacrebleu 2.6.0
    }
}
