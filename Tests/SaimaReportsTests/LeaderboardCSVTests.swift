import Foundation
import SaimaLeaderboard
import SaimaModel
import SaimaReports
import Testing

/// `leaderboard.csv`: one CRLF line per team and board (tracks first, then overall) with the counts, latencies and
/// interval of a known board; robustness and not-entered columns; names that a spreadsheet would run as formulas.
@Suite("leaderboard.csv")
struct LeaderboardCSVTests {
    /// Every line of a known board exactly: BOM and header, scores and intervals with two decimals, mean and p95
    /// latency of the ok answers in whole milliseconds (alpha on law: 100–400 ms → 250 and 385), tokens, and the
    /// tracks a team did not enter on its overall line.
    @Test func everyLineOfAKnownBoard() {
        let csv = LeaderboardCSV.render(ReportFixture.board())
        #expect(csv.components(separatedBy: "\r\n") == [
            "\u{FEFF}board,team,name_zh,name_en,position,rank,rank_group,score,ci95_low,ci95_high,items,answered,failed,"
                + "unextractable,mean_latency_ms,p95_latency_ms,tokens,not_entered,robustness,robustness_items",
            "law,alpha,阿尔法,Alpha,1,1,1,100.00,100.00,100.00,4,4,0,0,250,385,40,,,",
            "law,beta,贝塔,Beta,2,2,2,50.00,12.50,87.50,4,3,1,0,100,100,30,,,",
            "med,alpha,阿尔法,Alpha,1,1,1,100.00,100.00,100.00,2,2,0,0,500,500,20,,,",
            "overall,alpha,阿尔法,Alpha,1,1,1,100.00,100.00,100.00,6,6,0,0,333,500,60,,,",
            "overall,beta,贝塔,Beta,2,2,2,25.00,6.25,43.75,4,3,1,0,100,100,30,med,,",
            "",
        ])
        #expect(LeaderboardCSV.columns.count == 20)
    }

    /// Robustness is the agreeing share in percent with its item count; a track entry flagged not entered says
    /// `yes`; an entry without latencies leaves both latency cells empty.
    @Test func robustnessNotEnteredAndMissingLatency() {
        var board = ReportFixture.board()
        let a = ReportFixture.index("alpha", on: board.overall)
        board.overall.entries[a].robustness.items = 20
        board.overall.entries[a].robustness.agreeing = 18
        let b = ReportFixture.index("beta", on: board.tracks[0])
        board.tracks[0].entries[b].notEntered = true
        board.tracks[0].entries[b].meanLatencyMs = nil
        board.tracks[0].entries[b].p95LatencyMs = nil
        let lines = LeaderboardCSV.render(board).components(separatedBy: "\r\n")
        #expect(lines.contains("overall,alpha,阿尔法,Alpha,1,1,1,100.00,100.00,100.00,6,6,0,0,333,500,60,,90.00,20"))
        #expect(lines.contains("law,beta,贝塔,Beta,2,2,2,50.00,12.50,87.50,4,3,1,0,,,30,yes,,"))
    }

    /// A name starting with `+`, `=`, `@` or `-` gets a leading `'` unless it is a number; a field holding a
    /// comma, quote or line break is quoted with its quotes doubled.
    @Test func formulaNamesAreNeutralizedAndFieldsQuoted() {
        var board = ReportFixture.board()
        let b = ReportFixture.index("beta", on: board.overall)
        board.overall.entries[b].name = LocalizedText(zh: "+cmd\n", en: "-12")
        let a = ReportFixture.index("alpha", on: board.overall)
        board.overall.entries[a].name = LocalizedText(zh: "@SUM(A1)", en: "Say \"hi\", all")
        let csv = LeaderboardCSV.render(board)
        #expect(csv.contains("\r\noverall,beta,\"'+cmd\n\",-12,2,2,2,25.00,"))
        #expect(csv.contains("\r\noverall,alpha,'@SUM(A1),\"Say \"\"hi\"\", all\",1,1,1,100.00,"))
    }

    /// Terminal latency percentiles interpolate linearly between sorted values and print whole milliseconds (`-` with
    /// no values); scores print with two decimals, milliseconds rounded to whole ones.
    @Test func latencyPercentilesForTerminals() {
        #expect(Format.latencyPercentile([100, 200, 400], 0.5) == "200")
        #expect(Format.latencyPercentile([100, 200, 400], 0.95) == "380")
        #expect(Format.latencyPercentile([], 0.5) == "-")
        #expect(Format.score(87.5) == "87.50" && Format.score(0) == "0.00")
        #expect(Format.milliseconds(1234.4) == "1234" && Format.milliseconds(0.6) == "1")
    }
}
