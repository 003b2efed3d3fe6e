import SaimaModel

/// Per team (and track) counts of answers, failures, latency and tokens.
struct TeamStatistics {
    struct Key: Hashable {
        var team: String
        var track: String?
    }

    struct Tally {
        var answeredItems: Set<String> = []
        var failedByClass: [Outcome: Int] = [:]
        var unextractable = 0
        var latencies: [Double] = []
        var tokens = 0
    }

    var tallies: [Key: Tally] = [:]

    init(answers: [LeaderboardInput.Answer]) {
        for a in answers {
            for key in [Key(team: a.team, track: a.track), Key(team: a.team, track: nil)] {
                var t = tallies[key] ?? Tally()
                if a.outcome == .ok {
                    t.answeredItems.insert("\(a.track)\u{1F}\(a.set)\u{1F}\(a.item)")
                    t.latencies.append(a.latencyMs)
                } else {
                    t.failedByClass[a.outcome, default: 0] += 1
                }
                if a.unextractable { t.unextractable += 1 }
                t.tokens += a.tokens
                tallies[key] = t
            }
        }
    }

    /// An entry with the counts filled in; ranks and scores are set by the caller.
    func entry(team: LeaderboardInput.TeamSpec, track: String?, items: Int) -> BoardEntry {
        let t = tallies[Key(team: team.id, track: track)] ?? Tally()
        let sorted = t.latencies.sorted()
        return BoardEntry(
            team: team.id, name: team.name, position: 0, rank: 0, rankGroup: 0, score: 0, ci95: (0, 0), items: items,
            answered: t.answeredItems.count, failedByClass: t.failedByClass, unextractable: t.unextractable,
            meanLatencyMs: sorted.isEmpty ? nil : sorted.reduce(0, +) / Double(sorted.count),
            p95LatencyMs: sorted.isEmpty ? nil : Percentile.of(sorted: sorted, 95), tokens: t.tokens,
            notEntered: track.map { !team.entered.contains($0) } ?? false, notEnteredTracks: [])
    }
}
