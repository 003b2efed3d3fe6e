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
        #expect(MemoryLayout<AnswerTable.Row>.stride == 32)
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

    /// Latencies are kept to the microsecond and clamped into 0…4,294.967295 s (NaN and negatives to 0, +∞ and huge
    /// values to the top); each track's rows are found in the order they were added, whether its answers come in one
    /// run or alternate with another track's.
    @Test func latenciesToTheMicrosecondAndTrackRowsInOrder() {
        var input = LeaderboardInput(round: "r", tracks: [Self.track], teams: Self.teams)
        let latencies: [Double] = [1234.5678904, 0.0004, -3, .nan, .infinity, 1e12, 200]
        for (n, ms) in latencies.enumerated() {
            var a = Self.answer(n % 2 == 0 ? "A" : "B", n % 3 == 0 ? "other" : "t", "s1", "a", 1)
            a.latencyMs = ms
            input.append(a)
        }
        let table = input.answers
        #expect(table.rows.map(\.latencyMs) == [1234.568, 0, 0, 0, 4_294_967.295, 4_294_967.295, 200])
        // Rows 0, 3 and 6 went to "other" (track 1), the rest to "t" (track 0).
        #expect(Array(table.rows(track: 0)) == [1, 2, 4, 5])
        #expect(Array(table.rows(track: 1)) == [0, 3, 6])
    }

    /// Rule and strength names share 254 slots; every name after those is counted as the one "other" name, so no
    /// stored reading, however many distinct rule names a run folder holds, can overflow a row.
    @Test func ruleNamesPastTheSlotsAreCountedAsOther() {
        var input = LeaderboardInput(round: "r", tracks: [Self.track], teams: Self.teams)
        for n in 0..<300 {
            var a = Self.answer("A", "t", "s1", "a", 1)
            a.rule = "rule-\(n)"
            a.ruleStrength = n % 2 == 0 ? "strong" : "weak"
            input.append(a)
        }
        let table = input.answers
        let rules = table.rows.map { table.name($0.rule) }
        #expect(rules[0] == "rule-0" && rules[251] == "rule-251")
        #expect(rules[252...].allSatisfy { $0 == AnswerTable.otherName }, "slots 0…253: rule-0…rule-251, strong, weak")
        #expect(table.rows.map { table.name($0.strength) }.prefix(2) == ["strong", "weak"])
        #expect(table.names.count == 255)
        var plain = Self.answer("B", "t", "s1", "b", 1)
        plain.rule = nil
        input.append(plain)
        #expect(input.answers.rows.last?.rule == -1 && input.answers.rows.last.map { input.answers.name($0.rule) } == .some(nil))
    }
}
