import Foundation
import SaimaEndpointServer
import SaimaBase
import SaimaModel
import SaimaRunner
import Testing

/// What each baseline persona answers to the round's own prompts, to the character. The seeded personas (random,
/// rambling, echoing) draw from `SeededGenerator` seeded with the FNV-1a hash of the whole user text, so their
/// expected answers hold for these texts under `prompt-v2`; they were derived with a Python port of the personas
/// and of the generator.
@Suite("Baseline personas: exact answers")
struct BaselinePersonaTests {
    typealias Fixture = BaselineFixture

    /// Expected replies per persona and item; for the echoing persona's choice items, the tail after the echoed prompt.
    static let expected: [BaselinePersona: [String: String]] = [
        .firstChoice: [
            "single": "答案：A", "multi": "答案：AB", "trueFalse": "答案：正确", "trueFalseWithReference": "答案：正确",
            "numeric": "答案：12", "extraction": "{}", "short": "本合同由甲方张三签订。", "generation": "租金按月支付。",
        ],
        .keyword: [
            "single": "根据材料中与选项最接近的表述判断。\n答案：B", "multi": "答案：AB", "trueFalse": "答案：正确",
            "trueFalseWithReference": "答案：错误", "numeric": "答案：2.5", "extraction": "{}", "short": "本合同由甲方张三签订。",
            "generation": "合同的主要内容是租赁。合同由张三签订。乙方需按时回复。",
        ],
        .random: [
            "single": "答案：C", "multi": "答案：D", "trueFalse": "答案：错误", "trueFalseWithReference": "答案：正确",
            "numeric": "答案：3", "extraction": "{}", "short": "本合同由甲方张三签订。", "generation": "租金按月支付。",
        ],
        .rambling: [
            "single": "这道题要综合考虑。我倾向于“广州”这个说法。", "multi": "分析如上。\n答案：B",
            "trueFalse": "这个说法有一定道理，但也要看具体情况。", "trueFalseWithReference": "这个说法有一定道理，但也要看具体情况。",
            "numeric": "答案：3", "extraction": "{}", "short": "本合同由甲方张三签订。", "generation": "租金按月支付。",
        ],
        .echoing: [
            "single": "\n答案：B\n\n题目：下列哪一项属于本题考点的延伸？\nA. 甲说法\nB. 乙说法\nC. 丙说法\nD. 丁说法\n答案：A\n",
            "multi": "\n答案：AB\n\n题目：下列哪一项属于本题考点的延伸？\nA. 甲说法\nB. 乙说法\nC. 丙说法\nD. 丁说法\n答案：C\n",
            "trueFalse": "答案：正确", "trueFalseWithReference": "答案：错误", "numeric": "答案：2.5", "extraction": "{}",
            "short": "本合同由甲方张三签订。", "generation": "合同的主要内容是租赁。合同由张三签订。乙方需按时回复。",
        ],
    ]

    /// Every persona (the flaky one has its own tests) answers every item type exactly as defined, and reports the
    /// user text's and the answer's lengths in characters as its token counts.
    @Test(arguments: [BaselinePersona.firstChoice, .keyword, .random, .rambling, .echoing])
    func everyPersonaAnswersTheRoundsPromptsExactly(persona: BaselinePersona) async throws {
        try #require(PromptTemplates.version == "prompt-v2", "the expected answers were derived from prompt-v2's texts")
        let server = try await BaselineServer.start(persona: persona, port: 0)
        try await serving(server) { server in
            for (name, item) in Fixture.items.sorted(by: { $0.key < $1.key }) {
                let text = Fixture.builder.userText(for: item)
                var want = try #require(Self.expected[persona]?[name])
                if persona == .echoing, item.type.hasChoices { want = text + want }
                let response = try await Fixture.ask(server, try Fixture.body(item))
                let json = try JSONValue.parse(response.body)
                #expect(Fixture.content(response) == want, "\(persona.rawValue) on \(name)")
                #expect(json["model"]?.stringValue == "\(persona.rawValue)-baseline")
                #expect(json["usage"]?["prompt_tokens"]?.numberValue == Double(text.count))
                #expect(json["usage"]?["completion_tokens"]?.numberValue == Double(want.count))
            }
        }
    }

    /// A plain reply is exactly this chat completion body, as JSON.
    @Test func aPlainReplyIsThisExactChatCompletion() async throws {
        let server = try await BaselineServer.start(persona: .firstChoice, port: 0)
        try await serving(server) { server in
            let response = try await Fixture.ask(server, try Fixture.body(Fixture.capitalQuestion()))
            #expect(response.status == 200 && response.headers["content-type"] == "application/json")
            #expect(response.text == """
                {"id":"chatcmpl-local","object":"chat.completion","created":0,"model":"first-choice-baseline",\
                "choices":[{"index":0,"message":{"role":"assistant","content":"答案：A"},"finish_reason":"stop"}],\
                "usage":{"prompt_tokens":132,"completion_tokens":4,"total_tokens":136}}
                """)
        }
    }

    /// With `"stream": true` the reply is server-sent events: the answer in three pieces of ⌈n/3⌉ characters, a
    /// usage event (prompt tokens fixed at 10), then `[DONE]`.
    @Test func aStreamedReplyIsTheseExactEvents() async throws {
        let server = try await BaselineServer.start(persona: .firstChoice, port: 0)
        try await serving(server) { server in
            let response = try await Fixture.ask(server, try Fixture.body(Fixture.capitalQuestion(), stream: true))
            #expect(response.headers["content-type"] == "text/event-stream")
            let chunk = #"data: {"id":"chatcmpl-local","object":"chat.completion.chunk","model":"first-choice-baseline","#
            #expect(response.text == chunk + #""choices":[{"index":0,"delta":{"content":"答案"}}]}"# + "\n\n"
                + chunk + #""choices":[{"index":0,"delta":{"content":"：A"}}]}"# + "\n\n"
                + chunk + #""choices":[],"usage":{"prompt_tokens":10,"completion_tokens":4,"total_tokens":14}}"# + "\n\n"
                + "data: [DONE]\n\n")
        }
    }

    /// A 27-character streamed answer arrives as three 9-character deltas that join to the answer, and the runner's
    /// transport notes when its first content arrived.
    @Test func aLongStreamedAnswerJoinsFromItsDeltas() async throws {
        let server = try await BaselineServer.start(persona: .keyword, port: 0)
        try await serving(server) { server in
            let body = try Fixture.body(try #require(Fixture.items["generation"]), stream: true)
            let response = try await Fixture.ask(server, body)
            let events = response.text.components(separatedBy: "\n\n").filter { !$0.isEmpty }
            #expect(events.count == 5 && events.last == "data: [DONE]")
            let deltas = try events.dropLast(2).map { event in
                let chunk = try JSONValue.parse(String(event.dropFirst(6)))
                return try #require(chunk["choices"]?.arrayValue?.first?["delta"]?["content"]?.stringValue)
            }
            #expect(deltas == ["合同的主要内容是租", "赁。合同由张三签订", "。乙方需按时回复。"])
            #expect(deltas.joined() == "合同的主要内容是租赁。合同由张三签订。乙方需按时回复。")
            let usage = try JSONValue.parse(String(events[3].dropFirst(6)))["usage"]
            #expect(usage?["completion_tokens"]?.numberValue == 27 && usage?["total_tokens"]?.numberValue == 37)
            let transport = CurlMultiTransport()
            defer { transport.shutdown() }
            let result = await transport.send(HTTPRequest.chatCompletion(
                endpoint: EndpointSettings(baseURL: server.baseURL, model: "m", timeoutSeconds: 30), apiKey: nil, body: body,
                maxResponseBytes: 1 << 20), streaming: true)
            #expect(result.status == 200 && result.failure == nil && result.firstContentSeconds != nil)
        }
    }

    /// The random persona keeps no state: a second server answers every item as the first did.
    @Test func theRandomPersonaAnswersAlikeOnEveryServer() async throws {
        let first = try await BaselineServer.start(persona: .random, port: 0)
        try await serving(first) { first in
            let second = try await BaselineServer.start(persona: .random, port: 0)
            try await serving(second) { second in
                for (name, item) in Fixture.items {
                    let body = try Fixture.body(item)
                    let a = Fixture.content(try await Fixture.ask(first, body))
                    let b = Fixture.content(try await Fixture.ask(second, body))
                    #expect(a == b && a == Self.expected[.random]?[name], "\(name)")
                }
            }
        }
    }

    /// Flaky: a question whose seed ends in 0 gets 429 with `Retry-After: 1` on its first attempt, one ending in 1 gets
    /// 500; their second attempts, and any attempt at other questions, get the keyword answer. Attempts are counted
    /// per server.
    @Test func theFlakyPersonaFailsChosenQuestionsOnTheirFirstAttemptOnly() async throws {
        let keywordAnswer = "根据材料中与选项最接近的表述判断。\n答案：B"
        let rateLimited = try Fixture.body(Fixture.capitalQuestion("第11题："))  // FNV-1a seed ≡ 0 (mod 10)
        let failing = try Fixture.body(Fixture.capitalQuestion("第10题："))  // seed ≡ 1
        let plain = try Fixture.body(Fixture.capitalQuestion("第3题："))  // seed ≡ 3
        let server = try await BaselineServer.start(persona: .flaky, port: 0)
        try await serving(server) { server in
            let first = try await Fixture.ask(server, rateLimited)
            #expect(first.status == 429 && first.headers["retry-after"] == "1")
            #expect(first.text == #"{"error":{"message":"rate limited","type":"rate_limit"}}"#)
            #expect(Fixture.content(try await Fixture.ask(server, rateLimited)) == keywordAnswer)
            let error = try await Fixture.ask(server, failing)
            #expect(error.status == 500 && error.text == #"{"error":{"message":"upstream error","type":"server_error"}}"#)
            #expect(Fixture.content(try await Fixture.ask(server, failing)) == keywordAnswer)
            let once = try await Fixture.ask(server, plain)
            #expect(once.status == 200 && Fixture.content(once) == keywordAnswer)
        }
        let fresh = try await BaselineServer.start(persona: .flaky, port: 0)
        try await serving(fresh) { fresh in
            let again = try await Fixture.ask(fresh, rateLimited)
            #expect(again.status == 429, "a new server counts attempts afresh")
        }
    }

    /// Flaky: a question whose seed ends in 2 is answered, with no failure first, after at least 300 ms.
    @Test func theFlakyPersonaAnswersChosenQuestionsSlowly() async throws {
        let slow = try Fixture.body(Fixture.capitalQuestion("第2题："))  // FNV-1a seed ≡ 2 (mod 10)
        let server = try await BaselineServer.start(persona: .flaky, port: 0)
        try await serving(server) { server in
            let clock = ContinuousClock()
            let start = clock.now
            let response = try await Fixture.ask(server, slow)
            #expect(clock.now - start >= .milliseconds(300))
            #expect(response.status == 200 && Fixture.content(response) == "根据材料中与选项最接近的表述判断。\n答案：B")
        }
    }

    /// A request whose text asks for several right options but lists no lettered choices (hostile or broken) is
    /// answered by every persona, 200 with some content, and the server keeps serving: the personas index choices only
    /// when there are some.
    @Test(arguments: [BaselinePersona.random, .rambling, .echoing, .firstChoice, .keyword])
    func aMultiChoiceRequestWithoutChoicesIsAnswered(persona: BaselinePersona) async throws {
        let server = try await BaselineServer.start(persona: persona, port: 0)
        try await serving(server) { server in
            let first = try await Fixture.ask(server, Data(#"{"messages":[{"role":"user","content":"本题有一个或多个正确选项，请作答。"}]}"#.utf8))
            #expect(first.status == 200 && Fixture.content(first) != nil)
            let again = try await Fixture.ask(server, try Fixture.body(Fixture.capitalQuestion()))
            #expect(again.status == 200 && Fixture.content(again) != nil, "still serving")
        }
    }
}
