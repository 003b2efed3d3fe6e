import Foundation
import SaimaEndpointServer
import SaimaBase
import SaimaModel
import SaimaRunner
import Testing

/// The baseline server around the personas: its key, its routes, its latency, what it makes of requests that are not
/// the runner's, and the demo's fleet of servers.
@Suite("Baseline server: key, routes, odd requests, fleet")
struct BaselineServerTests {
    typealias Fixture = BaselineFixture
    static let invalidKey = #"{"error":{"message":"invalid api key","type":"invalid_request_error"}}"#
    static let notFound = #"{"error":{"message":"not found","type":"invalid_request_error"}}"#

    /// With a required key, a chat request is answered only with `Authorization: Bearer <key>` (header name in any
    /// case); without it, with another key or without the scheme the answer is 401 with an OpenAI error body.
    @Test func aRequiredKeyIsCheckedOnEveryChatRequest() async throws {
        let server = try await BaselineServer.start(persona: .firstChoice, port: 0, requiredKey: "k-secret")
        try await serving(server) { server in
            let body = try Fixture.body(Fixture.capitalQuestion())
            for headers in [[], [("Authorization", "Bearer wrong")], [("Authorization", "k-secret")]] {
                let reply = try await RawHTTP.send(port: server.port, RawHTTP.request(
                    "POST", "/v1/chat/completions", headers: headers, body: body))
                #expect(reply.response?.status == 401 && reply.response?.text == Self.invalidKey, "\(headers)")
                #expect(reply.response?.headers["content-type"] == "application/json")
            }
            let answered = try await Fixture.ask(server, body, key: "k-secret")
            #expect(answered.status == 200 && Fixture.content(answered) == "答案：A")
            let shouted = try await RawHTTP.send(port: server.port, RawHTTP.request(
                "POST", "/v1/chat/completions", headers: [("AUTHORIZATION", "Bearer k-secret")], body: body))
            #expect(shouted.response?.status == 200)
        }
    }

    /// The runner's own request shape carries the key as the server requires it: 200 with the key, 401 without.
    @Test func theRunnersRequestsPassTheKeyCheck() async throws {
        let server = try await BaselineServer.start(persona: .keyword, port: 0, requiredKey: "k-runner")
        try await serving(server) { server in
            let transport = CurlMultiTransport()
            defer { transport.shutdown() }
            let endpoint = EndpointSettings(baseURL: server.baseURL, model: "keyword-baseline", timeoutSeconds: 30)
            let body = try Fixture.body(Fixture.capitalQuestion())
            for (key, status) in [("k-runner", 200), (nil, 401)] as [(String?, Int)] {
                let result = await transport.send(
                    HTTPRequest.chatCompletion(endpoint: endpoint, apiKey: key, body: body, maxResponseBytes: 1 << 20),
                    streaming: false)
                #expect(result.status == status && result.failure == nil)
            }
        }
    }

    /// `GET /v1/models` lists the one model (the persona's name, or the name given); other routes and methods get 404.
    @Test func modelsAreListedAndOtherRoutesAreNotFound() async throws {
        let named = try await BaselineServer.start(persona: .random, port: 0, model: "甲队-模型")
        try await serving(named) { server in
            let models = try await RawHTTP.send(port: server.port, RawHTTP.request("GET", "/v1/models"))
            #expect(models.response?.text
                == #"{"object":"list","data":[{"id":"甲队-模型","object":"model","owned_by":"saima"}]}"#)
            for (method, path) in [("POST", "/v1/embeddings"), ("GET", "/v1/chat/completions"), ("DELETE", "/v1/models")] {
                let reply = try await RawHTTP.send(port: server.port, RawHTTP.request(method, path))
                #expect(reply.response?.status == 404 && reply.response?.text == Self.notFound, "\(method) \(path)")
            }
            let query = try await RawHTTP.send(
                port: server.port,
                Fixture.chat(try Fixture.body(Fixture.capitalQuestion()), path: "/v1/chat/completions?x=1"))
            #expect(query.response?.status == 200, "the query string is not part of the route")
        }
        let plain = try await BaselineServer.start(persona: .keyword, port: 0)
        try await serving(plain) { server in
            let models = try await RawHTTP.send(port: server.port, RawHTTP.request("GET", "/v1/models"))
            #expect(models.response?.text
                == #"{"object":"list","data":[{"id":"keyword-baseline","object":"model","owned_by":"saima"}]}"#)
        }
    }

    /// A model name holding a quote gives valid JSON, the name intact, in the models list and in chat replies.
    @Test func aModelNameWithAQuoteStaysValidJSON() async throws {
        let server = try await BaselineServer.start(persona: .firstChoice, port: 0, model: #"say "hi""#)
        try await serving(server) { server in
            let models = try #require(
                try await RawHTTP.send(port: server.port, RawHTTP.request("GET", "/v1/models")).response)
            let chat = try await Fixture.ask(server, try Fixture.body(Fixture.capitalQuestion()))
            #expect(try JSONValue.parse(models.body)["data"]?.arrayValue?.first?["id"] == .string(#"say "hi""#))
            #expect(try JSONValue.parse(chat.body)["model"] == .string(#"say "hi""#))
        }
    }

    /// A body that is not a chat request (not JSON, empty, no user message) is still answered 200: the persona reads an
    /// empty question and says `无法回答。` (5 characters, 0 prompt tokens); a non-boolean `stream` is not streaming.
    @Test(arguments: ["not json", "", #"{"messages":"oops"}"#, #"{"messages":[{"role":"assistant","content":"A. x"}]}"#,
                      #"{"messages":[],"stream":"yes"}"#])
    func aRequestThatIsNotAChatIsAnsweredWithNoAnswer(body: String) async throws {
        let server = try await BaselineServer.start(persona: .firstChoice, port: 0)
        try await serving(server) { server in
            let response = try await Fixture.ask(server, Data(body.utf8))
            #expect(response.status == 200 && response.headers["content-type"] == "application/json")
            #expect(Fixture.content(response) == "无法回答。")
            let usage = try JSONValue.parse(response.body)["usage"]
            #expect(usage?["prompt_tokens"]?.numberValue == 0 && usage?["completion_tokens"]?.numberValue == 5)
        }
    }

    /// The question is the last user message; its text parts are joined by line breaks, other parts skipped.
    @Test func theLastUserMessageIsReadAndTextPartsAreJoined() async throws {
        let instruction = PromptTemplates.instruction(for: .singleChoice)
        let body = JSONValue.object([
            "model": .string("m"),
            "messages": .array([
                .object(["role": .string("system"), "content": .string("你是助手。")]),
                .object(["role": .string("user"), "content": .string("请判断上述说法是否正确。")]),
                .object(["role": .string("user"), "content": .array([
                    .object(["type": .string("text"), "text": .string("哪一项正确？\n\nA. 甲\nB. 乙")]),
                    .object([
                        "type": .string("image_url"),
                        "image_url": .object(["url": .string("data:image/png;base64,AA==")]),
                    ]),
                    .object(["type": .string("text"), "text": .string("C. 丙\n\n" + instruction)]),
                ])]),
                .object(["role": .string("assistant"), "content": .string("D. 丁")]),
            ]),
        ])
        let server = try await BaselineServer.start(persona: .firstChoice, port: 0)
        try await serving(server) { server in
            let response = try await Fixture.ask(server, Data(body.canonicalJSON.utf8))
            #expect(Fixture.content(response) == "答案：A")
            let text = "哪一项正确？\n\nA. 甲\nB. 乙\nC. 丙\n\n" + instruction
            #expect(try JSONValue.parse(response.body)["usage"]?["prompt_tokens"]?.numberValue == Double(text.count))
        }
    }

    /// With a latency, every chat reply waits at least that long.
    @Test func aLatencyDelaysEveryChatReply() async throws {
        let server = try await BaselineServer.start(persona: .firstChoice, port: 0, latency: .milliseconds(120))
        try await serving(server) { server in
            let clock = ContinuousClock()
            let start = clock.now
            let response = try await Fixture.ask(server, try Fixture.body(Fixture.capitalQuestion()))
            #expect(clock.now - start >= .milliseconds(120))
            #expect(Fixture.content(response) == "答案：A")
        }
    }

    /// The fleet serves exactly the submissions whose model is `<persona>-baseline`, each on its own server behind a
    /// fresh `demo-` key of its own, and points those submissions at their servers.
    @Test func theFleetServesPersonaSubmissionsBehindTheirOwnKeys() async throws {
        func submission(_ id: String, _ model: String) -> Submission {
            Submission(id: id, team: LocalizedText(zh: id, en: id), contact: nil, tracks: ["t"],
                       endpoint: EndpointSettings(baseURL: "http://remote.example/v1", model: model), path: "")
        }
        let all = [submission("alpha", "first-choice-baseline"), submission("beta", "gpt-4o"),
                   submission("gamma", "keyword-baseline"), submission("delta", "oracle-baseline")]
        let fleet = try await BaselineFleet.start(for: all)
        do {
            try #require(fleet.servers.count == 2)
            #expect(fleet.submissions.map(\.id) == ["alpha", "gamma"])
            #expect(fleet.submissions.map(\.endpoint.baseURL) == fleet.servers.map(\.baseURL))
            #expect(fleet.submissions.map(\.endpoint.model) == ["first-choice-baseline", "keyword-baseline"])
            let alphaKey = try #require(fleet.keys["alpha"])
            let gammaKey = try #require(fleet.keys["gamma"])
            #expect(fleet.keys.count == 2 && alphaKey != gammaKey)
            #expect(alphaKey.hasPrefix("demo-") && alphaKey.count == 13 && gammaKey.count == 13)
            let body = try Fixture.body(Fixture.capitalQuestion())
            #expect(Fixture.content(try await Fixture.ask(fleet.servers[0], body, key: alphaKey)) == "答案：A")
            #expect(try await Fixture.ask(fleet.servers[0], body, key: gammaKey).status == 401)
            #expect(try await Fixture.ask(fleet.servers[0], body).status == 401)
            let keyword = try await Fixture.ask(fleet.servers[1], body, key: gammaKey)
            #expect(Fixture.content(keyword) == "根据材料中与选项最接近的表述判断。\n答案：B")
        } catch {
            await fleet.stop()
            throw error
        }
        await fleet.stop()
    }
}
