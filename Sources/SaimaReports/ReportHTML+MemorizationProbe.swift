import SaimaLeaderboard
import SaimaModel

extension ReportHTML {
    /// Per team: accuracy on shuffled choice items whose answer kept its letter against those whose answer moved, the
    /// gap with its 95% interval, and the flag (`MemorizationProbe`); empty when no team answered a shuffled item.
    static func memorizationProbe(_ data: ReportData) -> String {
        let entries = data.leaderboard.overall.entries.filter { $0.memorization.kept + $0.memorization.moved > 0 }
        let paraphrased = data.leaderboard.overall.entries.filter { $0.paraphrase.kept + $0.paraphrase.moved > 0 }
        guard !entries.isEmpty || !paraphrased.isEmpty else { return "" }
        var html = ""
        if !entries.isEmpty {
            html += probeTable(
                entries, \.memorization, kept: "答案字母未变 Answer kept its letter", moved: "答案字母改变 Answer moved",
                flag: "⚠ 可能按原字母作答（泄露或背题）Answers may follow the original letters (leak or memorization)")
            let floor = Format.score(100 * MemorizationProbe.flagGap)
            html += "<p class=note>每队看到的选项顺序各不相同：部分题目的正确答案字母不变，其余改变。依据题目内容作答的队伍在两组上得分相近；"
            html += "按原字母作答（答案泄露或背过公开题库）的队伍只在字母未变的题目上得分。差距 = 字母未变组得分率 − 字母改变组得分率，"
            html += "95% 区间为 Newcombe 混合得分法；两组各至少 \(MemorizationProbe.minimumGroup) 题且区间下限高于 \(floor) 个百分点时标记。"
            html += "标记是供评审参考的证据，不是自动取消资格。"
            html += " Each team sees the choices in its own order, so on some items the right answer keeps its letter and on the others"
            html += " it moves. A team that reads the options scores alike on both; one answering by the original letters (a leaked"
            html += " key, a memorized public benchmark) scores on the kept ones only. Gap = accuracy where the answer kept its letter"
            html += " − where it moved, 95% interval by Newcombe's hybrid score method; flagged with at least"
            html += " \(MemorizationProbe.minimumGroup) answers in each group and a lower bound above \(floor) points."
            html += " A flag is evidence for the jury, never an automatic disqualification.</p>"
        }
        if !paraphrased.isEmpty {
            html += "<h3 id=paraphrase>原题与改写 As written vs paraphrased</h3>"
            html += probeTable(
                paraphrased, \.paraphrase, kept: "原题 As written", moved: "改写 Paraphrased",
                flag: "⚠ 原题得分远高于改写 Far better on the items as written (memorized?)")
            html += "<p class=note>有变体的题目：原题（可能已公开）与试点单位改写的得分率之差，规则同上。"
            html += " Items with variants: accuracy on the item as written (possibly public) minus on the pilot unit's"
            html += " paraphrases, flagged by the same rule.</p>"
        }
        return html
    }

    /// One row per team: accuracy in each group with its size, the gap with its interval, and the flag.
    static func probeTable(
        _ entries: [BoardEntry], _ probe: KeyPath<BoardEntry, MemorizationProbe>, kept: String, moved: String, flag: String
    ) -> String {
        func pct(_ v: Double?) -> String { v.map { Format.score(100 * $0) + "%" } ?? "—" }
        var html = "<table><tr><th>队伍 Team</th><th>\(kept)</th><th>\(moved)</th><th>差距 Gap (95% CI)</th><th>标记 Flag</th></tr>"
        for x in entries {
            let m = x[keyPath: probe]
            let gap = m.gap.map { g in
                "\(Format.score(100 * g.value)) [\(Format.score(100 * g.low)), \(Format.score(100 * g.high))]"
            } ?? "—"
            html += "<tr><td>\(e(x.name.bilingual))</td><td class=num>\(pct(m.keptAccuracy)) (n=\(m.kept))</td>"
            html += "<td class=num>\(pct(m.movedAccuracy)) (n=\(m.moved))</td><td class=num>\(gap)</td>"
            html += m.flagged ? "<td class=flag>\(flag)</td></tr>" : "<td></td></tr>"
        }
        return html + "</table>"
    }
}
