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
        var extraction = ExtractionAudit()
    }

    var tallies: [Key: Tally] = [:]

    init(answers: [LeaderboardInput.Answer]) {
        for a in answers {
            let itemKey = a.outcome == .ok ? "\(a.track)\u{1F}\(a.set)\u{1F}\(a.item)" : ""
            for key in [Key(team: a.team, track: a.track), Key(team: a.team, track: nil)] {
                // Mutated in place: copying a Tally out and back would copy its set every time.
                if a.outcome == .ok {
                    tallies[key, default: Tally()].answeredItems.insert(itemKey)
                    tallies[key, default: Tally()].latencies.append(a.latencyMs)
                } else {
                    tallies[key, default: Tally()].failedByClass[a.outcome, default: 0] += 1
                }
                if a.unextractable { tallies[key, default: Tally()].unextractable += 1 }
                if a.outcome == .ok {
                    tallies[key, default: Tally()].extraction.add(
                        rule: a.rule, strength: a.ruleStrength, unextractable: a.unextractable)
                }
                tallies[key, default: Tally()].tokens = tallies[key, default: Tally()].tokens.saturatingAdd(a.tokens)
            }
        }
    }

    /// An entry with the counts filled in; ranks and scores are set by the caller.
    func entry(team: LeaderboardInput.TeamSpec, track: String?, items: Int) -> BoardEntry {
        let t = tallies[Key(team: team.id, track: track)] ?? Tally()
        let sorted = t.latencies.sorted()
        var entry = BoardEntry(
            team: team.id, name: team.name, position: 0, rank: 0, rankGroup: 0, score: 0, ci95: (0, 0), items: items,
            answered: t.answeredItems.count, failedByClass: t.failedByClass, unextractable: t.unextractable,
            meanLatencyMs: sorted.isEmpty ? nil : sorted.reduce(0, +) / Double(sorted.count),
            p95LatencyMs: sorted.isEmpty ? nil : Percentile.of(sorted: sorted, 95), tokens: t.tokens,
            notEntered: track.map { !team.entered.contains($0) } ?? false, notEnteredTracks: [])
        entry.extraction = t.extraction
        return entry
    }
}
