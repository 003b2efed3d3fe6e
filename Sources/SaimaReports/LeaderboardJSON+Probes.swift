package import SaimaLeaderboard
package import SaimaBase
extension LeaderboardJSON {
    /// `probes` in leaderboard.json: per team, the freeze-probe figures, the flag and its reasons, and slow answers;
    /// ratios and agreements rounded to six decimals like every other figure of the file.
    package static func probes(_ findings: [(team: String, name: String, probe: FreezeProbe)]) -> JSONValue {
        .object(Dictionary(uniqueKeysWithValues: findings.map { f in
            let p = f.probe
            var o: [String: JSONValue] = [
                "probes": .number(Double(p.probes)), "replies_per_wave": .array(p.repliesPerWave.map { .number(Double($0)) }),
                "baseline_agreement": p.baseline.map { number($0) } ?? .null, "end_agreement": p.end.map { number($0) } ?? .null,
                "length_ratio": p.lengthRatio.map { number($0) } ?? .null, "latency_ratio": p.latencyRatio.map { number($0) } ?? .null,
                "slow_answers": .number(Double(p.slowReplies)), "flagged": .bool(p.flagged),
                "reasons": .array(p.reasons.map(JSONValue.string)),
            ]
            if let d = p.drop { o["drop_ci95"] = .array([number(d.low), number(d.high)]) }
            return (f.team, JSONValue.object(o))
        }))
    }
}
