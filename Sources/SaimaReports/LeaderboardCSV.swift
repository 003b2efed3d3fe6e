import SaimaLeaderboard
import SaimaModel

/// `leaderboard.csv`: one row per team and track, plus the overall rows (UTF-8 with BOM).
public enum LeaderboardCSV {
    public static let columns = [
        "board", "team", "name_zh", "name_en", "position", "rank", "rank_group", "score", "ci95_low", "ci95_high",
        "items", "answered", "failed", "unextractable", "mean_latency_ms", "p95_latency_ms", "tokens", "not_entered",
    ]

    public static func render(_ board: Leaderboard) -> String {
        var out = "\u{FEFF}" + columns.joined(separator: ",") + "\r\n"
        for b in board.tracks + [board.overall] {
            for e in b.entries {
                let notEntered = e.notEnteredTracks.isEmpty ? (e.notEntered ? "yes" : "") : e.notEnteredTracks.joined(separator: " ")
                let cells = [
                    b.id, e.team, e.name.zh, e.name.en, "\(e.position)", "\(e.rank)", "\(e.rankGroup)", Format.score(e.score),
                    Format.score(e.ci95.low), Format.score(e.ci95.high), "\(e.items)", "\(e.answered)", "\(e.failed)",
                    "\(e.unextractable)", e.meanLatencyMs.map(Format.milliseconds) ?? "",
                    e.p95LatencyMs.map(Format.milliseconds) ?? "", "\(e.tokens)", notEntered,
                ]
                out += cells.map(quote).joined(separator: ",") + "\r\n"
            }
        }
        return out
    }

    /// RFC 4180 quoting; a leading `=`, `+`, `-` or `@` is prefixed with `'` so that a team name
    /// cannot become a spreadsheet formula.
    static func quote(_ s: String) -> String {
        var s = s
        if let first = s.first, "=+-@".contains(first), Double(s) == nil { s = "'" + s }
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Number formatting shared by the renderers.
public enum Format {
    /// Scores with two decimals.
    public static func score(_ x: Double) -> String { String(format: "%.2f", x) }
    public static func milliseconds(_ x: Double) -> String { String(format: "%.0f", x) }
}
