import Foundation
import SaimaBase
import SaimaModel
import Testing

@testable import SaimaLeaderboard

@Suite("Aggregation, intervals and ranks on a hand-computed run")
struct LeaderboardBuilderTests {
    typealias Answer = LeaderboardInput.Answer

    static func answer(_ team: String, _ track: String, _ set: String, _ item: String, _ score: Double,
                       sample: Int = 0, outcome: Outcome = .ok, unextractable: Bool = false) -> Answer
    {
        Answer(team: team, track: track, set: set, item: item, sample: sample, score: score, outcome: outcome,
               unextractable: unextractable, latencyMs: 100, tokens: 10)
    }

    static var input: LeaderboardInput { makeInput() }

    /// The hand-computed round; `teamBName` replaces team B's display name.
    static func makeInput(teamBName: LocalizedText = LocalizedText(zh: "乙", en: "B")) -> LeaderboardInput {
        let t1 = LeaderboardInput.TrackSpec(
            id: "t1", name: LocalizedText(zh: "一", en: "One"), weight: 2,
            sets: [.init(id: "s1", weight: 1, items: ["a", "b"]), .init(id: "s2", weight: 3, items: ["c", "d"])])
        let t2 = LeaderboardInput.TrackSpec(
            id: "t2", name: LocalizedText(zh: "二", en: "Two"), weight: 1, sets: [.init(id: "s", weight: 1, items: ["x", "y"])])
        let teams = [
            LeaderboardInput.TeamSpec(id: "A", name: LocalizedText(zh: "甲", en: "A"), entered: ["t1", "t2"]),
            LeaderboardInput.TeamSpec(id: "B", name: teamBName, entered: ["t1"]),
            LeaderboardInput.TeamSpec(id: "C", name: LocalizedText(zh: "丙", en: "C"), entered: ["t1"]),
        ]
        var answers: [Answer] = []
        for team in ["A", "C"] {
            answers += [answer(team, "t1", "s1", "a", 1), answer(team, "t1", "s1", "b", 0, unextractable: true),
                        answer(team, "t1", "s2", "c", 1), answer(team, "t1", "s2", "d", 1)]
        }
        answers += [answer("A", "t2", "s", "x", 1), answer("A", "t2", "s", "y", 1, sample: 0),
                    answer("A", "t2", "s", "y", 0, sample: 1)]
        answers += [answer("B", "t1", "s1", "a", 0, outcome: .timeout), answer("B", "t1", "s1", "b", 1),
                    answer("B", "t1", "s2", "c", 0, outcome: .http5xx)]
        return LeaderboardInput(round: "r", tracks: [t1, t2], teams: teams, answers: answers)
    }

    @Test func exactScoresWeightsAndNotEnteredTracks() throws {
        let board = LeaderboardBuilder(seed: 7, resamples: 200).build(Self.input)
        let t1 = try #require(board.tracks.first { $0.id == "t1" })
        func entry(_ b: Board, _ team: String) -> BoardEntry? { b.entries.first { $0.team == team } }
        // A on t1: s1 = (1+0)/2 = 50, s2 = (1+1)/2 = 100 → (1·50 + 3·100)/4 = 87.5
        #expect(entry(t1, "A")?.score == 87.5)
        // B on t1: s1 = (0+1)/2 = 50, s2 = (0 + missing 0)/2 = 0 → 50/4 = 12.5
        #expect(entry(t1, "B")?.score == 12.5)
        #expect(entry(t1, "B")?.failedByClass == [.timeout: 1, .http5xx: 1])
        #expect(entry(t1, "B")?.answered == 1)
        #expect(entry(t1, "A")?.unextractable == 1)
        let t2 = try #require(board.tracks.first { $0.id == "t2" })
        #expect(t2.entries.map(\.team) == ["A"])  // only teams that entered
        // A on t2: x = 1, y = mean(1, 0) = 0.5 → 75
        #expect(entry(t2, "A")?.score == 75)
        // Overall: (2·87.5 + 1·75)/3 and (2·12.5 + 0)/3
        #expect(abs((entry(board.overall, "A")?.score ?? 0) - 250.0 / 3) < 1e-9)
        #expect(abs((entry(board.overall, "B")?.score ?? 0) - 25.0 / 3) < 1e-9)
        #expect(entry(board.overall, "B")?.notEnteredTracks == ["t2"])
        #expect(board.overall.entries.map(\.team) == ["A", "C", "B"])
        #expect(entry(board.overall, "A")?.tokens == 70)
    }

    @Test func identicalAnswersShareARankAndGroup() throws {
        let board = LeaderboardBuilder(seed: 7, resamples: 500).build(Self.input)
        let t1 = try #require(board.tracks.first { $0.id == "t1" })
        let a = try #require(t1.entries.first { $0.team == "A" })
        let c = try #require(t1.entries.first { $0.team == "C" })
        #expect(a.position == 1 && c.position == 2)  // tie broken by team id
        #expect(a.rank == c.rank)
        #expect(a.rankGroup == c.rankGroup)
        #expect(a.ci95 == c.ci95)
        let adjacent = try #require(t1.adjacent.first)
        #expect(adjacent.difference == 0 && adjacent.ci95 == (0, 0))
    }

    @Test func deterministicForAFixedSeed() {
        let first = LeaderboardBuilder(seed: 42, resamples: 300).build(Self.threeTeams)
        let second = LeaderboardBuilder(seed: 42, resamples: 300).build(Self.threeTeams)
        let other = LeaderboardBuilder(seed: 43, resamples: 300).build(Self.threeTeams)
        let ci = { (b: Leaderboard) in b.tracks[0].entries.map { [$0.ci95.low, $0.ci95.high] } }
        #expect(ci(first) == ci(second))
        #expect(ci(first) != ci(other))
        #expect(first.tracks[0].entries.allSatisfy { $0.ci95.low <= $0.score && $0.score <= $0.ci95.high })
    }

    /// 200 items; strong answers 90% right, middle 50%, weak 10%.
    static var threeTeams: LeaderboardInput {
        let items = (0..<200).map { "i\($0)" }
        let track = LeaderboardInput.TrackSpec(
            id: "t", name: LocalizedText(zh: "t", en: "t"), weight: 1, sets: [.init(id: "s", weight: 1, items: items)])
        let teams = ["strong", "middle", "weak"].map {
            LeaderboardInput.TeamSpec(id: $0, name: LocalizedText(zh: $0, en: $0), entered: ["t"])
        }
        var answers: [Answer] = []
        for (k, item) in items.enumerated() {
            answers.append(Self.answer("strong", "t", "s", item, k % 10 < 9 ? 1 : 0))
            answers.append(Self.answer("middle", "t", "s", item, k % 10 < 5 ? 1 : 0))
            answers.append(Self.answer("weak", "t", "s", item, k % 10 < 1 ? 1 : 0))
        }
        return LeaderboardInput(round: "r", tracks: [track], teams: teams, answers: answers)
    }

    @Test func clearlyDifferentTeamsAreSeparated() throws {
        let board = LeaderboardBuilder(seed: 1, resamples: 1000).build(Self.threeTeams)
        let entries = board.tracks[0].entries
        #expect(entries.map(\.team) == ["strong", "middle", "weak"])
        #expect(entries.map(\.rank) == [1, 2, 3])
        #expect(entries.map(\.rankGroup) == [1, 2, 3])
        #expect(entries.map(\.score) == [90, 50, 10])
        #expect(board.tracks[0].adjacent.allSatisfy { $0.ci95.low > 0 })
    }

    @Test func percentilesInterpolateLikeNumpy() {
        // numpy.percentile([1, 2, 3, 4], [2.5, 97.5]) = [1.075, 3.925]
        let (low, high) = Percentile.interval95([4, 1, 3, 2])
        #expect(abs(low - 1.075) < 1e-12 && abs(high - 3.925) < 1e-12)
    }
}
