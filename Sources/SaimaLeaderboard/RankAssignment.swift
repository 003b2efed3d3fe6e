import SaimaBase
/// Turns point scores and paired bootstrap scores into positions, ranks and rank groups.
///
/// Definitions: `position` orders teams by score (ties by team id). Team a is significantly
/// better than team b when the 2.5th percentile of the paired resampled differences
/// `S_a(r) − S_b(r)` is above 0. `rank` = 1 + the number of teams significantly better; teams
/// the data cannot separate share a rank. `rank_group` numbers the distinct ranks from 1 in
/// position order.
struct RankAssignment {
    struct Result {
        var order: [Int]
        var position: [Int]
        var rank: [Int]
        var rankGroup: [Int]
        /// For each adjacent pair (order[k], order[k+1]): the difference and its 95% interval.
        var adjacent: [(higher: Int, lower: Int, difference: Double, ci: (Double, Double))]
    }

    static func assign(ids: [String], scores: [Double], resampled: [[Double]]) -> Result {
        let count = ids.count
        let order = (0..<count).sorted { a, b in
            scores[a] != scores[b] ? scores[a] > scores[b] : ids[a] < ids[b]
        }
        var position = Array(repeating: 0, count: count)
        for (k, t) in order.enumerated() { position[t] = k + 1 }
        var better = Array(repeating: 0, count: count)
        var differences = [Double](repeating: 0, count: resampled.first?.count ?? 0)
        for a in 0..<count {
            for b in 0..<count where a != b {
                for r in differences.indices { differences[r] = resampled[a][r] - resampled[b][r] }
                if Percentile.interval95(differences).low > 0 { better[b] += 1 }
            }
        }
        let rank = better.map { $0 + 1 }
        var rankGroup = Array(repeating: 0, count: count)
        var group = 0
        var previousRank: Int?
        for t in order {
            if rank[t] != previousRank {
                group += 1
                previousRank = rank[t]
            }
            rankGroup[t] = group
        }
        var adjacent: [(Int, Int, Double, (Double, Double))] = []
        for k in 0..<max(0, count - 1) {
            let (h, l) = (order[k], order[k + 1])
            for r in differences.indices { differences[r] = resampled[h][r] - resampled[l][r] }
            adjacent.append((h, l, scores[h] - scores[l], Percentile.interval95(differences)))
        }
        return Result(order: order, position: position, rank: rank, rankGroup: rankGroup, adjacent: adjacent)
    }
}
