import Foundation
import SaimaLeaderboard
import SaimaBase
import SaimaModel

/// `report.html`: one self-contained ranking report (inline CSS and SVG, no network, no scripts),
/// in Chinese with English alongside. Every string that comes from a model answer, a submission
/// or a track file is escaped with `HTMLText.escape`.
package enum ReportHTML {
    package static func render(_ data: ReportData) -> String {
        let board = data.leaderboard
        var html = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(board.round)) — 排行榜报告 Ranking report</title>
            <style>\(css)</style></head><body>
            \(provisionalNotice(board))
            \(cover(data))
            <nav>\(navigation(board))</nav>
            """
        if data.version > 1 {
            html += "<p class=note>版本 Version \(data.version)；此前版本保存在 history/ · earlier versions are kept in history/.</p>"
        }
        html += section(id: "overall", title: "总榜 Overall", body: orderExplanation + notEnteredWarning(board.overall)
            + boardTable(board.overall) + ReportSVG.barChart(board.overall) + notEntered(board.overall)
            + adjacentTable(board.overall))
        html += section(id: "pilot-units", title: "试点单位题集 Pilot units' question sets", body: pilotUnits(data))
        for track in board.tracks {
            html += section(id: "track-\(e(track.id))", title: "赛道 Track: \(e(track.name.bilingual))",
                            body: boardTable(track) + ReportSVG.barChart(track) + adjacentTable(track))
        }
        if board.tracks.contains(where: { $0.entries.contains { !$0.sourceScores.isEmpty } }) || data.agreement != nil
            || !board.arena.isEmpty
        {
            html += section(id: "judging", title: "评分来源与评审 Score sources and judging", body: judging(data))
        }
        let audit = extractionAudit(data)
        if !audit.isEmpty { html += section(id: "extraction", title: "答案抽取审计 Extraction audit", body: audit) }
        let freeze = freezeProbes(data)
        if !freeze.isEmpty { html += section(id: "probes", title: "模型冻结与身份探针 Model-freeze probes", body: freeze) }
        let variantTable = variants(data)
        if !variantTable.isEmpty { html += section(id: "variants", title: "题目变体 Item variants", body: variantTable) }
        let robust = robustness(data)
        if !robust.isEmpty { html += section(id: "robustness", title: "选项顺序稳健性 Robustness across choice orders", body: robust) }
        let probe = memorizationProbe(data)
        if !probe.isEmpty { html += section(id: "memorization", title: "记忆与泄露探测 Memorization probe", body: probe) }
        html += section(id: "heatmap", title: "队伍 × 赛道热力图 Team × track heat map", body: heatMap(board))
        html += section(id: "failures", title: "失败分布 Failure breakdown", body: failureTable(board) + failureExamples(data))
        html += section(id: "difficulty", title: "题集难度 Question-set difficulty", body: difficultyTable(data))
        html += section(id: "separating", title: "最具区分度的题目 Items that best separate teams", body: separatingTable(data))
        html += section(id: "methodology", title: "评分方法 Methodology", body: methodology(board))
        html += section(id: "manifest", title: "运行清单 Manifest", body: manifestSection(data.manifest))
        html += footer(data, bodyHash: SHA256Digest.hex(html)) + "</body></html>\n"
        return html
    }

    static func e(_ s: String) -> String { HTMLText.escape(s) }

    static let css = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;\
        margin:0 auto;max-width:1100px;padding:24px;color:#222;line-height:1.5}
        .cover-page{border-bottom:3px solid #2f6db5;margin-bottom:16px}.cover-page h1{margin:0;font-size:30px}
        .sub{color:#2f6db5;font-size:18px;margin:4px 0}nav a{margin-right:12px}
        table{border-collapse:collapse;margin:12px 0;font-size:14px}th,td{border:1px solid #ccc;padding:4px 8px}
        th{background:#f0f4fa}td.num{text-align:right;font-variant-numeric:tabular-nums}
        section{margin:28px 0}h2{border-left:5px solid #2f6db5;padding-left:8px}
        .note{color:#555;font-size:13px}code{background:#f4f4f4;padding:0 3px;word-break:break-all}
        footer{margin-top:40px;color:#777;font-size:12px}td.flag{color:#b00020;font-weight:bold}
        td.team{min-width:9em;word-break:keep-all}.warn{color:#b00020}.warnbox{border:1px solid #d9a;background:#fff4f6;\
        padding:6px 10px;font-size:13px}.provisional{background:#fff3cd;border:1px solid #e0b000;padding:6px 10px;\
        font-weight:bold}.facts th{text-align:left}.hashes code{font-size:11px}table.pilot td{font-size:13px}
        @page{size:A4;margin:14mm 12mm 16mm 12mm;@bottom-center{content:counter(page) " / " counter(pages);font-size:9pt;color:#666}}
        @media print{body{max-width:none;padding:0;font-size:11pt}table{font-size:9pt}th{white-space:nowrap}nav{display:none}thead{display:table-header-group}\
        tr,img,svg{page-break-inside:avoid}section{page-break-inside:auto}.cover-page{page-break-after:always}\
        a{color:inherit;text-decoration:none}}
        """

    static func section(id: String, title: String, body: String) -> String {
        "<section id=\"\(id)\"><h2>\(title)</h2>\(body)</section>\n"
    }

    static func navigation(_ board: Leaderboard) -> String {
        (["<a href=\"#overall\">总榜 Overall</a>"] + board.tracks.map {
            "<a href=\"#track-\(e($0.id))\">\(e($0.name.zh))</a>"
        } + ["<a href=\"#methodology\">方法 Methodology</a>", "<a href=\"#manifest\">清单 Manifest</a>"])
            .joined(separator: " ")
    }

    static func boardTable(_ b: Board) -> String {
        var rows = "<table><thead><tr><th>名次<br>Pos</th><th>等级<br>Rank</th><th>组<br>Group</th><th>队伍 Team</th>"
        rows += "<th>得分<br>Score</th><th>95% CI</th><th>题数<br>Items</th><th>成功<br>OK</th><th>失败<br>Failed</th>"
        rows += "<th>无法抽取<br>Unextr.</th><th>平均/P95 延迟 ms<br>Latency</th><th>Tokens</th></tr></thead>"
        for x in b.entries {
            let latency = [x.meanLatencyMs, x.p95LatencyMs].map { $0.map(Format.milliseconds) ?? "-" }.joined(separator: " / ")
            rows += "<tr><td class=num>\(x.position)</td><td class=num>\(x.rank)</td><td class=num>\(x.rankGroup)</td>"
            rows += "<td class=team>\(e(x.name.primary))<br><span class=note>\(e(x.name.en)) · \(e(x.team))</span></td>"
            let skipped = x.notEnteredTracks.isEmpty ? "" : "<br><span class=warn>⚠ 未报名 \(x.notEnteredTracks.count) 赛道 not entered</span>"
            rows += "<td class=num><b>\(Format.score(x.score))</b>\(skipped)</td>"
            rows += "<td class=num>[\(Format.score(x.ci95.low)), \(Format.score(x.ci95.high))]</td>"
            rows += "<td class=num>\(x.items)</td><td class=num>\(x.answered)</td><td class=num>\(x.failed)</td>"
            rows += "<td class=num>\(x.unextractable)</td><td class=num>\(latency)</td><td class=num>\(x.tokens)</td></tr>"
        }
        return rows + "</table>"
    }

    static func notEntered(_ b: Board) -> String {
        let lines = b.entries.filter { !$0.notEnteredTracks.isEmpty }.map {
            "<li>\(e($0.name.bilingual)): 未报名 not entered — \(e($0.notEnteredTracks.joined(separator: ", "))) (计 0 分 counted as 0)</li>"
        }
        return lines.isEmpty ? "" : "<ul class=note>\(lines.joined())</ul>"
    }

    static func adjacentTable(_ b: Board) -> String {
        guard !b.adjacent.isEmpty else { return "" }
        var rows = "<p class=note>相邻名次得分差的 95% 区间（区间含 0 表示无法区分）/ 95% interval of the score difference "
        rows += "between adjacent positions (an interval containing 0 means the two cannot be separated).</p>"
        rows += "<table><tr><th>高 Higher</th><th>低 Lower</th><th>差值 Difference</th><th>95% CI</th></tr>"
        for d in b.adjacent {
            rows += "<tr><td>\(e(d.higher))</td><td>\(e(d.lower))</td><td class=num>\(Format.score(d.difference))</td>"
            rows += "<td class=num>[\(Format.score(d.ci95.low)), \(Format.score(d.ci95.high))]</td></tr>"
        }
        return rows + "</table>"
    }

    static func heatMap(_ board: Leaderboard) -> String {
        var rows = "<table><tr><th>队伍 Team</th>"
        rows += board.tracks.map { "<th>\(e($0.name.zh))<br>\(e($0.name.en))</th>" }.joined() + "<th>总分 Overall</th></tr>"
        for o in board.overall.entries {
            rows += "<tr><td>\(e(o.name.bilingual))</td>"
            for track in board.tracks {
                if let x = track.entries.first(where: { $0.team == o.team }) {
                    rows += "<td class=num style=\"background:\(ReportSVG.heat(x.score))\">\(Format.score(x.score))</td>"
                } else {
                    rows += "<td class=num style=\"background:#eee\">未报名 —</td>"
                }
            }
            rows += "<td class=num style=\"background:\(ReportSVG.heat(o.score))\"><b>\(Format.score(o.score))</b></td></tr>"
        }
        return rows + "</table>"
    }

    static func failureTable(_ board: Leaderboard) -> String {
        let classes = Outcome.allCases.filter { $0 != .ok }
        var rows = "<table><tr><th>队伍 Team</th>" + classes.map { "<th>\(e($0.label))</th>" }.joined()
        rows += "<th>无法抽取 Unextractable</th></tr>"
        for o in board.overall.entries {
            rows += "<tr><td>\(e(o.name.bilingual))</td>"
            rows += classes.map { "<td class=num>\(o.failedByClass[$0] ?? 0)</td>" }.joined()
            rows += "<td class=num>\(o.unextractable)</td></tr>"
        }
        return rows + "</table><p class=note>失败请求计 0 分；无法抽取表示回答中找不到可判定的答案。Failed requests score 0; unextractable means no answer could be read from the reply.</p>"
    }

    static func failureExamples(_ data: ReportData) -> String {
        guard !data.failureExamples.isEmpty else { return "" }
        var rows = "<h3>各类失败的首个示例 First example of each failure</h3><table><tr><th>队伍 Team</th><th>类别 Class</th>"
        rows += "<th>题目 Item</th><th>HTTP</th><th>响应摘录 Response excerpt</th></tr>"
        for x in data.failureExamples {
            rows += "<tr><td>\(e(x.team))</td><td>\(e(x.outcome.label))</td><td><code>\(e(x.item))</code></td>"
            rows += "<td class=num>\(x.httpStatus)</td><td><code>\(e(String(x.excerpt.prefix(300))))</code></td></tr>"
        }
        return rows + "</table>"
    }

    static func judging(_ data: ReportData) -> String {
        let board = data.leaderboard
        var html = "<p class=note>各来源的赛道得分只计入该来源有分数的题目；综合分按题集的 scoring 设置计算。"
        html += "Per-source track scores use only the items that source scored; the combined score follows each set's `scoring`.</p>"
        html += "<table><tr><th>赛道 Track</th><th>队伍 Team</th><th>自动 Auto</th><th>LLM 评审 LLM judge</th>"
        html += "<th>人工 Human</th><th>综合 Combined</th></tr>"
        for track in board.tracks {
            for x in track.entries {
                let cells = ScoreSource.allCases.map { x.sourceScores[$0.rawValue].map(Format.score) ?? "—" }
                html += "<tr><td>\(e(track.name.zh))</td><td>\(e(x.name.bilingual))</td>"
                html += cells.map { "<td class=num>\($0)</td>" }.joined() + "<td class=num><b>\(Format.score(x.score))</b></td></tr>"
            }
        }
        html += "</table>"
        if !board.arena.isEmpty {
            html += "<h3>对战评分 Arena ratings (Bradley–Terry)</h3><p class=note>双向评审、不一致记为平局；400·log10 赔率刻度，锚定队伍为 1000。"
            html += "Judged in both orders (disagreement = tie); 400·log10 odds scale, anchor at 1000.</p>"
            html += "<table><tr><th>队伍 Team</th><th>评分 Rating</th><th>95% CI</th><th>对战数 Battles</th></tr>"
            for a in board.arena {
                let decisive = board.arenaBias?.decisiveBattles(of: a.team)
                let degenerate = a.ci95.high - a.ci95.low < 1e-9
                    || (decisive.map { $0 < ArenaBias.minimumDecisive } ?? false)
                html += "<tr><td>\(e(a.team))</td><td class=num>\(degenerate ? "—" : String(format: "%.1f", a.rating))</td>"
                html += degenerate
                    ? "<td>信息不足 not enough information（需至少 \(ArenaBias.minimumDecisive) 场分出胜负的对战 needs ≥ \(ArenaBias.minimumDecisive) decisive battles; 现有 has \(decisive.map(String.init) ?? "?")）</td>"
                    : "<td class=num>[\(String(format: "%.1f", a.ci95.low)), \(String(format: "%.1f", a.ci95.high))]</td>"
                html += "<td class=num>\(a.battles)</td></tr>"
            }
            html += "</table>"
            if let bias = board.arenaBias, bias.battles > 0 {
                let share = Double(bias.ordersDisagree) / Double(bias.battles) * 100
                html += "<p class=note>评审模型 \(e(bias.judge)) 在 \(bias.ordersDisagree)/\(bias.battles) 场对战（\(Format.score(share))%）中两种顺序给出不同结论（位置偏差），记为平局。"
                html += "The judge \(e(bias.judge)) named different winners in the two orders in \(bias.ordersDisagree) of \(bias.battles) battles "
                html += "(\(Format.score(share))%, position bias); those count as ties.</p>"
                html += "<table><tr><th>对 Pair</th><th>对战 Battles</th><th>平局 Ties</th><th>顺序不一致 Orders disagree</th></tr>"
                for p in bias.pairs {
                    html += "<tr><td>\(e(p.a)) – \(e(p.b))</td><td class=num>\(p.battles)</td><td class=num>\(p.ties)</td>"
                    html += "<td class=num>\(p.ordersDisagree)</td></tr>"
                }
                html += "</table>"
            }
        }
        if let g = data.agreement {
            func f(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "—" }
            html += "<h3>评审一致性 Judge agreement</h3><table>"
            html += "<tr><th>人工评委 Human judges</th><td class=num>\(g.humanJudges)</td></tr>"
            html += "<tr><th>人工评分的回答 Answers graded by humans</th><td class=num>\(g.humanAnswers)</td></tr>"
            html += "<tr><th>Krippendorff's α (interval)</th><td class=num>\(f(g.humanAlpha))</td></tr>"
            html += "<tr><th>平均两两 Spearman 相关 Mean pairwise Spearman</th><td class=num>\(f(g.humanMeanSpearman))</td></tr>"
            html += "<tr><th>分歧较大的回答 Answers with large disagreement</th><td class=num>\(g.disagreements)</td></tr>"
            html += "<tr><th>LLM 与人工共同评分 Graded by LLM and humans</th><td class=num>\(g.llmHumanAnswers)</td></tr>"
            html += "<tr><th>LLM–人工 Spearman</th><td class=num>\(f(g.llmHumanSpearman))</td></tr>"
            html += "<tr><th>含 LLM 的 α α with the LLM as a rater</th><td class=num>\(f(g.llmHumanAlpha))</td></tr></table>"
        }
        return html
    }

    static func difficultyTable(_ data: ReportData) -> String {
        var rows = "<table><tr><th>赛道 Track</th><th>题集 Set</th><th>题数 Items</th><th>平均得分 Mean score</th></tr>"
        for d in data.difficulty.sorted(by: { $0.meanScore < $1.meanScore }) {
            rows += "<tr><td>\(e(d.track))</td><td>\(e(d.set))</td><td class=num>\(d.items)</td>"
            rows += "<td class=num style=\"background:\(ReportSVG.heat(d.meanScore))\">\(Format.score(d.meanScore))</td></tr>"
        }
        return rows + "</table><p class=note>各队在该题集上的平均得分，越低越难。Mean over the teams that entered; lower is harder.</p>"
    }

    static func separatingTable(_ data: ReportData) -> String {
        guard !data.separating.isEmpty else { return "<p class=note>无 None.</p>" }
        var rows = "<table><tr><th>赛道 Track</th><th>题集 Set</th><th>题目 Item</th><th>标准差 Spread</th>"
        rows += "<th>最好 Best</th><th>最差 Worst</th></tr>"
        for s in data.separating {
            rows += "<tr><td>\(e(s.track))</td><td>\(e(s.set))</td><td><code>\(e(s.item))</code></td>"
            rows += "<td class=num>\(String(format: "%.3f", s.spread))</td><td>\(e(s.best))</td><td>\(e(s.worst))</td></tr>"
        }
        return rows + "</table><p class=note>每道题的题目、参考答案与各队回答见组织方附录 appendix.html（含隐藏题目，不公开）。"
            + "Questions, references and every team's reply are in the organizer appendix, appendix.html (it holds hidden items; not for publication).</p>"
    }

    static func methodology(_ board: Leaderboard) -> String {
        var html = "<ol>"
        for (zh, en) in Methodology.lines { html += "<li>\(e(zh))<br><span class=note>\(e(en))</span></li>" }
        html += "</ol><p class=note>重抽样次数 Resamples: \(board.resamples); 随机种子 Seed: \(board.seed).</p>"
        return html
    }

    static func manifestSection(_ manifest: JSONValue?) -> String {
        guard let manifest else { return "<p class=note>无清单 No manifest.</p>" }
        var html = "<table>"
        for key in ["round", "split", "samples", "seed", "saima_version", "prompt_template_version", "libcurl", "created_at", "chain_head"] {
            if let v = manifest[key] { html += "<tr><th>\(e(key))</th><td><code>\(e(v.stringValue ?? v.canonicalJSON))</code></td></tr>" }
        }
        html += "</table><h3>题集内容哈希 Question-set content hashes</h3><table><tr><th>赛道 Track</th><th>题集 Set</th>"
        html += "<th>划分 Split</th><th>题数 Items</th><th>SHA-256</th></tr>"
        for s in manifest["question_sets"]?.arrayValue ?? [] {
            html += "<tr><td>\(e(s["track"]?.stringValue ?? ""))</td><td>\(e(s["set"]?.stringValue ?? ""))</td>"
            html += "<td>\(e(s["split"]?.stringValue ?? ""))</td><td class=num>\(Int(s["items"]?.numberValue ?? 0))</td>"
            html += "<td><code>\(e(s["content_hash"]?.stringValue ?? ""))</code></td></tr>"
        }
        html += "</table><h3>参赛队伍 Teams</h3><table><tr><th>队伍 Team</th><th>赛道 Tracks</th></tr>"
        for t in manifest["teams"]?.arrayValue ?? [] {
            let tracks = (t["tracks"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: ", ")
            html += "<tr><td>\(e(t["team"]?.stringValue ?? ""))</td><td>\(e(tracks))</td></tr>"
        }
        return html + "</table><p class=note>端点地址与请求设置只在组织方的 manifest.json 中。Endpoints and request settings are in the organizer's manifest.json only.</p>"
    }
}
