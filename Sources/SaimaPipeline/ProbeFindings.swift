import SaimaLeaderboard
import SaimaModel
import SaimaRunner
import SaimaStorage

/// The model-freeze findings of a run, per team of its manifest: its probe replies analysed (`FreezeProbe`) and its
/// latency signs of people in the loop. Without probes, only the teams with such signs are listed.
enum ProbeFindings {
    static func compute(store: RunStore, manifest: RunManifest?) throws -> [(team: String, name: String, probe: FreezeProbe)] {
        guard let manifest else { return [] }
        let slow = try store.slowAnswers(thresholdMs: FreezeProbe.slowReplySeconds * 1000)
        // Only long answers count towards a team's tokens per second (`FreezeProbe.addAnswerLatencies`).
        let latencies = try store.answerLatencies(minTokens: FreezeProbe.longTokens)
        var byTeam: [String: [String: [Int: (text: String, latencyMs: Double)]]] = [:]
        for r in try store.probeReplies() where r.outcome == .ok {
            byTeam[r.team, default: [:]][r.probe, default: [:]][r.wave] = (r.content ?? "", r.latencyMs)
        }
        let waves = manifest.probes?.waves ?? 0
        return manifest.teams.map { t in
            var probe = waves >= 2 ? FreezeProbe(waves: waves, replies: byTeam[t.team] ?? [:]) : FreezeProbe()
            if let s = slow[t.team] {
                probe.slowReplies = s.count
                probe.slowestMs = s.maxMs
            }
            probe.addAnswerLatencies(latencies[t.team] ?? [])
            return (t.team, "\(t.name.zh) \(t.name.en)", probe)
        }.filter { manifest.probes != nil || $0.probe.flagged }
    }
}
