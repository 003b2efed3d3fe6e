package import SaimaLeaderboard
import SaimaBase
import SaimaModel
import Foundation

/// `leaderboard.csv`: one row per team and track, plus the overall rows (UTF-8 with BOM).
package enum LeaderboardCSV {
    package static let columns = [
        "board", "team", "name_zh", "name_en", "position", "rank", "rank_group", "score", "ci95_low", "ci95_high",
        "items", "answered", "failed", "unextractable", "mean_latency_ms", "p95_latency_ms", "tokens", "not_entered",
        "robustness", "robustness_items",
    ]

    package static func render(_ board: Leaderboard) -> String {
        var out = "\u{FEFF}" + columns.joined(separator: ",") + "\r\n"
        for b in board.tracks + [board.overall] {
            for e in b.entries {
                let notEntered = e.notEnteredTracks.isEmpty ? (e.notEntered ? "yes" : "") : e.notEnteredTracks.joined(separator: " ")
                let cells = [
                    b.id, e.team, e.name.zh, e.name.en, "\(e.position)", "\(e.rank)", "\(e.rankGroup)", Format.score(e.score),
                    Format.score(e.ci95.low), Format.score(e.ci95.high), "\(e.items)", "\(e.answered)", "\(e.failed)",
                    "\(e.unextractable)", e.meanLatencyMs.map(Format.milliseconds) ?? "",
                    e.p95LatencyMs.map(Format.milliseconds) ?? "", "\(e.tokens)", notEntered,
                    e.robustness.agreement.map { Format.score(100 * $0) } ?? "", e.robustness.items > 0 ? "\(e.robustness.items)" : "",
                ]
                out += CSVTable.line(cells)
            }
        }
        return out
    }

    /// A field as written: `CSVTable.field` with formula neutralization.
    static func quote(_ s: String) -> String { CSVTable.field(s) }
}

/// Number formatting shared by the renderers.
package enum Format {
    /// Scores with two decimals.
    package static func score(_ x: Double) -> String { String(format: "%.2f", x) }
    package static func milliseconds(_ x: Double) -> String { String(format: "%.0f", x) }

    /// Latency percentile for terminal summaries, by the one percentile definition the reports use
    /// (`Percentile.of`: linear interpolation, numpy's default), in whole milliseconds; "-" when there are no values.
    package static func latencyPercentile(_ sorted: [Double], _ q: Double) -> String {
        sorted.isEmpty ? "-" : milliseconds(Percentile.of(sorted: sorted, q * 100))
    }
}
