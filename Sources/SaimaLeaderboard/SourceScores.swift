import SaimaModel

/// Track scores from one scoring source at a time (automatic metric, LLM judge, human judges).
///
/// Definition: for source s, a team's set score is the mean over the set's items that have an s
/// score (samples averaged) × 100; the track score is the set-weighted mean over the sets that have
/// any such item. Items without an s score are left out rather than counted as 0, so the column
/// says how that source rates the answers it saw.
enum SourceScores {
    /// Per team of `teams` (positions in the input's teams, in that order): source id → the team's track score
    /// from that source, for the input track at position `track`.
    static func track(_ input: LeaderboardInput, track k: Int, teams: [Int]) -> [[String: Double]] {
        let table = input.answers
        let items = table.trackItems[k]
        let n = items.count
        var position = [Int](repeating: -1, count: table.teamCount)
        for (t, team) in teams.enumerated() where position[team] < 0 { position[team] = t }
        var out = Array(repeating: [String: Double](), count: teams.count)
        for source in ScoreSource.allCases {
            var sums: [Double] = []
            var counts: [Int32] = []
            for r in table.rowsByTrack[k] {
                let a = table.rows[Int(r)]
                let t = position[Int(a.team)]
                let i = Int(a.item) - items.lowerBound
                guard t >= 0, i >= 0, i < n, let value = table.sources(row: Int(r))[source] else { continue }
                if sums.isEmpty {
                    sums = [Double](repeating: 0, count: teams.count * n)
                    counts = [Int32](repeating: 0, count: teams.count * n)
                }
                sums[t * n + i] += value
                counts[t * n + i] += 1
            }
            guard !sums.isEmpty else { continue }
            for t in teams.indices {
                var total = 0.0
                var weights = 0.0
                for (offset, set) in input.tracks[k].sets.enumerated() {
                    let range = table.setItems[table.trackSets[k].lowerBound + offset]
                    var sum = 0.0
                    var valued = 0
                    for i in range where counts[t * n + i - items.lowerBound] > 0 {
                        let cell = t * n + i - items.lowerBound
                        sum += sums[cell] / Double(counts[cell])
                        valued += 1
                    }
                    guard valued > 0 else { continue }
                    total += set.weight * sum / Double(valued)
                    weights += set.weight
                }
                if weights > 0 { out[t][source.rawValue] = total / weights * 100 }
            }
        }
        return out
    }
}
