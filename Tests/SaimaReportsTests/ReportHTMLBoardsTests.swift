import Foundation
import SaimaLeaderboard
import SaimaBase
import SaimaModel
import SaimaReports
import Testing

/// `report.html`'s boards and facts on a known board: the cover (status, tracks, top group, awards), the board rows,
/// not-entered warnings, adjacent differences, the heat map, failures, pilot units, the manifest and the footer that
/// ties a printed copy to the run.
@Suite("Report HTML: boards, cover and footer")
struct ReportHTMLBoardsTests {
    static func render(manifest: JSONValue? = nil, _ change: (inout Leaderboard, inout ReportData) -> Void = { _, _ in })
        -> String {
        var board = ReportFixture.board()
        var data = ReportData(leaderboard: board, input: ReportFixture.input(), manifest: manifest)
        change(&board, &data)
        data.leaderboard = board
        return ReportHTML.render(data)
    }

    /// The cover states the final status, version, seed and tracks and, per board, the teams of rank group 1 with
    /// score and interval; teams sharing group 1 are listed together with a note that the data cannot separate them.
    @Test func coverFactsAndTopGroups() {
        let html = Self.render()
        #expect(html.contains("<tr><th>状态 Status</th><td>最终 Final</td></tr><tr><th>运行开始 Run started</th><td>—</td></tr>"))
        #expect(html.contains("<tr><th>报告生成 Generated</th><td>1970-01-01T00:00:00Z · 版本 Version 1</td></tr>"))
        #expect(html.contains("<tr><th>赛道 Tracks</th><td>法律 (Law)；医疗 (Medicine)</td></tr>"))
        #expect(html.contains("<tr><th>随机种子 Seed</th><td>7 · 200 次重抽样 resamples</td></tr>"))
        #expect(html.contains("<tr><td>法律 (Law)</td><td>阿尔法 (Alpha) 100.00 [100.00, 100.00]</td></tr>"))
        #expect(!html.contains("history/"), "no version note for the first build")
        let tied = Self.render { board, _ in
            let b = ReportFixture.index("beta", on: board.tracks[0])
            board.tracks[0].entries[b].rankGroup = 1
        }
        #expect(tied.contains("<tr><td>法律 (Law)</td><td>阿尔法 (Alpha) 100.00 [100.00, 100.00]<br>贝塔 (Beta) 50.00 [12.50, 87.50]"
            + "<br><span class=note>数据无法区分以上队伍 The data cannot separate these teams.</span></td></tr>"))
        let third = Self.render { _, data in data.version = 3 }
        #expect(third.contains("<p class=note>版本 Version 3；此前版本保存在 history/ · earlier versions are kept in history/.</p>"))
    }

    /// Awards by count give whole rank groups in order with the teams' display names; a tier no team reaches shows —.
    @Test func coverAwards() {
        let names = [("一等奖", "First"), ("二等奖", "Second"), ("三等奖", "Third")]
        let html = Self.render { _, data in
            data.awards = AwardRule(basis: .count, tiers: names.map { AwardRule.Tier(name: LocalizedText(zh: $0.0, en: $0.1), count: 1) })
        }
        #expect(html.contains("<tr><th>奖项 Award</th><th>队伍 Teams</th></tr><tr><td>一等奖 (First)</td><td>阿尔法 (Alpha)</td></tr>"
            + "<tr><td>二等奖 (Second)</td><td>贝塔 (Beta)</td></tr><tr><td>三等奖 (Third)</td><td>—</td></tr></table>"))
    }

    /// A board row holds position, rank, group, both names and the id, the score with a not-entered mark, the
    /// interval, counts, mean / p95 latency and tokens; the overall board warns about and lists tracks not entered;
    /// adjacent differences print with their interval; navigation links every track.
    @Test func boardRowsWarningsAndAdjacentDifferences() {
        let html = Self.render()
        #expect(html.contains("<tr><td class=num>1</td><td class=num>1</td><td class=num>1</td><td class=team>阿尔法<br>"
            + "<span class=note>Alpha · alpha</span></td><td class=num><b>100.00</b></td><td class=num>[100.00, 100.00]</td>"
            + "<td class=num>4</td><td class=num>4</td><td class=num>0</td><td class=num>0</td><td class=num>250 / 385</td>"
            + "<td class=num>40</td></tr>"))
        #expect(html.contains("<tr><td class=num>2</td><td class=num>2</td><td class=num>2</td><td class=team>贝塔<br>"
            + "<span class=note>Beta · beta</span></td><td class=num><b>25.00</b><br><span class=warn>⚠ 未报名 1 赛道 not entered"
            + "</span></td><td class=num>[6.25, 43.75]</td><td class=num>4</td><td class=num>3</td><td class=num>1</td>"
            + "<td class=num>0</td><td class=num>100 / 100</td><td class=num>30</td></tr>"))
        #expect(html.contains("<li>贝塔 (Beta): med</li></ul></div>"))
        #expect(html.contains("<ul class=note><li>贝塔 (Beta): 未报名 not entered — med (计 0 分 counted as 0)</li></ul>"))
        #expect(html.contains("<tr><td>alpha</td><td>beta</td><td class=num>75.00</td><td class=num>[50.00, 93.75]</td></tr>"))
        #expect(html.contains(##"<nav><a href="#overall">总榜 Overall</a> <a href="#track-law">法律</a> "##
            + ##"<a href="#track-med">医疗</a> <a href="#methodology">方法 Methodology</a> <a href="#manifest">清单 Manifest</a></nav>"##))
        #expect(html.contains(#"<section id="track-law"><h2>赛道 Track: 法律 (Law)</h2>"#))
        #expect(html.contains("<p class=note>重抽样次数 Resamples: 200; 随机种子 Seed: 7.</p>"))
    }

    /// Heat-map cells shade from white (0) to green (100); a track not entered is grey; the failure table counts
    /// each failure class per team; a failure example's excerpt is cut at 300 characters.
    @Test func heatMapFailuresAndExamples() {
        let html = Self.render { _, data in
            data.failureExamples = [ReportData.FailureExample(
                team: "beta", outcome: .timeout, item: "law/s/i3", httpStatus: 0, excerpt: String(repeating: "x", count: 400))]
        }
        #expect(html.contains(#"<tr><td>阿尔法 (Alpha)</td><td class=num style="background:#2ea05a">100.00</td>"#
            + #"<td class=num style="background:#2ea05a">100.00</td><td class=num style="background:#2ea05a"><b>100.00</b></td></tr>"#))
        #expect(html.contains(#"<tr><td>贝塔 (Beta)</td><td class=num style="background:#96cfac">50.00</td>"#
            + #"<td class=num style="background:#eee">未报名 —</td><td class=num style="background:#cae7d5"><b>25.00</b></td></tr>"#))
        #expect(html.contains("<tr><td>贝塔 (Beta)</td><td class=num>1</td>" + String(repeating: "<td class=num>0</td>", count: 8) + "</tr>"))
        #expect(html.contains("<tr><td>beta</td><td>超时 timeout</td><td><code>law/s/i3</code></td><td class=num>0</td><td><code>"
            + String(repeating: "x", count: 300) + "</code></td></tr>"))
    }

    /// One table per pilot unit with a column per set: each team's set score on its heat colour with the interval,
    /// `*` while answers await a judge, and a grey cell for a set the team did not enter.
    @Test func pilotUnitTable() {
        let html = Self.render { board, _ in
            let b = board.sets[0].entries.firstIndex { $0.team == "beta" }!
            board.sets[0].entries[b].ci95 = (25, 75)
            board.sets[0].entries[b].pending = 1
        }
        #expect(html.contains("<h3>试点单位 Pilot unit: 测试银行 (Test Bank)</h3><table class=pilot><tr><th>队伍 Team</th>"
            + "<th>law/s<br><span class=note>4 题 items</span></th><th>med/m<br><span class=note>2 题 items</span></th></tr>"))
        #expect(html.contains(#"<tr><td class=team>贝塔 (Beta)</td><td class=num style="background:#96cfac">50.00*"#
            + #"<br><span class=note>[25.00, 75.00]</span></td><td class=num style="background:#eee">未报名 —</td></tr>"#))
        #expect(html.contains("Provisional: 1 answers await a judge"))
    }

    /// The manifest section shows the run's facts, set hashes and teams, escaped; the cover shows when the run
    /// started; the footer shows the manifest hash, chain heads and signing key, and the report's own SHA-256 is the
    /// hash of everything before the footer. Without a manifest the section says so.
    @Test func manifestAndFooterTieThePrintToTheRun() throws {
        let manifest = JSONValue.object([
            "round": .string("R1"), "samples": .number(1), "created_at": .string("2026-11-30T10:25:29Z"),
            "chain_head": .string("abc123"), "appeals_head": .string("def456"),
            "question_sets": .array([.object([
                "track": .string("law"), "set": .string("s"), "split": .string("dev"), "items": .number(4),
                "content_hash": .string("h<1>"),
            ])]),
            "teams": .array([.object(["team": .string("alpha"), "tracks": .array([.string("law"), .string("med")])])]),
        ])
        let html = Self.render(manifest: manifest) { _, data in
            data.manifestHash = "m-hash"
            data.signingFingerprint = "SHA256:ab12:cd34"
        }
        #expect(html.contains("<tr><th>运行开始 Run started</th><td>2026-11-30T10:25:29Z</td></tr>"))
        #expect(html.contains("<tr><th>round</th><td><code>R1</code></td></tr><tr><th>samples</th><td><code>1</code></td></tr>"))
        #expect(html.contains("<tr><td>law</td><td>s</td><td>dev</td><td class=num>4</td><td><code>h&lt;1&gt;</code></td></tr>"))
        #expect(html.contains("<tr><td>alpha</td><td>law, med</td></tr>"))
        #expect(html.contains("<footer><p>Saima \(SaimaVersion.current) · 本报告为自包含文件 This report is self-contained.</p>"
            + "<p class=hashes>清单哈希 Manifest SHA-256: <code>m-hash</code><br>结果链头 Result chain head: <code>abc123</code>"
            + "<br>复核链头 Appeals chain head: <code>def456</code><br>签名公钥指纹 Signing key fingerprint (Ed25519): "
            + "<code>SHA256:ab12:cd34</code>"))
        let body = try #require(html.components(separatedBy: "<footer>").first)
        #expect(html.hasSuffix("报告哈希 Report SHA-256 (this file up to this footer): <code>\(SHA256Digest.hex(body))</code>"
            + "</p></footer></body></html>\n"))
        let bare = Self.render()
        #expect(bare.contains("<p class=note>无清单 No manifest.</p>"))
        #expect(bare.contains("清单哈希 Manifest SHA-256: <code>—</code><br>结果链头 Result chain head: <code>—</code><br>报告哈希"))
    }
}
