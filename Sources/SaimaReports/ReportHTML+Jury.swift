import Foundation
import SaimaLeaderboard
import SaimaBase
import SaimaModel

/// The parts of the report a jury signs: the first page (round, dates, tracks, winners, awards), the
/// provisional notice, what position, rank and group mean, the pilot units' team × set tables, and the footer
/// that ties a printed copy to the run.
extension ReportHTML {
    /// On every page while anything awaits a judge; empty when the results are final.
    static func provisionalNotice(_ board: Leaderboard) -> String {
        guard !board.isFinal else { return "" }
        let total = board.pending.values.reduce(0) { $0 + $1.values.reduce(0, +) }
        // Printed: the same words in every page's top margin.
        return "<style>@page{@top-center{content:\"暂定结果 Provisional — \(total) 个回答待评审 answers await a judge\";"
            + "font-size:9pt;color:#8a6d00}}</style>"
            + "<div class=provisional>暂定结果：\(total) 个回答待评审，计 0 分；评审完成前排名与区间均为暂定。"
            + "Provisional: \(total) answers await a judge and count 0 for now; ranks and intervals are provisional until judged.</div>"
    }

    static func cover(_ data: ReportData) -> String {
        let board = data.leaderboard
        let created = data.manifest?["created_at"]?.stringValue ?? "—"
        let generated = TimeStamp.iso8601(board.generatedAt)
        var html = "<section id=cover class=cover-page><h1>\(e(board.round))</h1>"
        html += "<p class=sub>赛马评测排名报告 · Saima ranking report</p><table class=facts>"
        html += "<tr><th>状态 Status</th><td>\(board.isFinal ? "最终 Final" : "<b class=warn>暂定 Provisional</b>")</td></tr>"
        html += "<tr><th>运行开始 Run started</th><td>\(e(created))</td></tr>"
        html += "<tr><th>报告生成 Generated</th><td>\(e(generated)) · 版本 Version \(data.version)</td></tr>"
        html += "<tr><th>赛道 Tracks</th><td>\(board.tracks.map { e($0.name.bilingual) }.joined(separator: "；"))</td></tr>"
        html += "<tr><th>随机种子 Seed</th><td>\(board.seed) · \(board.resamples) 次重抽样 resamples</td></tr></table>"
        html += "<h2>各赛道第一组 Top group per track</h2><table><tr><th>赛道 Track</th><th>队伍 Teams (得分 score [95% CI])</th></tr>"
        for b in board.tracks + [board.overall] {
            let top = b.entries.filter { $0.rankGroup == 1 }.map {
                "\(e($0.name.bilingual)) \(Format.score($0.score)) [\(Format.score($0.ci95.low)), \(Format.score($0.ci95.high))]"
            }
            html += "<tr><td>\(e(b.name.bilingual))</td><td>\(top.joined(separator: "<br>"))"
            if top.count > 1 { html += "<br><span class=note>数据无法区分以上队伍 The data cannot separate these teams.</span>" }
            html += "</td></tr>"
        }
        html += "</table>"
        if let rule = data.awards {
            html += "<h2>奖项 Awards</h2><p>\(e(rule.description.zh))<br><span class=note>\(e(rule.description.en))</span></p>"
            html += "<table><tr><th>奖项 Award</th><th>队伍 Teams</th></tr>"
            for award in AwardTiers.assign(board.overall, rule: rule) {
                let names = award.teams.map { e(data.teamNames[$0]?.bilingual ?? $0) }
                html += "<tr><td>\(e(award.tier.bilingual))</td><td>\(names.isEmpty ? "—" : names.joined(separator: "<br>"))</td></tr>"
            }
            html += "</table>"
        }
        return html + "</section>\n"
    }

    /// What the three order columns mean, and how ties are ordered.
    static let orderExplanation = """
        <p class=note><b>名次 Pos</b>：按得分排序，得分相同按队伍编号字母序排列（不代表更好）。<b>等级 Rank</b>：1 + 在 95% 水平上显著优于该队的队伍数\
        （成对自助法）。<b>组 Group</b>：等级相同的相邻队伍组成一组，同组队伍数据上无法区分；柱状图颜色即组别。\
        <br><b>Pos</b>: order by score; equal scores are ordered by team id, which says nothing about quality. <b>Rank</b>: 1 + the \
        number of teams significantly better at 95% (paired bootstrap). <b>Group</b>: adjacent teams sharing a rank; the data \
        cannot separate teams in one group; bar colours show the group.</p>
        """

    /// Overall-board warnings for teams that did not enter every track: their overall score counts those as 0.
    static func notEnteredWarning(_ b: Board) -> String {
        let rows = b.entries.filter { !$0.notEnteredTracks.isEmpty }
        guard !rows.isEmpty else { return "" }
        var html = "<div class=warnbox><b>未报名赛道计 0 分 Tracks not entered count 0.</b> 以下队伍的总分区间只反映已报名赛道的不确定性，"
        html += "并非对其总体能力的估计。The overall interval of these teams reflects only the tracks they entered; it is not an estimate of "
        html += "their ability on the others.<ul>"
        for x in rows {
            html += "<li>\(e(x.name.bilingual)): \(e(x.notEnteredTracks.joined(separator: ", ")))</li>"
        }
        return html + "</ul></div>"
    }

    /// One table per pilot unit: teams × its question sets, each cell a score with its interval.
    static func pilotUnits(_ data: ReportData) -> String {
        let board = data.leaderboard
        var units: [(unit: String, sets: [SetBoard])] = []
        for s in board.sets {
            let unit = s.pilotUnit?.bilingual ?? "—"
            if let i = units.firstIndex(where: { $0.unit == unit }) { units[i].sets.append(s) } else { units.append((unit, [s])) }
        }
        guard !units.isEmpty else { return "<p class=note>无 None.</p>" }
        var html = "<p class=note>每个试点单位提供的题集上各队的得分（题目平均分 × 100）与 95% 区间；* 表示有回答待评审。"
        html += "Each pilot unit's question sets: every team's score (mean item score × 100) with its 95% interval; * marks answers awaiting a judge.</p>"
        for (unit, sets) in units {
            html += "<h3>试点单位 Pilot unit: \(e(unit))</h3><table class=pilot><tr><th>队伍 Team</th>"
            html += sets.map { "<th>\(e($0.track))/\(e($0.set))<br><span class=note>\($0.items) 题 items</span></th>" }.joined() + "</tr>"
            let teams = Array(Set(sets.flatMap { $0.entries.map(\.team) })).sorted()
            for team in teams {
                html += "<tr><td class=team>\(e(data.teamNames[team]?.bilingual ?? team))</td>"
                for s in sets {
                    if let x = s.entries.first(where: { $0.team == team }) {
                        html += "<td class=num style=\"background:\(ReportSVG.heat(x.score))\">\(Format.score(x.score))\(x.pending > 0 ? "*" : "")"
                        html += "<br><span class=note>[\(Format.score(x.ci95.low)), \(Format.score(x.ci95.high))]</span></td>"
                    } else {
                        html += "<td class=num style=\"background:#eee\">未报名 —</td>"
                    }
                }
                html += "</tr>"
            }
            html += "</table>"
        }
        return html
    }

    /// The footer: the manifest's hash, the result and appeals chain heads, and the report's own hash, so a
    /// printed copy can be checked against the run folder (`saima round verify` prints the same figures).
    static func footer(_ data: ReportData, bodyHash: String) -> String {
        let chain = data.manifest?["chain_head"]?.stringValue ?? "—"
        let appeals = data.manifest?["appeals_head"]?.stringValue
        var html = "<footer><p>Saima \(e(SaimaVersion.current)) · 本报告为自包含文件 This report is self-contained.</p>"
        html += "<p class=hashes>清单哈希 Manifest SHA-256: <code>\(e(data.manifestHash ?? "—"))</code><br>"
        html += "结果链头 Result chain head: <code>\(e(chain))</code>"
        if let appeals { html += "<br>复核链头 Appeals chain head: <code>\(e(appeals))</code>" }
        if let key = data.signingFingerprint {
            html += "<br>签名公钥指纹 Signing key fingerprint (Ed25519): <code>\(e(key))</code>"
            html += " — 以 <code>saima round verify --public-key</code> 校验 verify with <code>saima round verify --public-key</code>"
        }
        html += "<br>报告哈希 Report SHA-256 (this file up to this footer): <code>\(bodyHash)</code></p></footer>"
        return html
    }
}
