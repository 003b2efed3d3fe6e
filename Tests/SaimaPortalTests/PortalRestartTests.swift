import Foundation
import Testing

@testable import SaimaPortal

/// A server stopped during the official round (graceful shutdown: requests in flight finish and are stored) and
/// started again on the same state resumes the run in its folder: every question is asked exactly once across both
/// servers, and the round ends with every item scored.
@Suite("Portal restart", .serialized)
struct PortalRestartTests {
    @Test func officialRoundResumesWithNoQuestionAskedTwice() async throws {
        let fixture = try PortalFixture(devItems: 2, testItems: 40)
        let key = "sk-restart-key-0001"
        let endpoint = try await CountingEndpoint.start(key: key, delay: .milliseconds(40))
        let portal = fixture.portal
        let organizer = try #require(try portal.store.verify(username: "organizer", password: "organizer-password"))
        try await fixture.checkedTeam("gamma", endpoint: endpoint, key: key)
        #expect(try portal.store.team("gamma")?.endpoint?.checkPassed == true)
        try portal.store.setPhase(.test)
        let run = try portal.startOfficialRound(by: organizer)

        // Stop the first server once some answers are in.
        let deadline = Date().addingTimeInterval(20)
        while endpoint.questionCounts.count < 8, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        await portal.stopRuns()
        let askedBefore = endpoint.questionCounts.count
        #expect(try portal.store.run(run.id)?.status == .running, "a stopped run stays running, to resume")
        #expect(askedBefore >= 8 && askedBefore < 40, "stopped mid-round: \(askedBefore) of 40 asked")

        // A new server on the same state resumes it.
        let restarted = try fixture.reopened()
        try restarted.portal.resumeUnfinishedRuns()
        await restarted.portal.wait(run: run.id)
        let finished = try #require(try restarted.portal.store.run(run.id))
        #expect(finished.status == .done, "resumed run finished: \(finished.error ?? "")")
        let counts = endpoint.questionCounts
        #expect(counts.count == 40, "every question asked")
        #expect(counts.values.allSatisfy { $0 == 1 }, "no question asked twice: \(counts.values.filter { $0 > 1 }.count) repeated")
        #expect(try restarted.portal.store.scores(run: run.id).first?.items == 40)
        #expect(try restarted.portal.store.auditLog().contains { $0.action.hasPrefix("run resumed") && $0.detail == run.id })
        await endpoint.stop()
    }
}
