import SaimaBase
/// Whether a team's model changed during the round, read from its fingerprint-probe replies (`FingerprintProbes`), and
/// whether its latencies suggest people in the loop. Evidence for the jury, never a disqualification.
///
/// Definitions, per team, over the probes answered (outcome ok) in the first two waves and the last:
/// - **baseline agreement**: the share of probes whose wave-0 and wave-1 replies are identical (after trimming
///   whitespace) — how repeatable the team's own replies are under its own settings;
/// - **end agreement**: the share whose wave-0 and last-wave replies are identical;
/// - the **drop** = baseline − end, with a 95% Newcombe hybrid score interval (as for two independent proportions;
///   conservative for these paired replies);
/// - the **length ratio**: mean reply length (Unicode scalars) of the last wave over wave 0's; the **latency ratio**:
///   median latency of the last wave over wave 0's.
/// A team is flagged when at least `minimumProbes` probes count and the drop's lower bound exceeds `flagDrop`, the length
/// ratio lies outside [1/`ratioLimit`, `ratioLimit`], or the latency ratio outside [1/`latencyRatioLimit`,
/// `latencyRatioLimit`] with the medians at least `latencyShiftMs` apart (a fast endpoint's milliseconds swing with
/// any load; seconds do not). Independently of the probes, people in the loop are suspected when answers took
/// `slowReplySeconds` or longer, or when its long answers (≥ `longTokens` completion tokens, at least `minimumProbes`
/// of them) come at a median below `minimumTokensPerSecond`: models write tens of tokens a second, a person types one
/// or two.
package struct FreezeProbe: Sendable, Hashable {
    package var probes = 0
    package var baselineAgreeing = 0
    package var endAgreeing = 0
    package var lengthRatio: Double?
    package var latencyRatio: Double?
    /// Median probe latency of the first and of the last wave (ms).
    var firstLatencyMs: Double?
    var lastLatencyMs: Double?
    /// Replies per wave (ok outcomes), for the evidence table.
    package var repliesPerWave: [Int] = []
    /// Normal answers that took `slowReplySeconds` or longer, and the longest (ms).
    package var slowReplies = 0
    package var slowestMs: Double?
    /// The median rate of long answers (completion tokens per second of latency), and how many there were.
    var longTokensPerSecond: Double?
    var longAnswers = 0

    static let minimumProbes = 5
    package static let flagDrop = 0.2
    package static let ratioLimit = 2.0
    package static let latencyRatioLimit = 3.0
    static let latencyShiftMs = 2000.0
    package static let slowReplySeconds = 60.0
    package static let longTokens = 100
    package static let minimumTokensPerSecond = 2.0

    /// Fills the long-answer rate from a team's ok answers: (latency ms, completion tokens).
    package mutating func addAnswerLatencies(_ answers: [(latencyMs: Double, tokens: Int)]) {
        let rates = answers.filter { $0.tokens >= Self.longTokens && $0.latencyMs > 0 }
            .map { Double($0.tokens) / ($0.latencyMs / 1000) }.sorted()
        longAnswers = rates.count
        longTokensPerSecond = rates.isEmpty ? nil : Percentile.of(sorted: rates, 50)
    }

    package init() {}

    /// The analysis of one team's probe replies: `replies[probe][wave]` (nil: no ok reply), as (text, latency ms).
    package init(waves: Int, replies: [String: [Int: (text: String, latencyMs: Double)]]) {
        repliesPerWave = (0..<waves).map { w in replies.values.filter { $0[w] != nil }.count }
        let last = waves - 1
        var firstLengths: [Double] = [], lastLengths: [Double] = []
        var firstLatency: [Double] = [], lastLatency: [Double] = []
        for (_, byWave) in replies {
            guard let a = byWave[0], let b = byWave[1], let z = byWave[last] else { continue }
            probes += 1
            let t0 = a.text.trimmed, t1 = b.text.trimmed, tz = z.text.trimmed
            if t0 == t1 { baselineAgreeing += 1 }
            if t0 == tz { endAgreeing += 1 }
            firstLengths.append(Double(t0.unicodeScalars.count))
            lastLengths.append(Double(tz.unicodeScalars.count))
            firstLatency.append(a.latencyMs)
            lastLatency.append(z.latencyMs)
        }
        if probes > 0 {
            let mean0 = firstLengths.reduce(0, +) / Double(probes), meanZ = lastLengths.reduce(0, +) / Double(probes)
            lengthRatio = mean0 > 0 ? meanZ / mean0 : nil
            let med0 = Percentile.of(sorted: firstLatency.sorted(), 50), medZ = Percentile.of(sorted: lastLatency.sorted(), 50)
            latencyRatio = med0 > 0 ? medZ / med0 : nil
            firstLatencyMs = med0
            lastLatencyMs = medZ
        }
    }

    package var baseline: Double? { probes == 0 ? nil : Double(baselineAgreeing) / Double(probes) }
    package var end: Double? { probes == 0 ? nil : Double(endAgreeing) / Double(probes) }

    /// baseline − end and its 95% interval.
    package var drop: (value: Double, low: Double, high: Double)? {
        guard probes > 0 else { return nil }
        var p = MemorizationProbe()
        for i in 0..<probes { p.add(moved: false, score: i < baselineAgreeing ? 1 : 0) }
        for i in 0..<probes { p.add(moved: true, score: i < endAgreeing ? 1 : 0) }
        return p.gap
    }

    /// Why the team is flagged (empty: not flagged).
    package var reasons: [String] {
        var out: [String] = []
        if slowReplies > 0 {
            out.append("\(slowReplies) answer(s) took a minute or more: people in the loop? 存在一分钟以上的回答")
        }
        if longAnswers >= Self.minimumProbes, let rate = longTokensPerSecond, rate < Self.minimumTokensPerSecond {
            out.append("long answers come at \(Self.fixed(rate)) tokens/s: typed by people? 长回答输出速度接近人工打字")
        }
        guard probes >= Self.minimumProbes else { return out }
        if let d = drop, d.low > Self.flagDrop {
            out.append("probe replies changed: \(Self.pct(baseline)) repeat at the start, \(Self.pct(end)) at the end 探针回答前后不一致")
        }
        if let r = lengthRatio, r > Self.ratioLimit || r < 1 / Self.ratioLimit {
            out.append("reply length ×\(Self.fixed(r)) from the first wave to the last 回答长度变化")
        }
        if let r = latencyRatio, let a = firstLatencyMs, let b = lastLatencyMs, abs(b - a) >= Self.latencyShiftMs,
            r > Self.latencyRatioLimit || r < 1 / Self.latencyRatioLimit
        {
            out.append("median latency ×\(Self.fixed(r)) from the first wave to the last 延迟变化")
        }
        return out
    }

    package var flagged: Bool { !reasons.isEmpty }

    static func pct(_ v: Double?) -> String { v.map { String(Int(($0 * 100).rounded())) + "%" } ?? "—" }
    static func fixed(_ v: Double) -> String { String(Double(Int(v * 100)) / 100) }
}
