import Foundation
import SaimaModel
import Testing

@testable import SaimaLeaderboard

/// The compact answer rows: how items are numbered, what happens to answers naming things the round does not
/// list, and that the boards built from them keep their definitions.
@Suite("Answer table: compact rows numbered against the round")
struct AnswerTableTests {
    typealias Answer = LeaderboardInput.Answer

    static let track = LeaderboardInput.TrackSpec(
        id: "t", name: LocalizedText(zh: "赛道", en: "Track"), weight: 1,
        sets: [.init(id: "s1", weight: 1, items: ["a", "b"]), .init(id: "empty", weight: 5, items: []),
               .init(id: "s2", weight: 3, items: ["c"])])
    static let teams = [
        LeaderboardInput.TeamSpec(id: "A", name: LocalizedText(zh: "甲", en: "A"), entered: ["t"]),
        LeaderboardInput.TeamSpec(id: "B", name: LocalizedText(zh: "乙", en: "B"), entered: ["t"]),
    ]

    static func answer(_ team: String, _ track: String, _ set: String, _ item: String, _ score: Double,
                       outcome: Outcome = .ok, tokens: Int = 10) -> Answer
    {
        Answer(team: team, track: track, set: set, item: item, sample: 0, score: score, outcome: outcome,
               unextractable: false, latencyMs: 50, tokens: tokens)
    }

    @Test func itemsAreNumberedInRoundOrderAndUnknownOnesAfter() {
        var input = LeaderboardInput(round: "r", tracks: [Self.track], teams: Self.teams)
        input.append(Self.answer("A", "t", "s2", "c", 1))
        input.append(Self.answer("A", "t", "s1", "gone", 1))  // an item no longer in the set
        input.append(Self.answer("A", "other", "x", "y", 1))  // a track the round does not list
        input.append(Self.answer("Z", "t", "s1", "a", 1))  // a team the round does not list: dropped
        let table = input.answers
        #expect(table.trackItems == [0..<3])
        #expect(table.setItems == [0..<2, 2..<2, 2..<3])
        #expect(table.trackSets == [0..<3])
        #expect(table.count == 3)
        #expect(table.rows.map(\.item) == [2, 3, 4])
        #expect(table.rows.map { table.track(of: $0) } == [0, 0, 1])
        #expect(table.trackIDs == ["t", "other"])
        #expect(table.itemCount == 5)
        #expect(MemoryLayout<AnswerTable.Row>.stride == 48)
    }

    @Test func unknownItemsCountAsAnsweredButNeverScore() throws {
        var input = LeaderboardInput(round: "r", tracks: [Self.track], teams: Self.teams)
        input.append(Self.answer("A", "t", "s1", "a", 1))
        input.append(Self.answer("A", "t", "s1", "a", 0))  // a second sample of the same item
        input.append(Self.answer("A", "t", "s1", "gone", 1, tokens: 7))
        input.append(Self.answer("A", "t", "s2", "c", 0, outcome: .timeout))  // failures score 0
        input.append(Self.answer("B", "t", "s2", "c", 1))
        let board = LeaderboardBuilder(seed: 1, resamples: 50).build(input, generatedAt: Date(timeIntervalSince1970: 0))
        let a = try #require(board.tracks[0].entries.first { $0.team == "A" })
        let b = try #require(board.tracks[0].entries.first { $0.team == "B" })
        // A: item a = mean(1, 0) = 0.5, b = 0 → s1 = 25; c failed → s2 = 0; track = (1×25 + 3×0) / 4.
        #expect(abs(a.score - 6.25) < 1e-9)
        #expect(abs(b.score - 75) < 1e-9)
        #expect(a.items == 3)
        #expect(a.answered == 2)  // a and the unknown item; c timed out
        #expect(a.failedByClass == [.timeout: 1])
        #expect(a.tokens == 37)
        #expect(board.overall.entries.first { $0.team == "A" }?.answered == 2)
    }

    @Test func sourceScoresKeepOnlyTheSourcesAnAnswerHas() throws {
        var input = LeaderboardInput(round: "r", tracks: [Self.track], teams: Self.teams)
        var judged = Self.answer("A", "t", "s1", "a", 0.5)
        judged.sources = SourceValues(auto: 0, llmJudge: 0.5)
        var auto = Self.answer("A", "t", "s2", "c", 1)
        auto.sources = SourceValues(auto: 1)
        input.append(judged)
        input.append(auto)
        #expect(input.answers.sources(row: 0) == SourceValues(auto: 0, llmJudge: 0.5))
        #expect(input.answers.sources(row: 1) == SourceValues(auto: 1))
        #expect(input.answers.sources(row: 1)[.llmJudge] == nil)
        let board = LeaderboardBuilder(seed: 1, resamples: 20).build(input, generatedAt: Date(timeIntervalSince1970: 0))
        let a = try #require(board.tracks[0].entries.first { $0.team == "A" })
        // auto: s1 has item a (0), s2 has c (1) → (1×0 + 3×1) / 4; the judge saw only s1 → 50.
        #expect(a.sourceScores["auto"].map { abs($0 - 75) < 1e-9 } == true)
        #expect(a.sourceScores["llm_judge"].map { abs($0 - 50) < 1e-9 } == true)
        #expect(a.sourceScores["human"] == nil)
    }
}
