import Foundation
import SaimaModel
import SaimaStorage
import Testing

/// Reading the current results back: key order whatever the insertion order, every stored field, the `attempts: false`
/// and `filter` shortcuts, the per-row outcome walk, and the run's meta values.
@Suite("Current results")
struct CurrentResultsTests {
    typealias F = StorageFixture

    /// Current results come back ordered by team, track, set, item and sample.
    @Test func currentResultsAreInKeyOrder() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        _ = try store.appendResults([
            F.result("a", team: "b"), F.result("z", team: "a", sample: 1), F.result("z", team: "a"),
            F.result("b", team: "a"),
        ])
        let order = try store.currentResults().map(\.key.description)
        #expect(order == ["a/law/s/b#0", "a/law/s/z#0", "a/law/s/z#1", "b/law/s/a#0"])
    }

    /// Status, attempts with their detail, latency, time to first token, usage, detail, hashes and the finishing time
    /// are read back as written.
    @Test func everyFieldIsReadBack() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        let result = ItemResult(
            key: F.key("q"), outcome: .ok, httpStatus: 200,
            attempts: [
                AttemptRecord(status: 503, outcome: .http5xx, latencyMs: 40.25, detail: "上游繁忙"),
                AttemptRecord(status: 200, outcome: .ok, latencyMs: 80.5, detail: nil),
            ],
            latencyMs: 80.5, ttftMs: 7.75, content: "答：C", rawResponse: "{}", promptHash: "ph", templateVersion: "tv2",
            usage: (prompt: 120, completion: 9), detail: "retried once",
            finishedAt: Date(timeIntervalSince1970: 1_800_000_123.5))
        _ = try store.appendResults([result])
        let back = try #require(try store.currentResults().first)
        #expect(back.attempts == result.attempts)
        #expect(back.httpStatus == 200 && back.latencyMs == 80.5 && back.ttftMs == 7.75)
        #expect(back.content == "答：C" && back.rawResponse == "{}" && back.detail == "retried once")
        #expect(back.promptHash == "ph" && back.templateVersion == "tv2")
        #expect(back.usage?.prompt == 120 && back.usage?.completion == 9)
        #expect(back.finishedAt == Date(timeIntervalSince1970: 1_800_000_123.5))
    }

    /// `attempts: false` leaves attempts empty, and `filter` sees each key and outcome and skips what it refuses.
    @Test func theAttemptsShortcutAndTheFilter() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        _ = try store.appendResults([F.result("a"), F.result("b", .timeout, content: nil), F.result("c", team: "u")])
        let light = try store.currentResults(attempts: false)
        #expect(light.count == 3 && light.allSatisfy { $0.attempts.isEmpty })
        let chosen = try store.currentResults(filter: { key, outcome in key.team == "t" && outcome == .ok })
        #expect(chosen.map(\.key.item) == ["a"] && chosen.first?.attempts.count == 1)
    }

    /// `forEachOutcome` hands over the team, outcome and latency of current rows only.
    @Test func theOutcomeWalkSeesCurrentRowsOnly() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        _ = try store.appendResults([F.result("a", .timeout, content: nil, latencyMs: 30_000), F.result("b", team: "u")])
        _ = try store.appendResults([F.result("a", latencyMs: 250)])
        var seen: [String] = []
        try store.forEachOutcome { team, outcome, latency in seen.append("\(team) \(outcome.rawValue) \(latency)") }
        #expect(seen.sorted() == ["t ok 250.0", "u ok 12.5"])
    }

    /// A meta value is absent until set, and setting it again replaces it.
    @Test func metaValuesAreUpserted() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        #expect(try store.meta("chain_head") == nil)
        try store.setMeta("chain_head", "abc")
        try store.setMeta("chain_head", "def")
        try store.setMeta("manifest", "{\"round\":\"初赛\"}")
        #expect(try store.meta("chain_head") == "def" && store.meta("manifest") == "{\"round\":\"初赛\"}")
    }
}
