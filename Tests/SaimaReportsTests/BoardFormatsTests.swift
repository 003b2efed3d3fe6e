import Foundation
import SaimaLeaderboard
import SaimaBase
import SaimaModel
import Testing

@testable import SaimaReports

/// The boards' file formats in process, built from a real aggregation of two teams whose names carry markup, CSV
/// formulas, separators and double-width text: CSV quotes and neutralizes them, Markdown escapes pipes and markup,
/// JSON keeps them exactly, the terminal table aligns double-width characters, and HTML text never becomes markup.
@Suite("Board formats")
struct BoardFormatsTests {
    static let hostile = LocalizedText(zh: "<script>alert(1)</script>|队", en: "=cmd|' /C calc'!A0, \"quoted\"")
    static let plain = LocalizedText(zh: "明川智算", en: "Mingchuan AI")

    static func board() -> Leaderboard {
        let track = LeaderboardInput.TrackSpec(
            id: "law", name: LocalizedText(zh: "法律", en: "Law"), weight: 1,
            sets: [.init(id: "s", weight: 1, items: (0..<40).map { "i\($0)" })])
        let teams = [LeaderboardInput.TeamSpec(id: "evil", name: hostile, entered: ["law"]),
                     LeaderboardInput.TeamSpec(id: "good", name: plain, entered: ["law"])]
        var answers: [LeaderboardInput.Answer] = []
        for (t, team) in ["evil", "good"].enumerated() {
            for i in 0..<40 {
                answers.append(.init(team: team, track: "law", set: "s", item: "i\(i)", sample: 0,
                                     score: i % (t + 2) == 0 ? 0 : 1, outcome: .ok, unextractable: false, latencyMs: 100 + Double(i),
                                     tokens: 10))
            }
        }
        return LeaderboardBuilder(seed: 7, resamples: 200).build(
            LeaderboardInput(round: "r|<b>", tracks: [track], teams: teams, answers: answers))
    }

    @Test func csvQuotesAndNeutralizes() {
        let csv = LeaderboardCSV.render(Self.board())
        let rows = csv.components(separatedBy: "\r\n")
        #expect(rows[0].hasPrefix("\u{FEFF}board,team,name_zh,name_en"))
        let evil = rows.filter { $0.hasPrefix("law,evil,") }
        #expect(evil.count == 1)
        #expect(evil[0].contains(#",<script>alert(1)</script>|队,"'=cmd|' /C calc'!A0, ""quoted""","#),
                "the English name is quoted, its quotes doubled and its formula made text: \(evil[0])")
    }

    @Test func markdownEscapesPipesAndMarkup() {
        let md = LeaderboardMarkdown.render(Self.board())
        #expect(md.hasPrefix("# 排行榜 Leaderboard — r\\|&lt;b&gt;\n"))
        #expect(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;\\|队"))
        #expect(!md.contains("<script>"))
        for line in md.split(separator: "\n") where line.hasPrefix("| ") && !line.contains("---") {
            #expect(line.split(separator: "|", omittingEmptySubsequences: false).count - line.components(separatedBy: "\\|").count + 1 == 11,
                    "every table row has its 9 cells, escaped pipes aside: \(line)")
        }
    }

    @Test func jsonKeepsNamesExactly() throws {
        let value = LeaderboardJSON.value(Self.board())
        let text = try PrettyJSON.string(value)
        let back = try JSONValue.parse(text)
        let overall = try #require(back["overall"]?["entries"]?.arrayValue)
        let names = overall.compactMap { $0["name"]?["en"]?.stringValue }
        #expect(Set(names) == [Self.hostile.en, Self.plain.en], "names round-trip exactly through JSON")
    }

    @Test func terminalTablesAlignDoubleWidthText() {
        var table = TerminalTable(headers: ["队伍 Team", "得分"], alignments: [.left, .right])
        table.append(["明川智算", "80.00"])
        table.append(["ab", "7.5"])
        table.append(["🐎赛马", "100.00"])
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(Set(lines.map(DisplayWidth.of)).count == 1, "every line is as wide on screen: \(lines)")
        #expect(DisplayWidth.of("明川") == 4 && DisplayWidth.of("ab") == 2)
        #expect(lines.contains { $0.hasSuffix("  7.5") }, "numbers right-aligned")
    }

    @Test func htmlTextNeverBecomesMarkup() {
        #expect(HTMLText.escape(#"<img src=x onerror="a('b')">&"#) == "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;")
        #expect(HTMLText.escape("a\u{0}b") == "a\u{FFFD}b")
    }
}
