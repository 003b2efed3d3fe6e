import Foundation
import SaimaLeaderboard
import SaimaModel
import SaimaReports
import Testing

/// The report's inline SVG bar chart of the overall board, read from the rendered HTML: the axis fitted to the data,
/// each bar's width and whisker in plot coordinates, colours by rank group, the legend, and an escaped, shortened label.
@Suite("Report bar chart (SVG)")
struct ReportSVGTests {
    /// The overall board's chart (the first in the report) with alpha at 50 [40, 60] in group 1 and beta at 30
    /// [20, 40] in group 2, beta's Chinese name replaced by `zh`.
    static func overallChart(zh: String = "贝塔", alphaGroup: Int = 1, betaGroup: Int = 2,
                             scores: (Double, Double) = (50, 30)) throws -> String {
        var board = ReportFixture.board()
        let a = ReportFixture.index("alpha", on: board.overall)
        let b = 1 - a
        board.overall.entries[a].score = scores.0
        board.overall.entries[a].ci95 = (scores.0 - 10, scores.0 + 10)
        board.overall.entries[a].rankGroup = alphaGroup
        board.overall.entries[b].score = scores.1
        board.overall.entries[b].ci95 = (scores.1 - 10, scores.1 + 10)
        board.overall.entries[b].rankGroup = betaGroup
        board.overall.entries[b].name.zh = zh
        let html = ReportHTML.render(ReportData(leaderboard: board, input: ReportFixture.input(), manifest: nil))
        let start = try #require(html.range(of: "<svg"))
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// Scores and intervals span 20–60, so the axis is 20–60 in steps of 5 over 420 px from x = 300: alpha's bar is
    /// 315 px wide with its whisker from 510 to 720, beta's 105 px with its whisker from 300 to 510.
    @Test func barsAndWhiskersOnAFittedAxis() throws {
        let svg = try Self.overallChart()
        #expect(svg.hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" width="780" height="104" role="img" "#
            + #"aria-label="总榜 (Overall) scores with 95% intervals">"#))
        #expect(svg.contains(##"<rect x="300.0" y="7.0" width="315.0" height="16" fill="#2f6db5"/>"##))
        #expect(svg.contains(##"<line x1="510.0" y1="15.0" x2="720.0" y2="15.0" stroke="#222" stroke-width="1.5"/>"##))
        #expect(svg.contains(##"<text x="726.0" y="19.0" font-size="11" fill="#333">50.00</text>"##))
        #expect(svg.contains(##"<rect x="300.0" y="33.0" width="105.0" height="16" fill="#4f9a5a"/>"##))
        #expect(svg.contains(##"<line x1="300.0" y1="41.0" x2="510.0" y2="41.0" stroke="#222" stroke-width="1.5"/>"##))
        #expect(svg.contains(##"<text x="516.0" y="45.0" font-size="11" fill="#333">30.00</text>"##))
        // Nine gridlines, 20, 25, …, 60, each labelled under the plot.
        #expect(svg.components(separatedBy: ##"stroke="#ddd"/>"##).count - 1 == 9)
        #expect(svg.contains(##"<text x="352.5" y="76.0" font-size="11" text-anchor="middle" fill="#666">25.00</text>"##))
        #expect(svg.contains(##"<text x="720.0" y="96.0" font-size="10" text-anchor="end" fill="#888">轴 axis 20.00–60.00</text>"##))
    }

    /// One legend swatch per rank group, 84 px apart, then the whisker's key; two teams in one group share a colour
    /// and a swatch; groups past the seven colours wrap around.
    @Test func legendFollowsRankGroups() throws {
        let two = try Self.overallChart()
        #expect(two.contains(##"<rect x="300.0" y="86.0" width="12" height="10" fill="#2f6db5"/>"##
            + ##"<text x="316.0" y="96.0" font-size="11" fill="#333">组 Group 1</text>"##))
        #expect(two.contains(##"<rect x="384.0" y="86.0" width="12" height="10" fill="#4f9a5a"/>"##))
        #expect(two.contains(##"<line x1="468.0" y1="91.0" x2="488.0" y2="91.0" stroke="#222" stroke-width="1.5"/>"##))
        let shared = try Self.overallChart(betaGroup: 1)
        #expect(!shared.contains("组 Group 2") && !shared.contains("#4f9a5a"))
        #expect(shared.contains(##"<rect x="300.0" y="33.0" width="105.0" height="16" fill="#2f6db5"/>"##))
        let wrapped = try Self.overallChart(betaGroup: 8)
        #expect(wrapped.contains(##"<rect x="300.0" y="33.0" width="105.0" height="16" fill="#2f6db5"/>"##))
    }

    /// A label shows the first 18 characters of the Chinese name, escaped, so a hostile name never becomes markup.
    @Test func labelsAreShortenedAndEscaped() throws {
        let svg = try Self.overallChart(zh: "<script>alert(1)</script>")
        #expect(svg.contains(#"<text x="292.0" y="45.0" font-size="12" text-anchor="end">&lt;script&gt;alert(1)&lt;/</text>"#))
        #expect(!svg.contains("<script"))
    }

    /// Intervals reaching below 0 and above 100 use the full 0–100 axis in steps of 20, with no axis note, and are
    /// clamped to it: alpha at 95 [85, 105] gets a 399 px bar and a whisker from 657 to the axis end at 720.
    @Test func fullRangeAxisHasNoNote() throws {
        let svg = try Self.overallChart(scores: (95, 5))
        #expect(svg.components(separatedBy: ##"stroke="#ddd"/>"##).count - 1 == 6)
        #expect(!svg.contains("轴 axis"))
        #expect(svg.contains(##"<rect x="300.0" y="7.0" width="399.0" height="16" fill="#2f6db5"/>"##))
        #expect(svg.contains(##"<line x1="657.0" y1="15.0" x2="720.0" y2="15.0" stroke="#222" stroke-width="1.5"/>"##))
    }
}
