import Foundation
import SaimaLeaderboard
import SaimaModel
import SaimaReports
import Testing

/// `leaderboard.md` and the terminal tables: the whole Markdown document of a known board, Markdown-significant
/// characters in team names escaped, and the terminal table's columns padded by display width.
@Suite("leaderboard.md and terminal tables")
struct LeaderboardMarkdownTests {
    static let header = "| 名次 Pos | 等级 Rank | 队伍 Team | 得分 Score | 95% CI | 题数 Items | 成功 OK | 失败 Failed | 无法抽取 Unextr. |"
    static let rule = "|---|---|---|---|---|---|---|---|---|"

    /// The document is exactly: the title and method line, one table per track then the overall board, the CI cell's
    /// brackets escaped, and a line for each team that did not enter a track.
    @Test func wholeDocumentOfAKnownBoard() {
        let lines: [String] = [
            "# 排行榜 Leaderboard — R1", "",
            "Seed 7, 200 bootstrap resamples. Teams that share a rank cannot be separated at 95% (paired bootstrap). 等级相同表示差异不显著。",
            "", "## 法律 (Law)", "", Self.header, Self.rule,
            #"| 1 | 1 | 阿尔法 (Alpha) | 100.00 | \[100.00, 100.00\] | 4 | 4 | 0 | 0 |"#,
            #"| 2 | 2 | 贝塔 (Beta) | 50.00 | \[12.50, 87.50\] | 4 | 3 | 1 | 0 |"#,
            "", "## 医疗 (Medicine)", "", Self.header, Self.rule,
            #"| 1 | 1 | 阿尔法 (Alpha) | 100.00 | \[100.00, 100.00\] | 2 | 2 | 0 | 0 |"#,
            "", "## 总榜 (Overall)", "", Self.header, Self.rule,
            #"| 1 | 1 | 阿尔法 (Alpha) | 100.00 | \[100.00, 100.00\] | 6 | 6 | 0 | 0 |"#,
            #"| 2 | 2 | 贝塔 (Beta) | 25.00 | \[6.25, 43.75\] | 4 | 3 | 1 | 0 |"#,
            "", "- 贝塔 (Beta): not entered 未参赛 — med (counted as 0)", "",
        ]
        #expect(LeaderboardMarkdown.render(ReportFixture.board()) == lines.joined(separator: "\n"))
    }

    /// Underscores, asterisks, backticks, brackets, backslashes and pipes in a name are backslash-escaped, `&` `<` `>`
    /// become entities and a line break becomes a space, in the table row and in the round's title alike.
    @Test func markdownSignificantCharactersAreEscaped() {
        var board = ReportFixture.board()
        board.round = "R_1 <b>"
        let b = ReportFixture.index("beta", on: board.overall)
        board.overall.entries[b].name = LocalizedText(zh: "a_b*c`d[e]\\f", en: "x|y\nz & w")
        let md = LeaderboardMarkdown.render(board)
        #expect(md.hasPrefix(#"# 排行榜 Leaderboard — R\_1 &lt;b&gt;"# + "\n"))
        #expect(md.contains(#"| 2 | 2 | a\_b\*c\`d\[e\]\\f (x\|y z &amp; w) | 25.00 |"#))
        #expect(md.contains(#"- a\_b\*c\`d\[e\]\\f (x\|y z &amp; w): not entered 未参赛 — med (counted as 0)"#))
    }

    /// The terminal view of a track: its bilingual name, then a table whose numbers are right-aligned, names and
    /// intervals left-aligned, columns two spaces apart and padded by display width (a Chinese character is two).
    @Test func terminalTableOfATrack() {
        let blocks = LeaderboardMarkdown.terminal(ReportFixture.board()).components(separatedBy: "\n\n")
        #expect(blocks.map { String($0.split(separator: "\n")[0]) } == ["法律 (Law)", "医疗 (Medicine)", "总榜 (Overall)"])
        let law = blocks[0].split(separator: "\n").dropFirst().map(String.init)
        #expect(law == [
            "名次 Pos  等级 Rank  队伍 Team       得分 Score  95% CI            题数 Items  成功 OK  失败 Failed  无法抽取 Unextr.",
            "--------  ---------  --------------  ----------  ----------------  ----------  -------  -----------  ----------------",
            "       1          1  阿尔法 (Alpha)      100.00  [100.00, 100.00]           4        4            0                 0",
            "       2          2  贝塔 (Beta)          50.00  [12.50, 87.50]             4        3            1                 0"
        ])
    }
}
