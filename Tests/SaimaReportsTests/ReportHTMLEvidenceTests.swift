import Foundation
import SaimaLeaderboard
import SaimaReports
import Testing

/// `report.html`'s evidence sections, each present only with its data: the extraction audit and appeals, the
/// model-freeze probes, item variants, robustness across choice orders, the memorization and paraphrase probes,
/// and judging (per-source scores, arena, judge agreement). Figures and flags are checked as printed.
@Suite("Report HTML: evidence sections")
struct ReportHTMLEvidenceTests {
    static func render(_ change: (inout Leaderboard, inout ReportData) -> Void) -> String {
        var board = ReportFixture.board()
        var data = ReportData(leaderboard: board, input: ReportFixture.input(), manifest: nil)
        change(&board, &data)
        data.leaderboard = board
        return ReportHTML.render(data)
    }

    /// Without audit data, probes, variants or judging, none of those sections is rendered.
    @Test func sectionsAbsentWithoutData() {
        let html = Self.render { _, _ in }
        for id in ["judging", "extraction", "probes", "variants", "robustness", "memorization"] {
            #expect(!html.contains("<section id=\"\(id)\">"), "\(id)")
        }
    }

    /// Shares of strong, inferred and weak readings and of unextractable answers, the rules by count; a team read
    /// mostly by weak rules is flagged. Appeals list the answer, reading before and after (— and 无答案 for none),
    /// and the judge, escaped.
    @Test func extractionAuditAndAppeals() {
        let html = Self.render { board, data in
            let a = ReportFixture.index("alpha", on: board.overall)
            board.overall.entries[a].extraction.byRule = ["answer_line": 6, "choice_text": 2]
            board.overall.entries[a].extraction.byStrength = ["strong": 6, "weak": 2]
            board.overall.entries[a].extraction.unextractable = 2
            board.overall.entries[1 - a].extraction.byRule = ["choice_text": 3, "stray_letter": 3, "bare": 1]
            board.overall.entries[1 - a].extraction.byStrength = ["weak": 6, "strong": 1]
            data.appeals = [ReportData.AppealLine(
                team: "beta", answer: "law/s/i2#0", previous: "", reading: "", judge: "王<评委>", reason: "见回答")]
        }
        #expect(html.contains("<tr><td>阿尔法 (Alpha)</td><td class=num>10</td><td class=num>60.00%</td><td class=num>0.00%</td>"
            + "<td class=num>20.00%</td><td class=num>20.00%</td><td><code>answer_line 6, choice_text 2</code></td><td></td></tr>"))
        #expect(html.contains("<tr><td>贝塔 (Beta)</td><td class=num>7</td><td class=num>14.29%</td><td class=num>0.00%</td>"
            + "<td class=num>85.71%</td><td class=num>0.00%</td><td><code>choice_text 3, stray_letter 3, bare 1</code></td>"
            + "<td class=flag>⚠ 多数答案靠猜测读取 Mostly read by weak rules</td></tr>"))
        #expect(html.contains("<h3 id=appeals>评委复核 1 个答案 1 answers re-read by judges</h3>"))
        #expect(html.contains("<tr><td>beta</td><td><code>law/s/i2#0</code></td><td>—</td><td>无答案 none</td>"
            + "<td>王&lt;评委&gt;</td><td>见回答</td></tr>"))
    }

    /// A probed team's row: repeatability at the start and agreement at the end in percent, length and latency
    /// ratios, slow answers with the slowest in seconds, and every reason for its flag; an unprobed team shows dashes.
    @Test func freezeProbeRows() {
        var flagged = FreezeProbe()
        flagged.probes = 6
        flagged.baselineAgreeing = 6
        flagged.endAgreeing = 1
        flagged.lengthRatio = 2.5
        flagged.slowReplies = 1
        flagged.slowestMs = 75_000
        let html = Self.render { _, data in
            data.probes = [(team: "alpha", name: "阿尔法 Alpha", probe: flagged), (team: "beta", name: "<b>贝塔</b>", probe: FreezeProbe())]
        }
        #expect(html.contains("<tr><td>阿尔法 Alpha</td><td class=num>6</td><td class=num>100.00%</td><td class=num>16.67%</td>"
            + "<td class=num>×2.50</td><td class=num>—</td><td class=num>1 (max 75.00 s)</td><td class=flag>⚠ "
            + "1 answer(s) took a minute or more: people in the loop? 存在一分钟以上的回答<br>"
            + "probe replies changed: 100% repeat at the start, 17% at the end 探针回答前后不一致<br>"
            + "reply length ×2.5 from the first wave to the last 回答长度变化</td></tr>"))
        #expect(html.contains("<tr><td>&lt;b&gt;贝塔&lt;/b&gt;</td><td class=num>0</td><td class=num>—</td><td class=num>—</td>"
            + "<td class=num>—</td><td class=num>—</td><td class=num>0</td><td></td></tr>"))
    }

    /// Items with variants, widest spread first: each variant's answers and mean score, the spread on the item's first
    /// row, flagged ⚠ from 50 points.
    @Test func variantsWidestSpreadFirst() throws {
        let html = Self.render { _, data in
            data.variants = [
                ReportData.VariantLine(item: "law/s/i1", variant: 0, answers: 2, meanScore: 0.5),
                ReportData.VariantLine(item: "law/s/i1", variant: 2, answers: 2, meanScore: 0.4),
                ReportData.VariantLine(item: "law/s/i0", variant: 1, answers: 3, meanScore: 0.2),
                ReportData.VariantLine(item: "law/s/i0", variant: 0, answers: 4, meanScore: 0.9),
            ]
        }
        let i0 = "<tr><td><code>law/s/i0</code></td><td>原题 as written</td><td class=num>4</td><td class=num>90.00</td>"
            + #"<td class="num flag">70.00 ⚠</td></tr><tr><td></td><td>变体 1</td><td class=num>3</td><td class=num>20.00</td>"#
            + "<td></td></tr>"
        let i1 = "<tr><td><code>law/s/i1</code></td><td>原题 as written</td><td class=num>2</td><td class=num>50.00</td>"
            + #"<td class="num">10.00</td></tr>"#
        let first = try #require(html.range(of: i0))
        let second = try #require(html.range(of: i1))
        #expect(first.upperBound <= second.lowerBound, "the wider spread comes first")
    }

    /// Robustness per team overall and per track with a 95% Wilson interval (18 of 20 → 90.00% [69.90, 97.21]);
    /// the memorization probe's accuracies, gap with its Newcombe interval and flag; the paraphrase probe with an empty
    /// group shows dashes.
    @Test func robustnessAndProbes() {
        let html = Self.render { board, _ in
            let a = ReportFixture.index("alpha", on: board.overall)
            board.overall.entries[a].robustness.items = 20
            board.overall.entries[a].robustness.agreeing = 18
            let robustness = board.overall.entries[a].robustness
            let law = ReportFixture.index("alpha", on: board.tracks[0])
            board.tracks[0].entries[law].robustness = robustness
            board.overall.entries[a].memorization.kept = 10
            board.overall.entries[a].memorization.keptScore = 9
            board.overall.entries[a].memorization.moved = 10
            board.overall.entries[a].memorization.movedScore = 3
            board.overall.entries[1 - a].paraphrase.kept = 3
            board.overall.entries[1 - a].paraphrase.keptScore = 3
        }
        #expect(html.contains("<tr><th>队伍 Team</th><th>总体 Overall</th><th>法律 (Law)</th></tr><tr><td>阿尔法 (Alpha)</td>"
            + "<td class=num>90.00% [69.90, 97.21] (n=20)</td><td class=num>90.00% [69.90, 97.21] (n=20)</td></tr></table>"))
        #expect(html.contains("<tr><td>阿尔法 (Alpha)</td><td class=num>90.00% (n=10)</td><td class=num>30.00% (n=10)</td>"
            + "<td class=num>60.00 [17.05, 80.90]</td><td class=flag>⚠ 可能按原字母作答（泄露或背题）"
            + "Answers may follow the original letters (leak or memorization)</td></tr>"))
        #expect(html.contains("<h3 id=paraphrase>原题与改写 As written vs paraphrased</h3>"))
        #expect(html.contains("<tr><td>贝塔 (Beta)</td><td class=num>100.00% (n=3)</td><td class=num>— (n=0)</td>"
            + "<td class=num>—</td><td></td></tr>"))
    }

    /// Judging: per-source track scores (— where a source has none), an arena rating with its interval to one
    /// decimal, and judge agreement to three decimals (— when unknown).
    @Test func judgingSourcesArenaAndAgreement() {
        let html = Self.render { board, data in
            let law = ReportFixture.index("alpha", on: board.tracks[0])
            board.tracks[0].entries[law].sourceScores = ["auto": 80, "human": 72.5]
            board.arena = [ArenaEntry(team: "alpha", rating: 1032.46, ci95: (1001.04, 1060.96), battles: 30)]
            data.agreement = ReportData.JudgeAgreement(
                humanJudges: 3, humanAnswers: 40, humanAlpha: 0.8123, humanMeanSpearman: nil, disagreements: 2,
                llmHumanAnswers: 12, llmHumanSpearman: 2.0 / 3, llmHumanAlpha: 0.7)
        }
        #expect(html.contains(#"<section id="judging">"#))
        #expect(html.contains("<tr><td>法律</td><td>阿尔法 (Alpha)</td><td class=num>80.00</td><td class=num>—</td>"
            + "<td class=num>72.50</td><td class=num><b>100.00</b></td></tr>"))
        #expect(html.contains("<tr><td>法律</td><td>贝塔 (Beta)</td><td class=num>—</td><td class=num>—</td><td class=num>—</td>"
            + "<td class=num><b>50.00</b></td></tr>"))
        #expect(html.contains("<tr><td>alpha</td><td class=num>1032.5</td><td class=num>[1001.0, 1061.0]</td><td class=num>30</td></tr>"))
        #expect(html.contains("<tr><th>人工评委 Human judges</th><td class=num>3</td></tr>"))
        #expect(html.contains("<tr><th>Krippendorff's α (interval)</th><td class=num>0.812</td></tr>"))
        #expect(html.contains("<tr><th>平均两两 Spearman 相关 Mean pairwise Spearman</th><td class=num>—</td></tr>"))
        #expect(html.contains("<tr><th>LLM–人工 Spearman</th><td class=num>0.667</td></tr>"))
    }
}
