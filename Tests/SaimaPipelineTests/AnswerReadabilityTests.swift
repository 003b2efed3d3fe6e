import SaimaModel
import Foundation
import SaimaPipeline
import SaimaStorage
import Testing

/// Answer-format advice for a contestant (`AnswerReadability`), from a scored run folder: how many choice answers
/// could not be read, examples from the team's own replies (the end of a long one), and the warning's threshold.
@Suite("Answer readability advice (pipeline, directly)")
struct AnswerReadabilityTests {
    static let long = "我无法判断这道题。\n" + String(repeating: "理由说明", count: 25)

    /// Eight replies (`RunScoringTests.results`): right, wrong, unreadable and timed out, twice; the second unreadable
    /// reply is 110 characters long. Scored as `saima score` scores them.
    static func summary(_ fixture: RunFolderFixture) throws -> AnswerReadability.Summary {
        var results = RunScoringTests.results(count: 8)
        results[6].content = Self.long
        let store = try fixture.store("run", results: results)
        let tracks = [RunScoringTests.track(count: 8)]
        _ = try RunScoring.score(store: store, tracks: tracks)
        return try AnswerReadability.summarize(store: store, tracks: tracks)
    }

    /// Six answered choice items (timeouts are not answers), two unreadable: 33% — warned, with both examples, the long
    /// reply shown by its last 80 characters after an ellipsis.
    @Test func unreadableAnswersAreCountedAndShown() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let s = try Self.summary(fixture)
        #expect(s.answers == 6 && s.unextractable == 2 && s.guessed == 0)
        #expect(abs(s.hardShare - 1.0 / 3) < 1e-12)
        #expect(s.examples.map { $0.item } == ["t/s/q2", "t/s/q6"])
        let lines: [String] = [
            "⚠ 答案格式 Answer format: 33% 的选择题回答无法读取或只能猜测读取（无法读取 2，猜测 0，共 6）。请在每个回答的最后单独一行写“答案：X”（多选写“答案：AC”）。",
            "  33% of your choice answers could not be read or were only guessed (2 unreadable, 0 guessed, of 6); end each reply with a line of its own: 答案：X (multi choice: 答案：AC).",
            "  - t/s/q2: “这道题我无法判断。” → nothing 未读出",
            "  - t/s/q6: “…\(String(repeating: "理由说明", count: 20))” → nothing 未读出", "",
        ]
        #expect(AnswerReadability.advice(s) == lines.joined(separator: "\n"))
        let confidence = try #require(AnswerReadability.confidenceReport(s))
        #expect(confidence.hasPrefix("读取置信度 Reading confidence: 明确 explicit "))
        #expect(confidence.contains(" (of 6 choice answers 道选择题回答)\n"))
    }

    /// The warning starts at a tenth of the answers: one hard answer in ten warns (10%), none stays silent, and so
    /// does a run without choice answers.
    @Test func warningThreshold() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        var s = try Self.summary(fixture)
        s.examples = []
        (s.answers, s.unextractable, s.guessed) = (10, 0, 1)
        #expect(AnswerReadability.advice(s)?.hasPrefix("⚠ 答案格式 Answer format: 10% 的选择题回答无法读取或只能猜测读取（无法读取 0，猜测 1，共 10）") == true)
        (s.answers, s.unextractable, s.guessed) = (11, 0, 1)
        #expect(AnswerReadability.advice(s) == nil, "1 of 11 is under a tenth")
        (s.answers, s.unextractable, s.guessed) = (0, 0, 0)
        #expect(AnswerReadability.advice(s) == nil)
    }
}
