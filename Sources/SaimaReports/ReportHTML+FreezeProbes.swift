import SaimaLeaderboard
extension ReportHTML {
    /// Per team: how its fingerprint-probe replies held from the start of the round to its end, and its minute-long
    /// answers, with the flag's reasons (`FreezeProbe`).
    static func freezeProbes(_ data: ReportData) -> String {
        guard !data.probes.isEmpty else { return "" }
        func pct(_ v: Double?) -> String { v.map { Format.score(100 * $0) + "%" } ?? "—" }
        func ratio(_ v: Double?) -> String { v.map { "×" + Format.score($0) } ?? "—" }
        var html = "<table><tr><th>队伍 Team</th><th>探针 Probes</th><th>开始时重复一致 Repeat at start</th>"
        html += "<th>首尾一致 Start = end</th><th>长度比 Length</th><th>延迟比 Latency</th><th>≥60 s 回答 Slow answers</th>"
        html += "<th>标记 Flag</th></tr>"
        for f in data.probes {
            let p = f.probe
            html += "<tr><td>\(e(f.name))</td><td class=num>\(p.probes)</td><td class=num>\(pct(p.baseline))</td>"
            html += "<td class=num>\(pct(p.end))</td><td class=num>\(ratio(p.lengthRatio))</td><td class=num>\(ratio(p.latencyRatio))</td>"
            html += "<td class=num>\(p.slowReplies)\(p.slowestMs.map { " (max \(Format.score($0 / 1000)) s)" } ?? "")</td>"
            let reasons = p.reasons
            html += reasons.isEmpty ? "<td></td></tr>" : "<td class=flag>⚠ " + reasons.map(e).joined(separator: "<br>") + "</td></tr>"
        }
        html += "</table><p class=note>一组保密的指纹提示在本轮开始、中途与结束时分批发送给每支队伍，与正常题目交错、格式相同。"
        html += "开始时两批回答的一致率是该队自身的可重复性；若结束时与开始时的一致率明显更低（差值 95% 区间下限超过 "
        html += "\(Int(FreezeProbe.flagDrop * 100)) 个百分点），或回答长度变化超过 \(Format.score(FreezeProbe.ratioLimit)) 倍、延迟中位数变化超过 \(Format.score(FreezeProbe.latencyRatioLimit)) 倍且相差 2 秒以上，则标记为模型可能被更换。"
        html += "耗时一分钟以上的回答，或长回答的输出速度低于每秒 \(Format.score(FreezeProbe.minimumTokensPerSecond)) 个词元，提示可能有人工介入。标记是供评审参考的证据，不是自动取消资格。"
        html += " A secret set of fingerprint prompts is sent to every team at the start, during and at the end of the round,"
        html += " interleaved with its items and formatted like them. How often the two first waves agree is the team's own"
        html += " repeatability; a much lower agreement between the first and the last wave (the drop's 95% lower bound above"
        html += " \(Int(FreezeProbe.flagDrop * 100)) points), reply length changing more than ×\(Format.score(FreezeProbe.ratioLimit)),"
        html += " or median latency more than ×\(Format.score(FreezeProbe.latencyRatioLimit)) and by 2 s or more, flags a model that may have"
        html += " been swapped. Answers taking a minute or more, or long answers written at under"
        html += " \(Format.score(FreezeProbe.minimumTokensPerSecond)) tokens a second,"
        html += " suggest people in the loop. A flag is evidence for the jury, never an automatic disqualification.</p>"
        return html
    }
}
