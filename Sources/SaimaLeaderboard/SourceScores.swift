import SaimaModel

/// Track scores from one scoring source at a time (automatic metric, LLM judge, human judges).
///
/// Definition: for source s, a team's set score is the mean over the set's items that have an s
/// score (samples averaged) × 100; the track score is the set-weighted mean over the sets that have
/// any such item. Items without an s score are left out rather than counted as 0, so the column
/// says how that source rates the answers it saw.
enum SourceScores {
    static let sources = ScoreSource.allCases.map(\.rawValue)

    static func track(_ track: LeaderboardInput.TrackSpec, team: String, answers: [LeaderboardInput.Answer])
        -> [String: Double]
    {
        var perItem: [String: [String: (sum: Double, n: Int)]] = [:]  // source → set/item → sum
        for a in answers where a.team == team && a.track == track.id {
            for (source, value) in a.sources.present.map({ ($0.source.rawValue, $0.value) }) {
                let current = perItem[source, default: [:]]["\(a.set)\u{1F}\(a.item)"] ?? (0, 0)
                perItem[source, default: [:]]["\(a.set)\u{1F}\(a.item)"] = (current.sum + value, current.n + 1)
            }
        }
        var out: [String: Double] = [:]
        for source in sources {
            guard let items = perItem[source] else { continue }
            var total = 0.0
            var weights = 0.0
            for set in track.sets {
                let values = set.items.compactMap { items["\(set.id)\u{1F}\($0)"].map { $0.sum / Double($0.n) } }
                guard !values.isEmpty else { continue }
                total += set.weight * values.reduce(0, +) / Double(values.count)
                weights += set.weight
            }
            if weights > 0 { out[source] = total / weights * 100 }
        }
        return out
    }
}
