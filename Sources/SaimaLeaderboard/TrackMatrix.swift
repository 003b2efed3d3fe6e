import SaimaModel

/// One track's item scores as a team × item matrix, items grouped by question set.
///
/// Definition: a cell is the mean score over the team's samples of that item; an item the team
/// has no answer for (not run, or failed) is 0. Every team entered in the track is scored on the
/// track's whole item list, which is what makes paired comparison on common items possible.
struct TrackMatrix {
    let track: LeaderboardInput.TrackSpec
    let teams: [String]
    /// `scores[t][i]` in [0, 1].
    var scores: [[Double]]
    /// Item index ranges of each set, in set order (sets without items are left out).
    let setRanges: [(weight: Double, range: Range<Int>)]

    init(track: LeaderboardInput.TrackSpec, teams: [String], answers: [LeaderboardInput.Answer]) {
        self.track = track
        self.teams = teams
        var itemIndex: [String: Int] = [:]
        var ranges: [(Double, Range<Int>)] = []
        var n = 0
        for set in track.sets where !set.items.isEmpty {
            let start = n
            for item in set.items {
                itemIndex["\(set.id)\u{1F}\(item)"] = n
                n += 1
            }
            ranges.append((set.weight, start..<n))
        }
        setRanges = ranges
        let teamIndex = Dictionary(uniqueKeysWithValues: teams.enumerated().map { ($1, $0) })
        var sums = Array(repeating: Array(repeating: 0.0, count: n), count: teams.count)
        var counts = Array(repeating: Array(repeating: 0, count: n), count: teams.count)
        for a in answers where a.track == track.id {
            guard let t = teamIndex[a.team], let i = itemIndex["\(a.set)\u{1F}\(a.item)"] else { continue }
            sums[t][i] += a.score
            counts[t][i] += 1
        }
        scores = zip(sums, counts).map { s, c in zip(s, c).map { $1 > 0 ? $0 / Double($1) : 0 } }
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

    /// Per set: the mean score across teams × 100 (difficulty; low = hard).
    func setDifficulty() -> [Double] {
        setRanges.map { _, range in
            guard !teams.isEmpty else { return 0 }
            let total = scores.reduce(0.0) { $0 + $1[range].reduce(0, +) }
            return total / Double(range.count * teams.count) * 100
        }
    }
}
