import SaimaModel
import Testing

@testable import SaimaRunner

/// Per-team progress from runner events (what the terminal table and the portal's run pages show): a resumed team
/// starts with its earlier results done; finished requests count done, failures failed; limit changes are counted;
/// log lines and unknown teams change nothing.
@Suite("Team progress")
struct TeamProgressTests {
    @Test func countsFromEvents() {
        let submission = Submission(
            id: "alpha", team: LocalizedText(zh: "甲", en: "A"), contact: nil, tracks: ["t"],
            endpoint: EndpointSettings(baseURL: "http://127.0.0.1:1/v1", model: "m"), path: "")
        var teams = TeamProgress.expecting([TeamPlan(submission: submission, work: [], alreadyDone: 3)])
        #expect(teams["alpha"] == TeamProgress(total: 3, done: 3))
        TeamProgress.record(.finished(team: "alpha", outcome: .ok, latencyMs: 5), in: &teams)
        TeamProgress.record(.finished(team: "alpha", outcome: .timeout, latencyMs: 5), in: &teams)
        TeamProgress.record(.limitChanged(team: "alpha", line: "limit 4 → 2"), in: &teams)
        TeamProgress.record(.log("a line"), in: &teams)
        TeamProgress.record(.finished(team: "nobody", outcome: .ok, latencyMs: 1), in: &teams)
        let a = teams["alpha"]
        #expect(a?.done == 5 && a?.failed == 1 && a?.doneThisInvocation == 2 && a?.limitChanges == 1)
        #expect(teams.count == 1, "an unknown team is not added")
    }
}
