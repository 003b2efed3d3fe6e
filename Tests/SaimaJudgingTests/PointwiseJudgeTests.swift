import Foundation
import SaimaEndpointServer
import SaimaBase
import SaimaModel
import SaimaRunner
import SaimaStorage
import Synchronization
import Testing

@testable import SaimaJudging

/// A fake judge: a real local HTTP server whose verdict depends on the answer it is shown.
final class FakeJudge: Sendable {
    let calls = Mutex<Int>(0)

    var responder: LocalEndpointServer.Responder {
        { [self] request in
            calls.withLock { $0 += 1 }
            let body = (try? JSONValue.parse(request.body)) ?? .null
            let messages = body["messages"]?.arrayValue ?? []
            let prompt = messages.dropFirst().first?["content"]?.stringValue ?? ""
            let reasked = messages.count > 2
            let valid = #"{"criteria":[{"id":"c1","points":3,"justification":"要点齐全"},{"id":"c2","points":1,"justification":"表达一般"}],"comment":"良好"}"#
            let reply: String
            if prompt.contains("完美回答") {
                reply = "评审结果如下：\n```json\n\(valid)\n```"
            } else if prompt.contains("格式错误") {
                reply = reasked ? valid : "我认为这个回答不错，给 8 分。"
            } else if prompt.contains("分数越界") {
                reply = #"{"criteria":[{"id":"c1","points":9},{"id":"c2","points":1}]}"#
            } else {
                reply = "not json at all"
            }
            return .json(200, ChatCompletionJSON.completion(content: reply, model: "judge"))
        }
    }
}

@Suite("LLM judge against a real local judge server", .serialized)
struct PointwiseJudgeTests {
    static let rubric = Rubric(criteria: [.init(id: "c1", description: "要点完整", points: 3),
                                          .init(id: "c2", description: "表达清楚", points: 2)])

    static func fixture() -> (Track, QuestionSet, Item) {
        let item = Item(id: "g1", type: .generation, prompt: "请写一段说明。", answer: .texts(["参考答案"]), rubric: rubric)
        let set = QuestionSet(id: "s", trackID: "t", file: "", path: "", trackDirectory: "", pilotUnit: .init(zh: "x", en: "x"),
                              split: .dev, weight: 1, items: [item], contentHash: "")
        let track = Track(id: "t", name: .init(zh: "t", en: "t"), description: .init(zh: "", en: ""), weight: 1,
                          questionSets: [set], datasets: [], directories: [])
        return (track, set, item)
    }

    @Test func validMalformedReaskedAndCachedVerdicts() async throws {
        let fake = FakeJudge()
        let server = try await LocalEndpointServer.start(responder: fake.responder)
        let folder = NSTemporaryDirectory() + "saima-judge-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try RunStore(folder: folder)
        let transport = CurlMultiTransport()
        defer { transport.shutdown() }
        let client = JudgeClient(
            endpoint: EndpointSettings(baseURL: server.baseURL, model: "judge-m", maxConcurrency: 2),
            apiKey: nil, transport: transport, retry: RetryPolicy(maxAttempts: 2, baseDelay: 0.01))
        let judge = PointwiseJudge(client: client, cache: store)
        let (track, set, item) = Self.fixture()

        let perfect = try await judge.grade(item: item, track: track, set: set, answer: "完美回答")
        #expect(perfect.entry.status == .ok && perfect.entry.score == 0.8 && perfect.entry.calls == 1)
        let reasked = try await judge.grade(item: item, track: track, set: set, answer: "格式错误")
        #expect(reasked.entry.status == .ok && reasked.entry.calls == 2)
        let broken = try await judge.grade(item: item, track: track, set: set, answer: "总是错误")
        #expect(broken.entry.status == .judgeError && broken.entry.calls == 2)
        #expect(broken.entry.verdict.contains("no JSON object"))
        let outOfRange = try await judge.grade(item: item, track: track, set: set, answer: "分数越界")
        #expect(outOfRange.entry.status == .judgeError)
        #expect(outOfRange.entry.verdict.contains("from 0 to 3"))
        let callsAfterFirstPass = fake.calls.withLock { $0 }
        #expect(callsAfterFirstPass == 1 + 2 + 2 + 2)

        // A second pass is served from the cache: zero judge calls.
        for answer in ["完美回答", "格式错误", "总是错误", "分数越界"] {
            let again = try await judge.grade(item: item, track: track, set: set, answer: answer)
            #expect(again.source == .cache)
        }
        #expect(fake.calls.withLock { $0 } == callsAfterFirstPass)
        await server.stop()
    }

    @Test func verdictValidation() {
        let ok = JudgeVerdict.parse(#"{"criteria":[{"id":"c1","points":1.5},{"id":"c2","points":2}]}"#, rubric: Self.rubric)
        #expect((try? ok.get())?.score == 0.7)
        for bad in [#"{"criteria":[{"id":"c1","points":1}]}"#, #"{"criteria":[{"id":"c9","points":1}]}"#,
                    #"{"criteria":[{"id":"c1","points":-1},{"id":"c2","points":1}]}"#,
                    #"{"criteria":[{"id":"c1","points":1},{"id":"c1","points":1},{"id":"c2","points":1}]}"#, "{}"] {
            #expect((try? JudgeVerdict.parse(bad, rubric: Self.rubric).get()) == nil, "\(bad)")
        }
    }
}
