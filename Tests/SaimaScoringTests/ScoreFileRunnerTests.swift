import SaimaBase
import SaimaModel
import Testing

@testable import SaimaScoring

struct ScoreFileRunnerTests {
    static func run(_ metric: String, _ lines: [String], language: ScoringLanguage? = nil) throws
        -> ScoreFileRunner.Output
    {
        try ScoreFileRunner(metricName: metric, language: language).run(lines: lines, path: "in.jsonl")
    }

    @Test func scoresEachLineAndEchoesIds() throws {
        let out = try Self.run(
            "rouge_l",
            [
                #"{"id": 1, "prediction": "青澜镇古", "references": ["青澜古镇"]}"#,
                #"{"id": "b", "prediction": "the cat", "references": "The cat!"}"#,
            ], language: nil)
        #expect(out.diagnostics.isEmpty)
        #expect(
            out.lines == [
                #"{"id":1,"score":0.75,"reason":"rouge_l F, zh tokens"}"#,
                #"{"id":"b","score":1.0,"reason":"rouge_l F, en tokens"}"#,
            ])
    }

    @Test func bleuEndsWithCorpusBLEU() throws {
        let out = try Self.run(
            "bleu",
            [
                #"{"id": 1, "prediction": "the cat sat on the mat", "references": ["the cat is on the mat"]}"#,
                #"{"id": 2, "prediction": "a dog", "references": ["the dog"]}"#,
            ], language: .en)
        #expect(out.lines.count == 3)
        #expect(out.lines[0] == #"{"id":1,"score":0.3799178428257963,"reason":"sentence BLEU, 13a tokens"}"#)
        #expect(out.lines[2] == #"{"corpus_bleu":35.355339059327385}"#)
    }

    @Test func collectsEveryProblemWithItsLine() throws {
        let out = try Self.run(
            "choice",
            [
                #"{"id": 1, "prediction": "B", "item": {"choices": {"A": "x", "B": "y"}, "answer": "B"}}"#,
                "",
                "not json",
                #"[1, 2]"#,
                #"{"prediction": "B"}"#,
                #"{"id": 6, "prediction": "B", "references": ["B"]}"#,
                #"{"id": 7, "prediction": 3, "references": ["B"]}"#,
                #"{"id": 8, "prediction": "对", "item": {"answer": true}}"#,
            ])
        #expect(
            out.lines == [
                #"{"id":1,"score":1.0,"reason":"correct (bare)","extracted":"B","rule":"bare","confidence":"explicit"}"#,
                #"{"id":8,"score":1.0,"reason":"correct (truth_bare)","extracted":"true","rule":"truth_bare"}"#,
            ])
        #expect(out.diagnostics.map(\.line) == [3, 4, 5, 6, 7])
        #expect(out.diagnostics[1].description == "in.jsonl:4: error: a line must be a JSON object")
        #expect(out.diagnostics[2].message == "missing field `id`")
        #expect(out.diagnostics[3].message == "metric `choice` needs `item.choices`")  // letters from `references`
        #expect(out.diagnostics[4].message == "`prediction` must be a string, not number")
    }

    @Test func itemFieldsForOtherMetrics() throws {
        let numeric = try Self.run("numeric", [#"{"id": 1, "prediction": "约72万元", "references": ["72"]}"#])
        #expect(numeric.lines == [#"{"id":1,"score":1.0,"reason":"match"}"#])
        let keywords = try Self.run(
            "keywords", [#"{"id": 1, "prediction": "细节和动作", "item": {"keywords": [["动作", "动词"], "神态"]}}"#])
        #expect(keywords.lines == [#"{"id":1,"score":0.5,"reason":"1/2 key points; missing: 神态"}"#])
        let regex = try Self.run("regex", [#"{"id": 1, "prediction": "R5", "item": {"pattern": "R[1-5]"}}"#])
        #expect(regex.lines == [#"{"id":1,"score":1.0,"reason":"match"}"#])
        let extraction = try Self.run(
            "extraction", [#"{"id": 1, "prediction": "{\"a\": 1}", "item": {"answer": {"a": "1", "b": 2}}}"#])
        #expect(extraction.lines.first?.hasPrefix(#"{"id":1,"score":0.6666666666666666,"#) == true)
        let missing = try Self.run("regex", [#"{"id": 1, "prediction": "R5", "references": ["R5"]}"#])
        #expect(missing.diagnostics.map(\.message) == ["metric `regex` needs `item.pattern`"])
    }

    /// A score-file line's item is read by the same rules as an item in a question file (`ItemFields`): an answer
    /// letter that names no choice, a repeated letter or a lower-case choice key is refused with the same words.
    @Test func itemsFollowTheQuestionFileRules() throws {
        let out = try Self.run("choice", [
            #"{"id": 1, "prediction": "B", "item": {"choices": {"A": "甲", "B": "乙"}, "answer": "C"}}"#,
            #"{"id": 2, "prediction": "B", "item": {"type": "multi_choice", "choices": {"A": "甲", "B": "乙"}, "answer": "BB"}}"#,
            #"{"id": 3, "prediction": "B", "item": {"choices": {"a": "甲", "B": "乙"}, "answer": "B"}}"#,
            #"{"id": 4, "prediction": "答案：b", "item": {"choices": {"A": "甲", "B": "乙"}, "answer": "b"}}"#,
        ])
        var problems: [String] = []
        _ = ItemFields().item(
            ["type": .string("single_choice"), "prompt": .string("？"), "choices": .object(["A": .string("甲"), "B": .string("乙")]),
             "answer": .string("C")], id: "q", raw: .null, line: 1, problems: &problems)
        #expect(out.diagnostics.count == 3)
        #expect(out.diagnostics[0].message == "`item`: " + problems.joined(separator: "; "))
        #expect(out.diagnostics[1].message.contains("repeats a letter"))
        #expect(out.diagnostics[2].message.contains("choice key `a` must be one capital letter"))
        // A lower-case answer letter is read as its capital, as in a question file.
        #expect(out.lines.count == 1)
        #expect(out.lines.first?.hasPrefix(#"{"id":4,"score":1.0,"#) == true)
    }

    /// Empty reference strings are scored, as the reference implementations score them (the metric cross-check
    /// feeds them); only an empty list of references is a fault.
    @Test func emptyReferenceStringsAreScored() throws {
        let out = try Self.run("rouge_1", [
            #"{"id": 1, "prediction": "", "references": [""]}"#, #"{"id": 2, "prediction": "甲乙", "references": ["", "甲"]}"#,
            #"{"id": 3, "prediction": "甲", "references": []}"#,
        ])
        #expect(out.lines.count == 2)
        #expect(out.diagnostics.map(\.message) == ["metric `rouge_1` needs at least one reference"])
    }

    /// Lines that scored before the shared item reader still score: a multi-letter reference makes a multi-choice
    /// item, a numeric answer written as text is read as its number, a number or true/false answer of a text metric
    /// is its text, and an empty answer list falls back to the references.
    @Test func answersInEveryFormTheySentBefore() throws {
        let choice = try Self.run("choice", [
            #"{"id": 1, "prediction": "答案：AC", "references": ["AC"], "item": {"choices": {"A": "x", "B": "y", "C": "z"}}}"#,
        ])
        #expect(choice.diagnostics.isEmpty, "\(choice.diagnostics)")
        #expect(choice.lines.first?.hasPrefix(#"{"id":1,"score":1.0,"#) == true)
        let numeric = try Self.run("numeric", [
            #"{"id": 1, "prediction": "约72万", "item": {"answer": "72万"}}"#,
            #"{"id": 2, "prediction": "72", "references": ["72"], "item": {"type": "short_answer"}}"#,
        ])
        #expect(numeric.diagnostics.isEmpty, "\(numeric.diagnostics)")
        #expect(numeric.lines.count == 2)
        let exact = try Self.run("exact", [
            #"{"id": 1, "prediction": "42", "item": {"answer": 42}}"#,
            #"{"id": 2, "prediction": "true", "item": {"answer": true}}"#,
            #"{"id": 3, "prediction": "r", "references": ["r"], "item": {"answer": []}}"#,
        ])
        #expect(exact.diagnostics.isEmpty, "\(exact.diagnostics)")
        #expect(exact.lines.allSatisfy { $0.contains(#""score":1.0"#) }, "\(exact.lines)")
    }

    @Test func contentsSplitOnNewlinesIncludingCRLF() throws {
        let runner = try ScoreFileRunner(metricName: "exact")
        let out = runner.run(
            contents: "{\"id\":1,\"prediction\":\"a\",\"references\":[\"a\"]}\r\n\n{\"id\":2}\n", path: "f")
        #expect(out.lines == [#"{"id":1,"score":1.0,"reason":"match"}"#])
        #expect(out.diagnostics.map(\.description) == ["f:3: error: missing field `prediction`"])
    }

    @Test(arguments: [
        ("", [String]()), ("a", ["a"]), ("a\n", ["a"]), ("a\r\nb\r\n", ["a", "b"]), ("a\n\nb", ["a", "", "b"]),
        ("\n", [""]), ("北京\n👍", ["北京", "👍"]),
    ])
    func linesOfContents(contents: String, lines: [String]) {
        #expect(ScoreFileRunner.lines(of: contents) == lines)
    }

    @Test func unknownMetricIsRejectedUpFront() {
        #expect(throws: ScoringError.unknownMetric("bertscore")) { try ScoreFileRunner(metricName: "bertscore") }
        #expect(ScoringError.unknownMetric("x").description.hasPrefix("unknown metric `x` (known: choice, exact"))
    }
}
