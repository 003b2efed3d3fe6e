import Foundation
import SaimaJudging
import SaimaLeaderboard
import SaimaBase
import SaimaModel
import SaimaPipeline
import SaimaStorage
import Testing

/// The judging results a run's leaderboard carries (`JudgingSummary`, through `RoundPipeline.writeLeaderboard`): the
/// arena table and position bias from `arena.json`, and the judges' agreement in the report.
@Suite("Judging results in a run's leaderboard (pipeline, directly)")
struct JudgingSummaryTests {
    /// `arena.json` as `saima battle` writes it; gamma's interval is missing, so the point stands for both ends.
    static let arena = """
        {"anchor":"alpha","skipped_resamples":0,"ratings":[
          {"team":"beta","rating":1100.5,"ci95":[1050,1150],"battles":12},
          {"team":"alpha","rating":1000,"ci95":[1000,1000],"battles":12},
          {"team":"gamma","rating":990,"ci95":[],"battles":4}],
         "position_bias":{"judge":"j","battles":12,"orders_disagree":3,
          "pairs":[{"a":"alpha","b":"beta","battles":12,"ties":4,"orders_disagree":3}]}}
        """

    /// The arena's ratings, intervals and battles, and the judge's position bias per pair, reach the board and
    /// `leaderboard.json` as the file records them.
    @Test func theArenaReachesTheBoard() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let run = try AppealsTests.scoredRun(fixture)
        try RunFolderFile.write(Self.arena, to: "arena.json", in: run.folder)
        let (board, _) = try RoundPipeline.writeLeaderboard(folder: run.folder, tracks: run.tracks, seed: nil, resamples: 50)
        #expect(board.arena.map { "\($0.team) \($0.rating) \($0.ci95.low)–\($0.ci95.high) \($0.battles)" } == [
            "beta 1100.5 1050.0–1150.0 12", "alpha 1000.0 1000.0–1000.0 12", "gamma 990.0 990.0–990.0 4",
        ])
        let bias = try #require(board.arenaBias)
        #expect(bias.judge == "j" && bias.battles == 12 && bias.ordersDisagree == 3)
        #expect(bias.pairs.map { "\($0.a)-\($0.b) \($0.battles) \($0.ties) \($0.ordersDisagree)" } == ["alpha-beta 12 4 3"])
        let json = try JSONValue.parse(try String(contentsOfFile: run.folder + "/leaderboard.json", encoding: .utf8))
        #expect(json["arena"]?.arrayValue?.first == .object([
            "team": .string("beta"), "rating": .number(1100.5), "ci95": .array([.number(1050), .number(1150)]),
            "battles": .number(12),
        ]))
    }

    /// An `arena.json` that is not an arena file stops the build, naming the file.
    @Test func anUnreadableArenaIsRefused() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let run = try AppealsTests.scoredRun(fixture)
        try RunFolderFile.write("{}", to: "arena.json", in: run.folder)
        let problem = try #require(throws: ArenaFile.Problem.self) {
            try RoundPipeline.writeLeaderboard(folder: run.folder, tracks: run.tracks, seed: nil, resamples: 50)
        }
        #expect(problem.path == run.folder + "/arena.json")
        #expect(problem.description.hasSuffix("; remove it or run `saima battle` again / 对战评分文件无法读取"))
    }

    /// Two human judges on two answers, 0.7 apart on one: the report's agreement table counts the judges, the answers
    /// and the one large disagreement, and no answer graded by both an LLM judge and humans. Without human scores the
    /// report has no agreement table.
    @Test func humanAgreementReachesTheReport() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let run = try AppealsTests.scoredRun(fixture)
        func report() throws -> String {
            _ = try RoundPipeline.writeLeaderboard(folder: run.folder, tracks: run.tracks, seed: nil, resamples: 50)
            return try String(contentsOfFile: run.folder + "/report.html", encoding: .utf8)
        }
        #expect(!(try report()).contains("评审一致性 Judge agreement"))
        let (alpha, beta) = (AppealsTests.key("alpha", "q0"), AppealsTests.key("beta", "q0"))
        try run.store.replaceHumanScores([
            HumanScore(judge: "j1", key: alpha, score: 0.2), HumanScore(judge: "j2", key: alpha, score: 0.9),
            HumanScore(judge: "j1", key: beta, score: 0.5), HumanScore(judge: "j2", key: beta, score: 0.6),
        ], judges: ["j1", "j2"])
        let html = try report()
        for row in [
            "<tr><th>人工评委 Human judges</th><td class=num>2</td></tr>",
            "<tr><th>人工评分的回答 Answers graded by humans</th><td class=num>2</td></tr>",
            "<tr><th>分歧较大的回答 Answers with large disagreement</th><td class=num>1</td></tr>",
            "<tr><th>LLM 与人工共同评分 Graded by LLM and humans</th><td class=num>0</td></tr>",
            "<tr><th>LLM–人工 Spearman</th><td class=num>—</td></tr>",
        ] {
            #expect(html.contains(row), "\(row)")
        }
    }
}
