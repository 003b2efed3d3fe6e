import Foundation
import SaimaModel
import SaimaStorage
import Testing

/// Reads over answers for reports: slow answers per team (current ok rows at or above a threshold), latency with
/// completion tokens per team, and probe replies turned back into results keyed as the planner keys probes.
@Suite("Probes and latencies")
struct ProbeAndLatencyTests {
    typealias F = StorageFixture

    static func fill(_ store: RunStore) throws {
        _ = try store.appendResults([
            F.result("a", team: "t1", latencyMs: 1_500, usage: (prompt: 10, completion: 50)),
            F.result("b", team: "t1", latencyMs: 3_000),
            F.result("c", .timeout, content: nil, team: "t1", latencyMs: 9_000, usage: (prompt: 5, completion: 0)),
            F.result("d", team: "t1", latencyMs: 5_000, usage: (prompt: 3, completion: 300)),
            F.result("a", team: "t2", latencyMs: 999),
            F.result("b", team: "t2", latencyMs: 1_000, usage: (prompt: 1, completion: 7)),
        ])
        _ = try store.appendResults([F.result("d", team: "t1", latencyMs: 200, usage: (prompt: 3, completion: 30))])
    }

    /// Slow answers: ok, current, latency ≥ threshold; counted per team with the longest.
    @Test func slowAnswersPerTeam() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        try Self.fill(store)
        let slow = try store.slowAnswers(thresholdMs: 1_000)
        #expect(slow.keys.sorted() == ["t1", "t2"])
        #expect(slow["t1"]?.count == 2 && slow["t1"]?.maxMs == 3_000, "a and b; c timed out, d's slow row was superseded")
        #expect(slow["t2"]?.count == 1 && slow["t2"]?.maxMs == 1_000, "exactly at the threshold counts, 999 does not")
        #expect(try store.slowAnswers(thresholdMs: 10_000).isEmpty)
    }

    /// Latencies with tokens: current ok rows whose completion tokens are known.
    @Test func latenciesWithTokensPerTeam() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        try Self.fill(store)
        let latencies = try store.answerLatencies()
        #expect(latencies.keys.sorted() == ["t1", "t2"])
        #expect(latencies["t1"]?.map { "\($0.latencyMs)/\($0.tokens)" }.sorted() == ["1500.0/50", "200.0/30"])
        #expect(latencies["t2"]?.map { "\($0.latencyMs)/\($0.tokens)" } == ["1000.0/7"])
        // The floor is applied in the query: only answers of at least 30 completion tokens, and a team with none is absent.
        let long = try store.answerLatencies(minTokens: 30)
        #expect(long.keys.sorted() == ["t1"])
        #expect(long["t1"]?.map { "\($0.latencyMs)/\($0.tokens)" }.sorted() == ["1500.0/50", "200.0/30"])
    }

    /// A stored probe reply becomes a result under the probe track and set, its text whole (a NUL inside kept), HTTP
    /// 200 only when ok, completion tokens kept (prompt tokens unknown: 0), no prompt hash.
    @Test func probeRepliesBecomeResultsAgain() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        let key = ResultKey(team: "t", track: FingerprintProbes.trackID, set: FingerprintProbes.setID, item: "p1", sample: 0)
        try store.appendProbe(ItemResult(
            key: key, outcome: .ok, httpStatus: 200, attempts: [], latencyMs: 800, content: "指纹\u{0}回复", promptHash: "ph",
            templateVersion: "v1", usage: (prompt: 30, completion: 12),
            finishedAt: Date(timeIntervalSince1970: 1_800_000_000.25)))
        var failed = key
        failed.team = "u"
        failed.sample = 1
        try store.appendProbe(ItemResult(
            key: failed, outcome: .timeout, httpStatus: 0, attempts: [], latencyMs: 60_000, promptHash: "ph",
            templateVersion: "v1"))
        let replies = try store.probeReplies()
        #expect(replies.map { "\($0.team)/\($0.probe)/\($0.wave)" } == ["t/p1/0", "u/p1/1"])
        let back = try #require(replies.first?.asResult)
        #expect(back.key == key && back.outcome == .ok && back.httpStatus == 200 && back.content == "指纹\u{0}回复", "NUL kept")
        #expect(back.usage?.prompt == 0 && back.usage?.completion == 12 && back.latencyMs == 800)
        #expect(back.finishedAt == Date(timeIntervalSince1970: 1_800_000_000.25) && back.promptHash == "")
        let lost = try #require(replies.last?.asResult)
        #expect(lost.key == failed && lost.httpStatus == 0 && lost.usage == nil && lost.content == nil)
        #expect(try store.rowCount() == 0, "probes never enter the results")
    }
}
