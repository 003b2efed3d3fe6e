import Foundation
import SaimaEndpointServer
import SaimaBase
import SaimaModel
import SaimaRunner
import Synchronization
import Testing

@testable import SaimaJudging

/// The LLM reader against a real local judge server: a reading is accepted only with offered letters and a quote
/// that stands in the reply's own words; a quote copied from the question is sent back once with the problem.
@Suite("LLM reader of uncertain readings", .serialized)
struct LLMReaderTests {
    static let item = Item(
        id: "q1", type: .singleChoice, prompt: "下列城市中哪一个是直辖市？",
        choices: [Choice(letter: "A", text: "杭州"), Choice(letter: "B", text: "上海"), Choice(letter: "C", text: "广州")],
        answer: .letters("B"))
    static let track = Track(
        id: "t", name: .init(zh: "t", en: "t"), description: .init(zh: "", en: ""), weight: 1, questionSets: [], datasets: [],
        directories: [])

    /// A reader whose answer depends on the reply under reading; a second ask (after a rejection) is answered properly.
    final class FakeReader: Sendable {
        let calls = Mutex<Int>(0)
        var responder: LocalEndpointServer.Responder {
        { [self] request in
            calls.withLock { $0 += 1 }
            let body = (try? JSONValue.parse(request.body)) ?? .null
            let messages = body["messages"]?.arrayValue ?? []
            let prompt = messages.dropFirst().first?["content"]?.stringValue ?? ""
            let reasked = messages.count > 2
            let reply: String
            if prompt.contains("我倾向于上海") {
                reply = #"{"letters": "B", "quote": "我倾向于上海"}"#
            } else if prompt.contains("复述题目") {
                // First a quote from the question itself, then one from the reply.
                reply = reasked ? #"{"letters": "B", "quote": "也就是B"}"# : #"{"letters": "B", "quote": "下列城市中哪一个是直辖市"}"#
            } else if prompt.contains("两个都行") {
                reply = #"{"letters": "AB", "quote": "两个都行"}"#
            } else {
                reply = "不是 JSON"
            }
            return .json(200, ChatCompletionJSON.completion(content: reply, model: "reader"))
        }
        }
    }

    @Test func acceptsCheckedReadingsOnly() async throws {
        let fake = FakeReader()
        let server = try await LocalEndpointServer.start(responder: fake.responder)
        let transport = CurlMultiTransport()
        defer { transport.shutdown() }
        let client = JudgeClient(
            endpoint: EndpointSettings(baseURL: server.baseURL, model: "reader", maxConcurrency: 2), apiKey: nil,
            transport: transport, retry: RetryPolicy(maxAttempts: 1, baseDelay: 0.01))
        func read(_ reply: String) async -> LLMReader.Outcome {
            let prompt = ChatRequestBuilder(track: Self.track).promptText(for: Self.item)
            return await LLMReader.readOne(item: Self.item, question: prompt, sent: prompt, reply: reply, client: client)
        }
        guard case .read("B", let quote) = await read("这题不好说，我倾向于上海这个答案。") else {
            Issue.record("a quote from the reply is accepted")
            return
        }
        #expect(quote == "我倾向于上海")
        let before = fake.calls.withLock { $0 }
        guard case .read("B", _) = await read("复述题目：下列城市中哪一个是直辖市？我觉得是上海，也就是B。") else {
            Issue.record("after a rejected quote from the question, the second reply is accepted")
            return
        }
        #expect(fake.calls.withLock { $0 } == before + 2, "the quote copied from the question was sent back once")
        guard case .rejected = await read("两个都行，A和B。") else {
            Issue.record("two letters for a single-answer item are refused")
            return
        }
        guard case .rejected = await read("别的回答") else {
            Issue.record("a reply without the JSON object is refused")
            return
        }
        await server.stop()
    }
}

/// Issue 19 row 16: a judge's name names a sheet file, so it cannot leave `human-judging/` or repeat.
struct JudgeNameTests {
    @Test(arguments: ["../../x", "a/b", "..", ".hidden", "", "a\\b", "名\u{1B}]0;x\u{07}", String(repeating: "长", count: 65)])
    func row16UnsafeJudgeNamesAreRefused(name: String) {
        #expect(throws: DiagnosticsError.self) { try HumanJudging.checkJudgeNames([name]) }
    }

    @Test func row16AJudgeNamedTwiceIsRefusedAndPlainNamesPass() throws {
        #expect(throws: DiagnosticsError.self) { try HumanJudging.checkJudgeNames(["张评委", "张评委"]) }
        try HumanJudging.checkJudgeNames(["张评委", "judge-2", "Li Wei"])
    }
}
