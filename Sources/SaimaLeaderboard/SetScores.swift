import SaimaBase
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
        let table = input.answers
        // Pending answers per (team, set): team position × sets + set position.
        var pending: [Int: Int] = [:]
        for a in table.rows where a.pending { pending[Int(a.team) * table.setIDs.count + Int(a.set), default: 0] += 1 }
        var out: [SetBoard] = []
        var position: UInt64 = 0
        for (k, track) in input.tracks.enumerated() {
            let positions = input.entered(track: k)
            let entered = positions.map { input.teams[$0].id }
            let matrix = TrackMatrix(input, track: k, teams: positions)
            let sets = track.sets.indices.filter { !track.sets[$0].items.isEmpty }
            for ((weight: _, range: range), s) in zip(matrix.setRanges, sets) {
                let set = track.sets[s]
                let setPosition = table.setPosition(track: k, offset: s)
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
                        pending: pending[positions[t] * table.setIDs.count + setPosition, default: 0])
                }
                out.append(SetBoard(track: track.id, set: set.id, pilotUnit: set.pilotUnit, items: range.count, entries: entries))
            }
        }
        return out
    }
}
