import Foundation
import HTTPTypes
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
}
