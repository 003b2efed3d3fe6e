import SaimaLeaderboard
import SaimaModel

extension ReportHTML {
    /// Per team, overall and per track: the share of items answered alike in every order they were shown in
    /// (`PermutationRobustness`), with 95% intervals; empty when no item was answered in two orders.
    static func robustness(_ data: ReportData) -> String {
        let board = data.leaderboard
        let teams = board.overall.entries.filter { $0.robustness.items > 0 }
        guard !teams.isEmpty else { return "" }
        func cell(_ r: PermutationRobustness) -> String {
            guard let a = r.agreement, let ci = r.ci95 else { return "<td>—</td>" }
            return "<td class=num>\(Format.score(100 * a))% [\(Format.score(100 * ci.low)), \(Format.score(100 * ci.high))] (n=\(r.items))</td>"
        }
        let tracks = board.tracks.filter { $0.entries.contains { $0.robustness.items > 0 } }
        var html = "<table><tr><th>队伍 Team</th><th>总体 Overall</th>"
        for t in tracks { html += "<th>\(e(t.name.bilingual))</th>" }
        html += "</tr>"
        for x in teams {
            html += "<tr><td>\(e(x.name.bilingual))</td>" + cell(x.robustness)
            for t in tracks { html += cell(t.entries.first { $0.team == x.team }?.robustness ?? PermutationRobustness()) }
            html += "</tr>"
        }
        html += "</table><p class=note>每次采样以不同的选项顺序出题；同一题各次采样读出的答案（按原题字母）完全一致的比例，"
        html += "附 95% Wilson 区间。温度采样带来的随机性也会降低此值：它衡量答案在重新呈现下的稳定性。"
        html += " Each sample of a shuffled choice item is shown in its own order; the share of items whose readings (in the"
        html += " item's own letters) agree across all samples, with a 95% Wilson interval. Sampling randomness lowers it too:"
        html += " it measures how stable the answers are when the question is presented again.</p>"
        return html
    }
}
