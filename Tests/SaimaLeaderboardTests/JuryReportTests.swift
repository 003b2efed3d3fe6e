import SaimaBase
import Foundation
import SaimaLeaderboard
import SaimaModel
import Testing

@testable import SaimaReports

/// The jury's report (issue 12, point 2): award tiers never split a rank group, provisional results say so,
/// pilot units see their sets, and arena numbers never claim precision they do not have.
struct JuryReportTests {
    typealias Answer = LeaderboardInput.Answer

    /// Five teams on one 40-item set: A and B identical (one group), C clearly lower, D and E identical and low.
    static func fiveTeams(pendingFor: String? = nil) -> (Leaderboard, LeaderboardInput) {
        let items = (0..<40).map { "i\($0)" }
        let rates = ["A": 36, "B": 36, "C": 20, "D": 4, "E": 4]
        var answers: [Answer] = []
        for (team, correct) in rates {
            for (n, item) in items.enumerated() {
                var a = Answer(team: team, track: "t", set: "s", item: item, sample: 0, score: n < correct ? 1 : 0,
                               outcome: .ok, unextractable: false, latencyMs: 1, tokens: 0)
                a.pending = team == pendingFor && n >= 38
                answers.append(a)
            }
        }
        let input = LeaderboardInput(
            round: "r",
            tracks: [.init(id: "t", name: LocalizedText(zh: "题", en: "T"), weight: 1,
                           sets: [.init(id: "s", weight: 1, items: items, pilotUnit: LocalizedText(zh: "测试银行", en: "Test Bank"))])],
            teams: rates.keys.sorted().map { .init(id: $0, name: LocalizedText(zh: $0, en: $0), entered: ["t"]) },
            answers: answers)
        return (LeaderboardBuilder(seed: 11, resamples: 400).build(input), input)
    }

    @Test func awardTiersNeverSplitARankGroup() {
        let (board, _) = Self.fiveTeams()
        let groups = Dictionary(grouping: board.overall.entries, by: \.rankGroup).mapValues { Set($0.map(\.team)) }
        #expect(groups.values.contains(["A", "B"]) && groups.values.contains(["D", "E"]), "\(groups)")
        let names = ["一等奖", "二等奖", "三等奖"].map { LocalizedText(zh: $0, en: $0) }
        // By count 1/1/1: the first prize takes both A and B (never one of them); as with tied medals, two first
        // prizes use the second prize's place, so the second is empty and C gets the third.
        let byCount = AwardTiers.assign(
            board.overall, rule: AwardRule(basis: .count, tiers: names.map { .init(name: $0, count: 1) }))
        #expect(byCount.map { Set($0.teams) } == [["A", "B"], [], ["C"]])
        // Any counts: every group lands whole in one tier.
        for counts in [[1, 2, 2], [2, 1, 1], [3, 1, 1], [5, 0, 0]] {
            let awards = AwardTiers.assign(
                board.overall, rule: AwardRule(basis: .count, tiers: zip(names, counts).map { .init(name: $0, count: $1) }))
            for group in groups.values {
                #expect(awards.filter { !Set($0.teams).isDisjoint(with: group) }.count <= 1, "group \(group) split by \(counts)")
            }
        }
        let byGroup = AwardTiers.assign(board.overall, rule: AwardRule(basis: .rankGroup, tiers: names.map { .init(name: $0, count: nil) }))
        #expect(byGroup.map { Set($0.teams) } == [["A", "B"], ["C"], ["D", "E"]])
    }

    @Test func pendingAnswersMakeTheResultsProvisionalEverywhere() throws {
        let (board, input) = Self.fiveTeams(pendingFor: "C")
        #expect(!board.isFinal)
        #expect(board.pending == ["C": ["t/s": 2]])
        let json = LeaderboardJSON.value(board)
        #expect(json["status"]?.stringValue == "provisional")
        #expect(json["pending"]?["C"]?["t/s"]?.numberValue == 2)
        let set = try #require(json["question_sets"]?.arrayValue?.first)
        #expect(set["pilot_unit"]?["zh"]?.stringValue == "测试银行")
        #expect(set["entries"]?.arrayValue?.first { $0["team"]?.stringValue == "C" }?["pending"]?.numberValue == 2)
        let html = ReportHTML.render(ReportData(leaderboard: board, input: input, manifest: nil))
        #expect(html.contains("Provisional: 2 answers await a judge"))
        #expect(html.contains("@top-center{content:\"暂定结果 Provisional"), "on every printed page")
        #expect(html.contains("试点单位 Pilot unit: 测试银行 (Test Bank)"))
        let (final, finalInput) = Self.fiveTeams()
        #expect(LeaderboardJSON.value(final)["status"]?.stringValue == "final")
        #expect(!ReportHTML.render(ReportData(leaderboard: final, input: finalInput, manifest: nil)).contains("Provisional"))
    }

    @Test func allTieArenaSaysNotEnoughInformationAndShowsPositionBias() {
        var (board, input) = Self.fiveTeams()
        board.arena = [ArenaEntry(team: "A", rating: 1000, ci95: (1000, 1000), battles: 5),
                       ArenaEntry(team: "B", rating: 1000, ci95: (1000, 1000), battles: 5)]
        board.arenaBias = ArenaBias(judge: "judge-m", battles: 5, ordersDisagree: 5,
                                    pairs: [.init(a: "A", b: "B", battles: 5, ties: 5, ordersDisagree: 5)])
        let html = ReportHTML.render(ReportData(leaderboard: board, input: input, manifest: nil))
        #expect(html.contains("not enough information"))
        #expect(!html.contains("[1000.0, 1000.0]"), "no interval of zero width presented as exact")
        #expect(html.contains("in 5 of 5 battles (100.00%, position bias)"))
    }

    @Test func axisFitsTheData() {
        let r = ReportSVG.axis([15, 17, 13.5, 19])
        #expect(r.low == 10 && r.high == 20, "15 and 17 are told apart")
        #expect(ReportSVG.axis([0, 100]) == (0, 100, 20))
    }
}
