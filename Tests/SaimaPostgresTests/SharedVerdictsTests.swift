import Foundation
import SaimaBase
import SaimaModel
import SaimaStorage
import SaimaTestSupport
import Synchronization
import Testing

@testable import SaimaJudging
@testable import SaimaPostgres

/// Judge verdicts shared in PostgreSQL (a real server started here): the first verdict saved for an answer stays;
/// two hosts judging the same answer into their own run folders pay for it once — the second reads it from the
/// shared store and keeps a copy in its folder, where scoring reads it — and when both judged it at once, both folders
/// end up with the verdict stored first.
@Suite("Shared judge verdicts", .serialized)
struct SharedVerdictsTests {
    /// A judge that always gives the same valid verdict and counts its calls.
    final class CountingChat: JudgeChat {
        let model = "shared-judge"
        let maxConcurrency = 1
        let calls = Mutex(0)
        func complete(_ messages: [JSONValue]) async throws -> Result<String, JudgeCallError> {
            calls.withLock { $0 += 1 }
            return .success(#"{"criteria":[{"id":"c1","points":2,"justification":"ok"}],"comment":"ok"}"#)
        }
        var count: Int { calls.withLock { $0 } }
    }

    static func entry(_ verdict: String, score: Double) -> JudgeCacheEntry {
        JudgeCacheEntry(judgeModel: "m", templateVersion: "v", itemKey: "t/s/g1@abc", answerHash: "h1", status: .ok,
                        score: score, verdict: verdict, calls: 1)
    }

    @Test func hostsShareVerdictsAndTheFirstStays() async throws {
        let pg = try PostgresServer.start()
        defer { pg.stop() }
        let shared = try await SharedRunStore.open(try StoreLocation.parse(pg.url).get(), connectSeconds: 120)

        try await shared.save(Self.entry("first", score: 0.5))
        try await shared.save(Self.entry("second", score: 1))
        #expect(try await shared.verdict(model: "m", template: "v", itemKey: "t/s/g1@abc", answerHash: "h1")?.verdict == "first",
                "the first verdict saved for an answer stays")
        #expect(try await shared.verdict(model: "m", template: "v", itemKey: "t/s/g1@abc", answerHash: "other") == nil)

        let item = Item(id: "g1", type: .generation, prompt: "请说明。", answer: .texts(["参考"]),
                        rubric: Rubric(criteria: [.init(id: "c1", description: "要点", points: 2)]))
        let set = QuestionSet(id: "s", trackID: "t", file: "", path: "", trackDirectory: "", pilotUnit: .init(zh: "x", en: "x"),
                              split: .dev, weight: 1, items: [item], contentHash: "")
        let track = Track(id: "t", name: .init(zh: "t", en: "t"), description: .init(zh: "", en: ""), weight: 1,
                          questionSets: [set], datasets: [], directories: [])
        let chat = CountingChat()
        let hostA = try RunStore(folder: NSTemporaryDirectory() + "saima-host-a-\(UUID().uuidString)")
        let hostB = try RunStore(folder: NSTemporaryDirectory() + "saima-host-b-\(UUID().uuidString)")
        let onA = try await PointwiseJudge(client: chat, cache: LayeredVerdictCache(local: hostA, shared: shared))
            .grade(item: item, track: track, set: set, answer: "同一个回答")
        #expect(onA.source == .judge && chat.count == 1)
        let onB = try await PointwiseJudge(client: chat, cache: LayeredVerdictCache(local: hostB, shared: shared))
            .grade(item: item, track: track, set: set, answer: "同一个回答")
        #expect(onB.source == .cache && chat.count == 1, "the second host pays nothing")
        #expect(onB.entry == onA.entry)
        let copied = try hostB.judgeCache(
            model: onA.entry.judgeModel, template: onA.entry.templateVersion, itemKey: onA.entry.itemKey, answerHash: onA.entry.answerHash)
        #expect(copied == onA.entry, "the second host's folder keeps the verdict it used, for scoring and round verify")

        // A race: host B judged the same answer before seeing A's verdict; B's folder keeps A's (stored first).
        let raced = LayeredVerdictCache(local: hostB, shared: shared)
        try await raced.save(Self.entry("late", score: 0))
        #expect(try hostB.judgeCache(model: "m", template: "v", itemKey: "t/s/g1@abc", answerHash: "h1")?.verdict == "first")
        await shared.close()
    }
}
