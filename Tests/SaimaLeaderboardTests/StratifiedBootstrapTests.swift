import Foundation
import SaimaLeaderboard
import SaimaModel
import Testing

/// A small round whose intervals, ranks and rank groups were computed independently in Python from the documented
/// definitions (`StratifiedBootstrap`: one generator seeded with the board seed, draws in track, resample, set, draw
/// order; `RankAssignment`: paired differences, 2.5th percentile above 0; numpy's linear percentiles).
enum BootstrapRound {
    typealias Answer = LeaderboardInput.Answer
    static let seed: UInt64 = 2024
    static let resamples = 25
    static let bank = LocalizedText(zh: "测试银行", en: "Test Bank")

    /// t1 (weight 2): s1 (weight 1, items a–d), an empty set (weight 5), s2 (weight 3, items e, f);
    /// t2 (weight 1): s (items x–z). A and B entered both tracks, C only t1. C's `f` has two samples, 1 and 0.
    /// B's answer to `d` waits for a judge.
    static var input: LeaderboardInput {
        let t1 = LeaderboardInput.TrackSpec(
            id: "t1", name: LocalizedText(zh: "一", en: "One"), weight: 2,
            sets: [.init(id: "s1", weight: 1, items: ["a", "b", "c", "d"], pilotUnit: bank),
                   .init(id: "empty", weight: 5, items: []), .init(id: "s2", weight: 3, items: ["e", "f"])])
        let t2 = LeaderboardInput.TrackSpec(
            id: "t2", name: LocalizedText(zh: "二", en: "Two"), weight: 1,
            sets: [.init(id: "s", weight: 1, items: ["x", "y", "z"])])
        let teams = [("A", ["t1", "t2"]), ("B", ["t1", "t2"]), ("C", ["t1"])].map {
            LeaderboardInput.TeamSpec(id: $0, name: LocalizedText(zh: $0, en: $0), entered: Set($1))
        }
        let items = [("s1", "a"), ("s1", "b"), ("s1", "c"), ("s1", "d"), ("s2", "e"), ("s2", "f")]
        let t1Scores: [String: [Double]] = ["A": [1, 1, 1, 0, 1, 1], "B": [1, 0, 1, 0, 0, 1], "C": [0, 0, 0, 0, 0, 1]]
        var answers: [Answer] = []
        for (team, scores) in t1Scores {
            for ((set, item), score) in zip(items, scores) {
                var a = answer(team, "t1", set, item, score)
                a.pending = team == "B" && item == "d"
                answers.append(a)
            }
        }
        answers.append(answer("C", "t1", "s2", "f", 0, sample: 1))
        for (team, scores) in ["A": [1.0, 0, 0], "B": [1, 1, 1]] {
            for (item, score) in zip(["x", "y", "z"], scores) { answers.append(answer(team, "t2", "s", item, score)) }
        }
        return LeaderboardInput(round: "r", tracks: [t1, t2], teams: teams, answers: answers)
    }

    static func answer(_ team: String, _ track: String, _ set: String, _ item: String, _ score: Double, sample: Int = 0)
        -> Answer
    {
        Answer(team: team, track: track, set: set, item: item, sample: sample, score: score, outcome: .ok,
               unextractable: false, latencyMs: 10, tokens: 1)
    }

    static var board: Leaderboard {
        LeaderboardBuilder(seed: seed, resamples: resamples).build(input, generatedAt: Date(timeIntervalSince1970: 0))
    }
}

/// Equal within 1e-9: the expected values were computed elsewhere with the same operations.
func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }
/// Both ends of an interval within 1e-9.
func near(_ a: (low: Double, high: Double), _ b: (Double, Double)) -> Bool { near(a.low, b.0) && near(a.high, b.1) }

@Suite("Stratified bootstrap and rank assignment: exact values")
struct StratifiedBootstrapTests {
    /// Track t1: scores, 95% intervals, positions, ranks (A and B not separated, both better than C), rank groups
    /// and the adjacent differences' intervals.
    @Test func firstTrackIntervalsAndRanks() throws {
        let t1 = try #require(BootstrapRound.board.tracks.first)
        #expect(t1.entries.map(\.team) == ["A", "B", "C"])
        #expect(t1.entries.map(\.position) == [1, 2, 3] && t1.entries.map(\.rank) == [1, 1, 3])
        #expect(t1.entries.map(\.rankGroup) == [1, 1, 2])
        let scores = [93.75, 50, 18.75]
        let intervals = [(87.5, 100.0), (3.75, 93.75), (0, 37.5)]
        for (k, entry) in t1.entries.enumerated() {
            #expect(near(entry.score, scores[k]) && near(entry.ci95, intervals[k]), "\(entry.team)")
        }
        #expect(t1.adjacent.map { "\($0.higher)>\($0.lower)" } == ["A>B", "B>C"])
        #expect(near(t1.adjacent[0].difference, 43.75) && near(t1.adjacent[0].ci95, (0, 90)))
        #expect(near(t1.adjacent[1].difference, 31.25) && near(t1.adjacent[1].ci95, (3.75, 56.25)))
    }

    /// Track t2 continues the same generator: B ahead of A but not separated from it.
    @Test func secondTrackContinuesTheGenerator() throws {
        let t2 = try #require(BootstrapRound.board.tracks.last)
        #expect(t2.entries.map(\.team) == ["B", "A"] && t2.entries.map(\.rank) == [1, 1])
        #expect(near(t2.entries[0].score, 100) && near(t2.entries[0].ci95, (100, 100)))
        #expect(near(t2.entries[1].score, 100.0 / 3) && near(t2.entries[1].ci95, (0, 100)))
        #expect(near(t2.adjacent[0].difference, 200.0 / 3) && near(t2.adjacent[0].ci95, (0, 100)))
    }

    /// Overall: track weights 2 : 1 over the same resamples (C's t2 counts 0), ranked on paired differences.
    @Test func overallCombinesTheSameResamples() {
        let overall = BootstrapRound.board.overall
        #expect(overall.entries.map(\.team) == ["A", "B", "C"] && overall.entries.map(\.rank) == [1, 1, 3])
        #expect(overall.entries.map(\.rankGroup) == [1, 1, 2])
        // (2 × 93.75 + 33.3…) / 3, (2 × 50 + 100) / 3, 2 × 18.75 / 3
        let scores: [Double] = [73.61111111111111, 66.66666666666667, 12.5]
        let intervals = [(60.833333333333336, 100.0), (35.833333333333336, 95.83333333333333), (0, 25)]
        for (k, entry) in overall.entries.enumerated() {
            #expect(near(entry.score, scores[k]) && near(entry.ci95, intervals[k]), "\(entry.team)")
        }
        #expect(near(overall.adjacent[0].difference, 6.944444444444457))
        #expect(near(overall.adjacent[0].ci95, (-19.72222222222222, 37.77777777777778)))
        #expect(near(overall.adjacent[1].difference, 54.16666666666666))
        #expect(near(overall.adjacent[1].ci95, (35.833333333333336, 70.83333333333333)))
        #expect(overall.entries.first { $0.team == "C" }?.notEnteredTracks == ["t2"])
    }

    /// A track whose sets all weigh 0 (the registry accepts weight 0) scores 0, and its interval is [0, 0] (not NaN).
    @Test func aTrackOfZeroWeightSetsHasAFiniteInterval() throws {
        let track = LeaderboardInput.TrackSpec(
            id: "t", name: LocalizedText(zh: "零", en: "Zero"), weight: 1,
            sets: [.init(id: "s", weight: 0, items: ["a", "b"])])
        let input = LeaderboardInput(
            round: "r", tracks: [track], teams: [.init(id: "A", name: LocalizedText(zh: "A", en: "A"), entered: ["t"])],
            answers: [BootstrapRound.answer("A", "t", "s", "a", 1)])
        let entry = try #require(LeaderboardBuilder(seed: 1, resamples: 10).build(input).tracks.first?.entries.first)
        #expect(entry.score == 0)
        #expect(entry.ci95.low == 0 && entry.ci95.high == 0)
    }
}
