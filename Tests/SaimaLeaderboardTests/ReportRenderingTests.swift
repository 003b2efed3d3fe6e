import Foundation
import SaimaLeaderboard
import SaimaBase
import SaimaModel
@testable import SaimaReports
import Testing

@Suite("Leaderboard files and the HTML report")
struct ReportRenderingTests {
    static let hostileName = LocalizedText(zh: "<script>alert('队')</script>", en: "Evil & \"Co\" | <b>")

    static func sample() -> (Leaderboard, LeaderboardInput) {
        let input = LeaderboardBuilderTests.makeInput(teamBName: hostileName)
        let board = LeaderboardBuilder(seed: 3, resamples: 100).build(input, generatedAt: Date(timeIntervalSince1970: 0))
        return (board, input)
    }

    @Test func htmlEscapesEverythingFromAnswersAndSubmissions() {
        let (board, input) = Self.sample()
        let example = ReportData.FailureExample(
            team: "B", outcome: .malformed, item: "t1/s1/<img src=x onerror=alert(1)>", httpStatus: 200,
            excerpt: "<html><script>steal()</script></html>")
        let manifest = JSONValue.object(["round": .string("r</code><script>x()</script>"), "question_sets": .array([])])
        let html = ReportHTML.render(ReportData(leaderboard: board, input: input, manifest: manifest, failureExamples: [example]))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("| <b>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;队&#39;)&lt;/script&gt;"))
        #expect(html.contains("&lt;html&gt;&lt;script&gt;steal()&lt;/script&gt;&lt;/html&gt;"))
        #expect(html.contains("Evil &amp; &quot;Co&quot; | &lt;b&gt;"))
        // Self-contained: no external resources.
        #expect(!html.contains("href=\"http") && !html.contains("url(") && !html.contains("<link"))
        for heading in ["总榜 Overall", "热力图", "失败分布", "题集难度", "区分度", "评分方法 Methodology", "运行清单 Manifest"] {
            #expect(html.contains(heading))
        }
        #expect(html.contains("<svg"))
    }

    @Test func jsonHasTheDocumentedSchema() throws {
        let (board, _) = Self.sample()
        let json = LeaderboardJSON.value(board)
        #expect(json["round"] == .string("r"))
        #expect(json["generated_at"] == .string("1970-01-01T00:00:00Z"))
        let t1 = try #require(json["tracks"]?.arrayValue?.first)
        #expect(t1["track"] == .string("t1"))
        let entry = try #require(t1["entries"]?.arrayValue?.first)
        for key in ["team", "position", "rank", "rank_group", "score", "ci95", "items", "answered", "failed", "unextractable"] {
            #expect(entry[key] != nil, "\(key)")
        }
        #expect(entry["score"] == .number(87.5))
        let overall = try #require(json["overall"]?["entries"]?.arrayValue)
        #expect(overall.first { $0["team"] == .string("B") }?["not_entered"] == .array([.string("t2")]))
    }

    @Test func csvHasOneRowPerTeamAndTrackPlusOverall() {
        let (board, _) = Self.sample()
        let csv = LeaderboardCSV.render(board)
        let lines = csv.split(separator: "\r\n")
        #expect(lines.first?.hasPrefix("\u{FEFF}board,team,name_zh") == true)
        // t1: A, B, C; t2: A; overall: A, B, C.
        #expect(lines.count == 1 + 3 + 1 + 3)
        #expect(lines.contains { $0.hasPrefix("t1,A,甲,A,1,1,1,87.50,") })
        #expect(LeaderboardCSV.quote("=cmd()") == "'=cmd()")
        #expect(LeaderboardCSV.quote("a,b") == "\"a,b\"")
    }

    @Test func markdownEscapesTableBreakers() {
        let (board, _) = Self.sample()
        let md = LeaderboardMarkdown.render(board)
        #expect(md.contains("## 一 (One)"))
        #expect(md.contains("Evil &amp; \"Co\" \\| &lt;b&gt;"))
        #expect(!md.contains("<script>"))
    }

    @Test func terminalColumnsAlignWithChineseText() {
        let (board, _) = Self.sample()
        let lines = LeaderboardMarkdown.terminal(board).split(separator: "\n").map(String.init)
        let header = lines[1]
        let rule = lines[2]
        #expect(DisplayWidth.of(header) == DisplayWidth.of(rule))
        #expect(DisplayWidth.of("中a") == 3)
    }
}
