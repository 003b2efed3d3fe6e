import SaimaBase
import SaimaModel

/// Per team (and track) counts of answers, failures, latency and tokens.
struct TeamStatistics {
    struct Tally {
        /// Distinct items with an ok answer.
        var answered = 0
        var failedByClass: [Outcome: Int] = [:]
        var unextractable = 0
        var tokens = 0
        var extraction = ExtractionAudit()
        var probe = MemorizationProbe()
        /// The same comparison between items shown as written ("kept") and paraphrased ("moved").
        var paraphrase = MemorizationProbe()

        mutating func add(_ a: AnswerTable.Row, names table: AnswerTable) {
            if a.outcome == .ok, !a.pending, let moved = a.answerMoved { probe.add(moved: moved, score: a.score) }
            if a.outcome == .ok, !a.pending, let written = a.asWritten { paraphrase.add(moved: !written, score: a.score) }
            if a.outcome != .ok { failedByClass[a.outcome, default: 0] += 1 }
            if a.unextractable { unextractable += 1 }
            if a.outcome == .ok {
                extraction.add(
                    rule: table.name(a.rule), strength: table.name(a.strength), unextractable: a.unextractable)
            }
            tokens = tokens.saturatingAdd(Int(a.tokens))
        }
    }

    /// `byTrack[team][track]`: teams by position in the input, tracks by position in the answer table.
    var byTrack: [[Tally]]
    /// Per team over all tracks.
    var overall: [Tally]
    /// The rows, for latencies: gathered for one entry at a time instead of kept per tally (8 bytes an answer,
    /// twice while the lists grew).
    let table: AnswerTable

    init(_ table: AnswerTable) {
        self.table = table
        byTrack = Array(repeating: Array(repeating: Tally(), count: table.trackIDs.count), count: table.teamCount)
        overall = Array(repeating: Tally(), count: table.teamCount)
        // Per team, one bit per item number: set when the item first has an ok answer.
        var seen = Array(repeating: [UInt64](), count: table.teamCount)
        let words = (table.itemCount + 63) / 64
        for a in table.rows {
            let t = Int(a.team)
            let k = table.track(of: a)
            if a.outcome == .ok {
                if seen[t].isEmpty { seen[t] = [UInt64](repeating: 0, count: words) }
                let word = Int(a.item) / 64
                let bit = UInt64(1) << UInt64(Int(a.item) % 64)
                if seen[t][word] & bit == 0 {
                    seen[t][word] |= bit
                    byTrack[t][k].answered += 1
                    overall[t].answered += 1
                }
            }
            byTrack[t][k].add(a, names: table)
            overall[t].add(a, names: table)
        }
    }

    /// An entry with the counts filled in; ranks and scores are set by the caller.
    func entry(team: LeaderboardInput.TeamSpec, position p: Int, track: Int?, items: Int) -> BoardEntry {
        let t = track.map { byTrack[p][$0] } ?? overall[p]
        // Latencies of the team's ok answers (on the track, or on all tracks), in whole microseconds as the rows keep
        // them (4 bytes each while sorted), read back as milliseconds in sorted order.
        var micros: [UInt32] = []
        func gather(_ a: AnswerTable.Row) {
            if Int(a.team) == p, a.outcome == .ok { micros.append(a.latencyMicroseconds) }
        }
        if let track {
            for r in table.rows(track: track) { gather(table.rows[Int(r)]) }
        } else {
            for a in table.rows { gather(a) }
        }
        micros.sort()
        let sorted = micros.lazy.map { Double($0) / 1000 }
        var entry = BoardEntry(
            team: team.id, name: team.name, position: 0, rank: 0, rankGroup: 0, score: 0, ci95: (0, 0), items: items,
            answered: t.answered, failedByClass: t.failedByClass, unextractable: t.unextractable,
            meanLatencyMs: sorted.isEmpty ? nil : sorted.reduce(0, +) / Double(sorted.count),
            p95LatencyMs: sorted.isEmpty ? nil : Percentile.of(sorted: sorted, 95), tokens: t.tokens,
            notEntered: track.map { !team.entered.contains(table.trackIDs[$0]) } ?? false, notEnteredTracks: [])
        entry.extraction = t.extraction
        entry.memorization = t.probe
        entry.paraphrase = t.paraphrase
        return entry
    }
}
