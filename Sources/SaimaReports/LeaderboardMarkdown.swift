package import SaimaLeaderboard
import SaimaModel

/// `leaderboard.md` and the terminal tables: one table per track, then the overall board.
package enum LeaderboardMarkdown {
    static let headers = [
        "名次 Pos", "等级 Rank", "队伍 Team", "得分 Score", "95% CI", "题数 Items", "成功 OK", "失败 Failed", "无法抽取 Unextr.",
    ]

    static func rows(_ b: Board) -> [[String]] {
        b.entries.map { e in
            [
                "\(e.position)", "\(e.rank)", e.name.bilingual, Format.score(e.score),
                "[\(Format.score(e.ci95.low)), \(Format.score(e.ci95.high))]", "\(e.items)", "\(e.answered)",
                "\(e.failed)", "\(e.unextractable)",
            ]
        }
    }

    package static func render(_ board: Leaderboard) -> String {
        var out = "# 排行榜 Leaderboard — \(escape(board.round))\n\n"
        out += "Seed \(board.seed), \(board.resamples) bootstrap resamples. "
        out += "Teams that share a rank cannot be separated at 95% (paired bootstrap). 等级相同表示差异不显著。\n"
        for b in board.tracks + [board.overall] {
            out += "\n## \(escape(b.name.bilingual))\n\n"
            out += "| " + headers.joined(separator: " | ") + " |\n"
            out += "|" + headers.map { _ in "---" }.joined(separator: "|") + "|\n"
            for row in rows(b) { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
            if b.id == "overall" {
                let missing = b.entries.filter { !$0.notEnteredTracks.isEmpty }
                for e in missing {
                    out += "\n- \(escape(e.name.bilingual)): not entered 未参赛 — \(e.notEnteredTracks.joined(separator: ", ")) (counted as 0)"
                }
                if !missing.isEmpty { out += "\n" }
            }
        }
        return out
    }

    /// The per-board tables for a terminal (columns aligned for double-width characters).
    package static func terminal(_ board: Leaderboard) -> String {
        (board.tracks + [board.overall]).map { b in
            var table = TerminalTable(
                headers: headers, alignments: [.right, .right, .left, .right, .left, .right, .right, .right, .right])
            for row in rows(b) { table.append(row) }
            return "\(b.name.bilingual)\n\(table.render())"
        }.joined(separator: "\n\n")
    }

    /// Markdown-safe text: pipes, backslashes, HTML-significant characters and line breaks escaped.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "|": out += "\\|"
            case "\\": out += "\\\\"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r": out += " "
            case "`", "*", "_", "[", "]": out += "\\\(ch)"
            default: out.append(ch)
            }
        }
        return out
    }
}
