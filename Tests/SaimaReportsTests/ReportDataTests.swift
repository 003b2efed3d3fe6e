import Foundation
import SaimaLeaderboard
import SaimaModel
import SaimaReports
import Testing

/// `ReportData`'s own figures: each set's difficulty (mean score of the teams that entered the track) and the items
/// that separate teams best (population standard deviation of their item scores), and how the report prints them.
@Suite("Report data: difficulty and separating items")
struct ReportDataTests {
    typealias Answer = LeaderboardInput.Answer

    /// Track `t`: set `a` (x1, x2) and set `b` (y1), entered by P, Q and R; track `u` (z1) entered by nobody; team S
    /// entered nothing. Q answers x1 twice (1 and 0: an item's samples are averaged); R never answers x2 (scores 0).
    static func input() -> LeaderboardInput {
        let tracks = [
            LeaderboardInput.TrackSpec(id: "t", name: LocalizedText(zh: "甲", en: "T"), weight: 1, sets: [
                .init(id: "a", weight: 1, items: ["x1", "x2"]), .init(id: "b", weight: 1, items: ["y1"]),
            ]),
            LeaderboardInput.TrackSpec(id: "u", name: LocalizedText(zh: "乙", en: "U"), weight: 1,
                                       sets: [.init(id: "c", weight: 1, items: ["z1"])]),
        ]
        let teams = ["P", "Q", "R"].map { LeaderboardInput.TeamSpec(id: $0, name: LocalizedText(zh: $0, en: $0), entered: ["t"]) }
            + [LeaderboardInput.TeamSpec(id: "S", name: LocalizedText(zh: "丙", en: "S"), entered: [])]
        func a(_ team: String, _ set: String, _ item: String, _ score: Double, sample: Int = 0) -> Answer {
            Answer(team: team, track: "t", set: set, item: item, sample: sample, score: score, outcome: .ok,
                   unextractable: false, latencyMs: 1, tokens: 0)
        }
        return LeaderboardInput(round: "r", tracks: tracks, teams: teams, answers: [
            a("P", "a", "x1", 1), a("P", "a", "x2", 1), a("P", "b", "y1", 1),
            a("Q", "a", "x1", 1), a("Q", "a", "x1", 0, sample: 1), a("Q", "a", "x2", 0), a("Q", "b", "y1", 1),
            a("R", "a", "x1", 0), a("R", "b", "y1", 1),
        ])
    }

    static func data(topItems: Int = 10) -> ReportData {
        let input = Self.input()
        let board = LeaderboardBuilder(seed: 1, resamples: 50).build(input, generatedAt: Date(timeIntervalSince1970: 0))
        return ReportData(leaderboard: board, input: input, manifest: nil, topItems: topItems)
    }

    /// Set a: P 1 + 1, Q 0.5 + 0, R 0 + 0 → 2.5 of 6 → 41.67; set b: everyone right → 100. Nobody entered `u`, so it
    /// has no difficulty row.
    @Test func difficultyIsTheEnteredTeamsMeanScore() {
        let d = Self.data()
        #expect(d.difficulty.map { "\($0.track)/\($0.set)" } == ["t/a", "t/b"])
        #expect(abs(d.difficulty[0].meanScore - 250.0 / 6) < 1e-9 && d.difficulty[0].items == 2)
        #expect(d.difficulty[1].meanScore == 100 && d.difficulty[1].items == 1)
        #expect(d.teamNames["S"] == LocalizedText(zh: "丙", en: "S"))
    }

    /// x2 (1, 0, 0: spread √(2/9) ≈ 0.471) separates more than x1 (1, 0.5, 0: √(1/6) ≈ 0.408); y1, where all agree,
    /// is not listed. Best is the first team with the highest score, worst the first with the lowest; `topItems`
    /// keeps the first n.
    @Test func separatingItemsBySpread() {
        let s = Self.data().separating
        #expect(s.map(\.item) == ["x2", "x1"])
        #expect(abs(s[0].spread - (2.0 / 9).squareRoot()) < 1e-12 && s[0].best == "P" && s[0].worst == "Q")
        #expect(abs(s[1].spread - (1.0 / 6).squareRoot()) < 1e-12 && s[1].best == "P" && s[1].worst == "R")
        #expect(Self.data(topItems: 1).separating.map(\.item) == ["x2"])
    }

    /// The report lists sets from hardest to easiest with a heat colour, and separating items with three decimals.
    @Test func reportPrintsDifficultyAndSeparatingTables() {
        let html = ReportHTML.render(Self.data())
        #expect(html.contains(
            #"<tr><td>t</td><td>a</td><td class=num>2</td><td class=num style="background:#a7d7ba">41.67</td></tr>"#
                + #"<tr><td>t</td><td>b</td><td class=num>1</td><td class=num style="background:#2ea05a">100.00</td></tr>"#))
        #expect(html.contains(
            "<tr><td>t</td><td>a</td><td><code>x2</code></td><td class=num>0.471</td><td>P</td><td>Q</td></tr>"
                + "<tr><td>t</td><td>a</td><td><code>x1</code></td><td class=num>0.408</td><td>P</td><td>R</td></tr>"))
        var none = Self.data()
        none.separating = []
        #expect(ReportHTML.render(none).contains(
            "<h2>最具区分度的题目 Items that best separate teams</h2><p class=note>无 None.</p>"))
    }
}
