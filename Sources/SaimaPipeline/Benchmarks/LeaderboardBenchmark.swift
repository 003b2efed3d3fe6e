import Foundation
import SaimaLeaderboard
import SaimaBase
import SaimaModel
/// `saima bench --scenario leaderboard`: aggregation with intervals and ranks at contest scale.
package enum LeaderboardBenchmark {
    package static func run(teams: Int = 50, tracks: Int = 7, items: Int = 2000, resamples: Int = 1000) {
        var generator = SeededGenerator(seed: 99)
        let trackSpecs = (0..<tracks).map { t in
            LeaderboardInput.TrackSpec(
                id: "t\(t)", name: LocalizedText(zh: "赛道\(t)", en: "Track \(t)"), weight: 1,
                sets: (0..<4).map { s in
                    .init(id: "s\(s)", weight: Double(s + 1), items: (0..<(items / 4)).map { "i\($0)" })
                })
        }
        let teamSpecs = (0..<teams).map {
            LeaderboardInput.TeamSpec(id: "team\($0)", name: LocalizedText(zh: "队\($0)", en: "Team \($0)"),
                                      entered: Set(trackSpecs.map(\.id)))
        }
        var answers: [LeaderboardInput.Answer] = []
        answers.reserveCapacity(teams * tracks * items)
        for (k, team) in teamSpecs.enumerated() {
            let skill = Double(k) / Double(teams)
            for track in trackSpecs {
                for set in track.sets {
                    for item in set.items {
                        let right = Double(generator.next() % 1000) / 1000 < 0.3 + 0.5 * skill
                        answers.append(.init(team: team.id, track: track.id, set: set.id, item: item, sample: 0,
                                             score: right ? 1 : 0, outcome: .ok, unextractable: false, latencyMs: 10,
                                             tokens: 20))
                    }
                }
            }
        }
        let input = LeaderboardInput(round: "bench", tracks: trackSpecs, teams: teamSpecs, answers: answers)
        let start = Date()
        let board = LeaderboardBuilder(seed: 1, resamples: resamples).build(input)
        let seconds = Date().timeIntervalSince(start)
        print("== scenario: leaderboard, \(teams) teams × \(tracks) tracks × \(items) items, \(resamples) resamples ==")
        print(String(format: "built in %.2f s (target < 10 s); %d answers; overall rank groups: %d", seconds,
                     answers.count, Set(board.overall.entries.map(\.rankGroup)).count))
    }
}
