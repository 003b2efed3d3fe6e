import SaimaBase
import Foundation

/// Ratings with bootstrap intervals over battles.
package enum ArenaRatings {
    /// Maximum-likelihood ratings plus 95% percentile intervals from `resamples` bootstrap samples
    /// of the battles (drawn with replacement, seeded). A resample whose win graph is not strongly
    /// connected has no finite MLE and is skipped; `skipped` says how many were.
    package static func compute(_ battles: [Battle], anchor: String?, resamples: Int, seed: UInt64) throws(BradleyTerry.Problem)
        -> (ratings: [Rating], skipped: Int)
    {
        let point = try BradleyTerry.ratings(battles, anchor: anchor)
        let anchorTeam = anchor ?? point.keys.sorted()[0]
        var samples: [String: [Double]] = [:]
        var generator = SeededGenerator(seed: seed)
        var skipped = 0
        for _ in 0..<resamples {
            let sample = (0..<battles.count).map { _ in battles[generator.below(battles.count)] }
            do {
                let r = try BradleyTerry.ratings(sample, anchor: anchorTeam)
                for (team, value) in r { samples[team, default: []].append(value) }
            } catch {
                skipped += 1
            }
        }
        var counts: [String: Int] = [:]
        for b in battles {
            counts[b.a, default: 0] += 1
            counts[b.b, default: 0] += 1
        }
        let ratings = point.map { team, value -> Rating in
            let values = samples[team] ?? [value]
            let (low, high) = Percentile.interval95(values)
            return Rating(team: team, rating: value, ci95: min(low, value)...max(high, value), battles: counts[team] ?? 0)
        }.sorted { $0.rating != $1.rating ? $0.rating > $1.rating : $0.team < $1.team }
        return (ratings, skipped)
    }
}
