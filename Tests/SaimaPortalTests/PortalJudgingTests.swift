import Foundation
import HTTPTypes
import SaimaJudging
import SaimaPipeline
import Testing

@testable import SaimaPortal

/// Human judges in the portal: the organizer makes two judge accounts and assigns them to the official run; each
/// sees a blind sheet of the rubric answers (no team named), an out-of-range score is refused with its answer named
/// and nothing stored, valid scores are imported as `saima judges import` would import the sheet, the run's boards
/// are rebuilt and the organizer sees the judges' agreement. A judge cannot open a run not assigned to them.
@Suite("Portal judging", .serialized)
struct PortalJudgingTests {
    @Test func judgesScoreBlindAndAgreementFollows() async throws {
        let fixture = try PortalFixture(testItems: 2, generationItems: 3)
        let key = "sk-judging-key-0001"
        let endpoint = try await CountingEndpoint.start(key: key)
        try await fixture.checkedTeam("alpha", endpoint: endpoint, key: key)
        let portal = fixture.portal
        try portal.store.setPhase(.test)
        try await fixture.test { client in
            let organizer = Visitor(client)
            try await organizer.signIn("organizer", "organizer-password")
            try await organizer.get("/organizer")
            let started = try await organizer.post("/organizer/official")
            let runPath = try #require(started.headers[.location])
            let runID = String(runPath.dropFirst("/runs/".count))
            await portal.wait(run: runID)
            #expect(try portal.store.run(runID)?.status == .done)
            for judge in ["judge-one", "judge-two"] {
                try await organizer.get("/organizer")
                #expect(try await organizer.post("/organizer/judges", [("username", judge), ("password", "\(judge)-pass")]).status == .seeOther)
            }
            try await organizer.get(runPath)
            #expect(try await organizer.post(runPath + "/judges", [("judges", "judge-one"), ("judges", "judge-two")]).status == .seeOther)
            try await organizer.get(runPath)
            #expect(try await organizer.post(runPath + "/judges", [("judges", "judge-one")]).status == .conflict,
                    "a judge is assigned to a run once")
            #expect(FileManager.default.fileExists(atPath: fixture.state + "/runs/\(runID)/human-judging/judge-one.csv"),
                    "the CSV sheet is issued too")

            let one = Visitor(client)
            try await one.signIn("judge-one", "judge-one-pass")
            #expect(try await one.get("/judge").body.contains(runID))
            let sheet = try await one.get("/judge/runs/\(runID)")
            let ids = sheet.body.matches(of: /name="score_([^"]+)"/).map { String($0.1) }
            #expect(ids.count == 3, "one row per rubric answer")
            #expect(!sheet.body.contains("alpha") && !sheet.body.contains("队alpha"), "no team is named on the sheet")
            #expect(try await one.post("/judge/runs/\(runID)", [("score_\(ids[0])", "11")]).status == .badRequest)
            #expect(try portal.sheet(run: runID, judge: Account(id: 0, username: "judge-one", role: .judge, team: nil)).1
                .allSatisfy { $0.score.isEmpty }, "an invalid score stores nothing")
            let saved = try await one.post("/judge/runs/\(runID)", ids.enumerated().map { ("score_\($1)", "\(4 + $0 * 2)") })
            #expect(saved.status == .ok && saved.body.contains("3 of 3 graded"))
            let progress = try await organizer.get(runPath).body
            #expect(progress.contains("<td>judge-one</td><td>3 / 3</td>") && progress.contains("<td>judge-two</td><td>0 / 3</td>"),
                    "the organizer sees each judge's progress")

            let two = Visitor(client)
            try await two.signIn("judge-two", "judge-two-pass")
            let sheetTwo = try await two.get("/judge/runs/\(runID)")
            let idsTwo = sheetTwo.body.matches(of: /name="score_([^"]+)"/).map { String($0.1) }
            #expect(Set(idsTwo).isDisjoint(with: ids), "each judge has answer ids of their own")
            #expect(try await two.post("/judge/runs/\(runID)", idsTwo.enumerated().map { ("score_\($1)", "\(5 + $0 * 2)") }).status == .ok)

            let runPage = try await organizer.get(runPath).body
            #expect(runPage.contains("已评答案 Answers graded: 3"), "the organizer sees agreement over 3 answers")
            let other = try await Visitor(client).signIn("judge-two", "judge-two-pass")
            #expect(other == .seeOther)
            #expect(try await two.get("/judge/runs/no-such-run").status == .notFound)
            #expect(try await two.get("/organizer").status == .forbidden)
        }
        await endpoint.stop()
    }

    /// An official round of `teams` (checked endpoints on one counting endpoint) run to its end, with `judge` (password
    /// `<judge>-password`) made and assigned to it through the portal's logic.
    static func finishedRound(_ fixture: PortalFixture, teams: [String], judge: String) async throws
        -> (RunRecord, CountingEndpoint)
    {
        let key = "sk-\(judge)-key-0001"
        let endpoint = try await CountingEndpoint.start(key: key)
        for team in teams { try await fixture.checkedTeam(team, endpoint: endpoint, key: key) }
        let portal = fixture.portal
        try portal.store.setPhase(.test)
        let organizer = try #require(try portal.store.verify(username: "organizer", password: "organizer-password"))
        let run = try portal.startOfficialRound(by: organizer)
        await portal.wait(run: run.id)
        try portal.createJudge(username: judge, password: "\(judge)-password", by: organizer)
        try portal.assignJudges([judge], run: run.id, by: organizer)
        return (run, endpoint)
    }

    /// Pairwise votes: with two teams, each rubric question gives one pair; a judge sees both answers without team
    /// names, votes once per pair (a second vote on it is refused), the votes are written as `human-battles.jsonl`
    /// in the command line's battle-log format and the organizer sees their count.
    @Test func judgesVoteOnAnonymousPairs() async throws {
        let fixture = try PortalFixture(testItems: 1, generationItems: 3)
        let (run, endpoint) = try await Self.finishedRound(fixture, teams: ["alpha", "beta"], judge: "voter")
        try await fixture.test { client in
            let judge = Visitor(client)
            try await judge.signIn("voter", "voter-password")
            for round in 0..<3 {
                let page = try await judge.get("/judge/runs/\(run.id)/votes").body
                #expect(page.contains("\(round) / 3"), "progress before vote \(round + 1)")
                #expect(!page.contains("alpha") && !page.contains("beta") && !page.contains("队alpha"), "no team is named")
                let pair = try #require(page.firstMatch(of: /name="pair" value="([^"]+)"/)).1
                #expect(try await judge.post("/judge/runs/\(run.id)/votes", [("pair", String(pair)), ("choice", round == 2 ? "tie" : "left")]).status == .seeOther)
                if round == 0 {
                    #expect(try await judge.post("/judge/runs/\(run.id)/votes", [("pair", String(pair)), ("choice", "right")]).status == .conflict,
                            "one vote per pair")
                }
            }
            #expect(try await judge.get("/judge/runs/\(run.id)/votes").body.contains("All pairs voted"))
            let organizer = Visitor(client)
            try await organizer.signIn("organizer", "organizer-password")
            #expect(try await organizer.get("/runs/\(run.id)").body.contains("Pairwise votes: 3"))
        }
        let log = try BattleLog.load(path: fixture.state + "/runs/\(run.id)/human-battles.jsonl")
        #expect(log.count == 3 && log.filter { $0.winner == .tie }.count == 1)
        #expect(Set(log.flatMap { [$0.a, $0.b] }) == ["alpha", "beta"])
        await endpoint.stop()
    }

    /// The appeals queue: the organizer issues a sheet of every choice answer; the judge re-reads one answer on the
    /// page (no team shown); a letter the item does not have is refused and stores nothing; the reading is stored in
    /// the run's appeals chain and the answer leaves the queue.
    @Test func judgesReReadAnswersFromTheQueue() async throws {
        let fixture = try PortalFixture(testItems: 4)
        let (run, endpoint) = try await Self.finishedRound(fixture, teams: ["alpha"], judge: "reader")
        try await fixture.test { client in
            let organizer = Visitor(client)
            try await organizer.signIn("organizer", "organizer-password")
            try await organizer.get("/runs/\(run.id)")
            #expect(try await organizer.post("/runs/\(run.id)/appeals", [("selection", "all")]).status == .seeOther)
            #expect(try await organizer.get("/runs/\(run.id)").body.contains("<strong id=\"appeals\">4</strong>"))
            let judge = Visitor(client)
            try await judge.signIn("reader", "reader-password")
            let page = try await judge.get("/judge/runs/\(run.id)/appeals").body
            #expect(page.contains("<strong id=\"queue\">4</strong>") && !page.contains("alpha"))
            let rows = page.matches(of: /name="reading_([0-9a-f]+)"/).map { String($0.1) }
            #expect(rows.count == 4)
            #expect(try await judge.post("/judge/runs/\(run.id)/appeals", [("reading_\(rows[0])", "Z"), ("reason_\(rows[0])", "x")]).status == .badRequest)
            let saved = try await judge.post("/judge/runs/\(run.id)/appeals", [("reading_\(rows[0])", "B"), ("reason_\(rows[0])", "回答实为B")])
            #expect(saved.status == .ok && saved.body.contains("<strong id=\"queue\">3</strong>"))
        }
        let overrides = try AppealsEntry.queue(folder: run.folder)
        #expect(overrides.count == 3, "the re-read answer left the queue")
        await endpoint.stop()
    }
}
