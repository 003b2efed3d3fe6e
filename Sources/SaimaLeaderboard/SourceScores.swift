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
        let position = table.positions(of: teams)
        // The track's rows by team, in row order; one team at a time through one scratch table of the track's items
        // (a table for every team at once would be teams × items × 12 bytes).
        var rowsOfTeam = Array(repeating: [Int32](), count: teams.count)
        for r in table.rows(track: k) {
            let t = position[Int(table.rows[Int(r)].team)]
            if t >= 0 { rowsOfTeam[t].append(r) }
        }
        var out = Array(repeating: [String: Double](), count: teams.count)
        var sums = [Double](repeating: 0, count: n)
        var counts = [Int32](repeating: 0, count: n)
        for t in teams.indices {
            for source in ScoreSource.allCases {
                var any = false
                for r in rowsOfTeam[t] {
                    let i = Int(table.rows[Int(r)].item) - items.lowerBound
                    guard i >= 0, i < n, let value = table.sources(row: Int(r))[source] else { continue }
                    sums[i] += value
                    counts[i] += 1
                    any = true
                }
                guard any else { continue }
                var total = 0.0
                var weights = 0.0
                for (offset, set) in input.tracks[k].sets.enumerated() {
                    let range = table.items(track: k, set: offset)
                    var sum = 0.0
                    var valued = 0
                    for i in range where counts[i - items.lowerBound] > 0 {
                        sum += sums[i - items.lowerBound] / Double(counts[i - items.lowerBound])
                        valued += 1
                    }
                    guard valued > 0 else { continue }
                    total += set.weight * sum / Double(valued)
                    weights += set.weight
                }
                if weights > 0 { out[t][source.rawValue] = total / weights * 100 }
                for r in rowsOfTeam[t] {
                    let i = Int(table.rows[Int(r)].item) - items.lowerBound
                    if i >= 0, i < n {
                        sums[i] = 0
                        counts[i] = 0
                    }
                }
            }
        }
        return out
    }
}
