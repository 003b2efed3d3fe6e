import SaimaBase
/// Bootstrap of track scores, resampling items with replacement within each question set.
///
/// Definition: resample r draws, for every set s of n_s items, n_s item indices uniformly with
/// replacement from that set; a team's resampled track score is the set-weighted mean of its
/// resampled set means × 100. All teams share the same draws in a resample, so differences
/// between two teams' resampled scores are a paired bootstrap over their common items.
/// Draws come from `SeededGenerator(seed)` in a fixed order (track order, resample, set, draw).
struct StratifiedBootstrap {
    let resamples: Int

    /// `result[t][r]`: team t's track score in resample r.
    func resampledScores(_ matrix: TrackMatrix, generator: inout SeededGenerator) -> [[Double]] {
        let n = matrix.itemCount
        let teams = matrix.teams.count
        var out = Array(repeating: Array(repeating: 0.0, count: resamples), count: teams)
        guard n > 0, teams > 0 else { return out }
        let totalWeight = matrix.setRanges.reduce(0) { $0 + $1.weight }
        // Per-item multiplier for one resample: (draw count) × set weight / (n_s × total weight) × 100,
        // so that a resampled score is one dot product with the team's item scores.
        var multipliers = [Double](repeating: 0, count: n)
        for r in 0..<resamples {
            for i in 0..<n { multipliers[i] = 0 }
            for (weight, range) in matrix.setRanges {
                // Sets that all weigh 0 score 0 in every resample (the draws are still made, so later tracks get
                // the same draws as before).
                let step = totalWeight > 0 ? weight / (Double(range.count) * totalWeight) * 100 : 0
                for _ in 0..<range.count {
                    multipliers[range.lowerBound + generator.below(range.count)] += step
                }
            }
            multipliers.withUnsafeBufferPointer { m in
                for t in 0..<teams {
                    matrix.scores[t].withUnsafeBufferPointer { x in
                        var sum = 0.0
                        for i in 0..<n { sum += m[i] * x[i] }
                        out[t][r] = sum
                    }
                }
            }
        }
        return out
    }
}
