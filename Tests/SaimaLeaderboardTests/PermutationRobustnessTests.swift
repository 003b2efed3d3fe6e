import SaimaModel
import Testing

@testable import SaimaLeaderboard

/// Robustness across choice orders on the boards: per track and overall, with a Wilson interval.
struct PermutationRobustnessTests {
    @Test func agreementIsCountedPerTrackAndOverall() throws {
        let tracks: [LeaderboardInput.TrackSpec] = ["t1", "t2"].map { id in
            .init(id: id, name: LocalizedText(zh: id, en: id), weight: 1, sets: [.init(id: "s", weight: 1, items: ["i"])])
        }
        var input = LeaderboardInput(
            round: "r", tracks: tracks, teams: [.init(id: "a", name: LocalizedText(zh: "a", en: "a"), entered: ["t1", "t2"])])
        for n in 0..<10 { input.recordRobustness(team: "a", track: "t1", agree: n < 9) }
        for n in 0..<10 { input.recordRobustness(team: "a", track: "t2", agree: n < 5) }
        let board = LeaderboardBuilder(seed: 1, resamples: 20).build(input)
        let t1 = try #require(board.tracks.first { $0.id == "t1" }?.entries.first?.robustness)
        let overall = try #require(board.overall.entries.first?.robustness)
        #expect(t1.items == 10 && t1.agreement == 0.9)
        #expect(overall.items == 20 && overall.agreeing == 14 && overall.agreement == 0.7)
        // Wilson interval of 14/20 (statsmodels proportion_confint(14, 20, method="wilson")).
        let ci = try #require(overall.ci95)
        #expect(abs(ci.low - 0.48102) < 1e-4 && abs(ci.high - 0.85451) < 1e-4, "\(ci)")
        #expect(PermutationRobustness().agreement == nil)
    }
}
