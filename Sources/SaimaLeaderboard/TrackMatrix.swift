/// One track's item scores as a team × item matrix, items grouped by question set.
///
/// Definition: a cell is the mean score over the team's samples of that item; an item the team
/// has no answer for (not run, or failed) is 0. Every team entered in the track is scored on the
/// track's whole item list, which is what makes paired comparison on common items possible.
struct TrackMatrix {
    /// Positions of the teams (rows) in the input's teams.
    let teams: [Int]
    /// `scores[t][i]` in [0, 1].
    var scores: [[Double]]
    /// Item index ranges of each set, in set order (sets without items are left out).
    let setRanges: [(weight: Double, range: Range<Int>)]

    /// The matrix of the input track at position `track`, rows for `teams` (positions in the input's teams).
    init(_ input: LeaderboardInput, track k: Int, teams: [Int]) {
        let table = input.answers
        self.teams = teams
        let items = table.trackItems[k]
        var ranges: [(Double, Range<Int>)] = []
        for (offset, set) in input.tracks[k].sets.enumerated() where !set.items.isEmpty {
            let range = table.items(track: k, set: offset)
            ranges.append((set.weight, (range.lowerBound - items.lowerBound)..<(range.upperBound - items.lowerBound)))
        }
        setRanges = ranges
        let row = table.positions(of: teams)
        let n = items.count
        var sums = Array(repeating: Array(repeating: 0.0, count: n), count: teams.count)
        var counts = Array(repeating: Array(repeating: Int32(0), count: n), count: teams.count)
        for r in table.rows(track: k) {
            let a = table.rows[Int(r)]
            let t = row[Int(a.team)]
            let i = Int(a.item) - items.lowerBound
            guard t >= 0, i >= 0, i < n else { continue }
            sums[t][i] += a.score
            counts[t][i] += 1
        }
        // Means in place: a third matrix would hold 8 more bytes a cell.
        for t in sums.indices {
            for i in 0..<n { sums[t][i] = counts[t][i] > 0 ? sums[t][i] / Double(counts[t][i]) : 0 }
        }
        scores = sums
    }

    var itemCount: Int { setRanges.last?.range.upperBound ?? 0 }

    /// Track score on 0–100: the set-weighted mean of set means × 100.
    func score(team t: Int) -> Double {
        var total = 0.0
        var weights = 0.0
        for (weight, range) in setRanges {
            let mean = scores[t][range].reduce(0, +) / Double(range.count)
            total += weight * mean
            weights += weight
        }
        return weights > 0 ? total / weights * 100 : 0
    }
}
