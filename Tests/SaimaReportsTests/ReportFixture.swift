import Foundation
import SaimaLeaderboard
import SaimaModel

/// A small real aggregation shared by the renderers' tests. Two tracks of one pilot unit: `law` (4 items, entered by
/// both teams) and `med` (2 items, alpha only). Alpha answers everything right (latencies 100–500 ms, 10 tokens an
/// answer); beta gets i0 and i1 right, i2 wrong and i3 times out. The counts, latencies and scores come from
/// `LeaderboardBuilder`; the bootstrap's figures (ranks, groups, intervals) are then fixed by hand so that every
/// rendered row can be written out exactly.
enum ReportFixture {
    static let alpha = LocalizedText(zh: "阿尔法", en: "Alpha")
    static let beta = LocalizedText(zh: "贝塔", en: "Beta")
    static let unit = LocalizedText(zh: "测试银行", en: "Test Bank")

    static func input() -> LeaderboardInput {
        let law = LeaderboardInput.TrackSpec(
            id: "law", name: LocalizedText(zh: "法律", en: "Law"), weight: 1,
            sets: [.init(id: "s", weight: 1, items: ["i0", "i1", "i2", "i3"], pilotUnit: unit)])
        let med = LeaderboardInput.TrackSpec(
            id: "med", name: LocalizedText(zh: "医疗", en: "Medicine"), weight: 1,
            sets: [.init(id: "m", weight: 1, items: ["j0", "j1"], pilotUnit: unit)])
        let teams = [
            LeaderboardInput.TeamSpec(id: "alpha", name: alpha, entered: ["law", "med"]),
            LeaderboardInput.TeamSpec(id: "beta", name: beta, entered: ["law"]),
        ]
        func answer(_ team: String, _ track: String, _ set: String, _ item: String, _ score: Double, _ latency: Double,
                    _ outcome: Outcome = .ok) -> LeaderboardInput.Answer {
            LeaderboardInput.Answer(
                team: team, track: track, set: set, item: item, sample: 0, score: score, outcome: outcome,
                unextractable: false, latencyMs: latency, tokens: outcome == .ok ? 10 : 0)
        }
        let answers = [
            answer("alpha", "law", "s", "i0", 1, 100), answer("alpha", "law", "s", "i1", 1, 200),
            answer("alpha", "law", "s", "i2", 1, 300), answer("alpha", "law", "s", "i3", 1, 400),
            answer("alpha", "med", "m", "j0", 1, 500), answer("alpha", "med", "m", "j1", 1, 500),
            answer("beta", "law", "s", "i0", 1, 100), answer("beta", "law", "s", "i1", 1, 100),
            answer("beta", "law", "s", "i2", 0, 100), answer("beta", "law", "s", "i3", 0, 5000, .timeout),
        ]
        return LeaderboardInput(round: "R1", tracks: [law, med], teams: teams, answers: answers)
    }

    /// Built with seed 7 and 200 resamples at 1970-01-01T00:00:00Z; alpha is rank and group 1, beta rank and group 2.
    static func board() -> Leaderboard {
        var board = LeaderboardBuilder(seed: 7, resamples: 200).build(input(), generatedAt: Date(timeIntervalSince1970: 0))
        fix(&board.tracks[0], alpha: (100, 100), beta: (12.5, 87.5), adjacent: (25, 75))
        fix(&board.overall, alpha: (100, 100), beta: (6.25, 43.75), adjacent: (50, 93.75))
        return board
    }

    static func fix(_ board: inout Board, alpha: (low: Double, high: Double), beta: (low: Double, high: Double),
                    adjacent: (low: Double, high: Double)) {
        for i in board.entries.indices {
            let first = board.entries[i].team == "alpha"
            board.entries[i].rank = first ? 1 : 2
            board.entries[i].rankGroup = first ? 1 : 2
            board.entries[i].ci95 = first ? alpha : beta
        }
        for i in board.adjacent.indices { board.adjacent[i].ci95 = adjacent }
    }

    /// The index of `team` on `board`.
    static func index(_ team: String, on board: Board) -> Int { board.entries.firstIndex { $0.team == team }! }
}
