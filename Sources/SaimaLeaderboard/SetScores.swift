package import SaimaModel

/// Every team's score on one question set, with its interval: what a pilot unit looks at first.
package struct SetBoard: Sendable {
    package var track: String
    package var set: String
    package var pilotUnit: LocalizedText?
    package var items: Int
    package var entries: [SetEntry]
}

/// One team on one question set.
package struct SetEntry: Sendable {
    package var team: String
    /// Mean item score × 100 over the set's items (0 for items without an answer).
    package var score: Double
    /// 95% percentile bootstrap interval, items resampled with replacement.
    package var ci95: (low: Double, high: Double)
    /// Answers still waiting for a judge (LLM or human): the score counts them as 0 for now.
    package var pending: Int
}

/// Per-set scores and intervals. Definition: a team's set score is the mean of its item scores × 100 (the
/// same cells as `TrackMatrix`); the interval is the 2.5th–97.5th percentile of `resamples` resampled means,
/// items drawn with replacement, all teams sharing the draws. Draws come from their own generator seeded by
/// the board seed and the set's position, so per-set intervals never change the boards' own draws.
enum SetScores {
    static func boards(_ input: LeaderboardInput, seed: UInt64, resamples: Int) -> [SetBoard] {
        var pending: [String: Int] = [:]
        for a in input.answers where a.pending { pending["\(a.team)\u{1F}\(a.track)\u{1F}\(a.set)", default: 0] += 1 }
        var out: [SetBoard] = []
        var position: UInt64 = 0
        for track in input.tracks {
            let entered = input.teams.filter { $0.entered.contains(track.id) }.map(\.id)
            let matrix = TrackMatrix(track: track, teams: entered, answers: input.answers)
            for ((weight: _, range: range), set) in zip(matrix.setRanges, track.sets.filter { !$0.items.isEmpty }) {
                position += 1
                var generator = SeededGenerator(seed: seed &+ position &* 0x9E37_79B9_7F4A_7C15)
                var resampled = Array(repeating: [Double](), count: entered.count)
                for _ in 0..<resamples {
                    var draws: [Int] = []
                    draws.reserveCapacity(range.count)
                    for _ in 0..<range.count { draws.append(range.lowerBound + generator.below(range.count)) }
                    for t in entered.indices {
                        resampled[t].append(draws.reduce(0) { $0 + matrix.scores[t][$1] } / Double(range.count) * 100)
                    }
                }
                let entries = entered.indices.map { t in
                    SetEntry(
                        team: entered[t], score: matrix.scores[t][range].reduce(0, +) / Double(range.count) * 100,
                        ci95: Percentile.interval95(resampled[t]),
                        pending: pending["\(entered[t])\u{1F}\(track.id)\u{1F}\(set.id)", default: 0])
                }
                out.append(SetBoard(track: track.id, set: set.id, pilotUnit: set.pilotUnit, items: range.count, entries: entries))
            }
        }
        return out
    }
}
