import Foundation
import SaimaEndpointServer
import SaimaBase
import SaimaModel
import SaimaRunner
import SaimaStorage
import Testing

/// The runner against a real local HTTP server that behaves like good and broken endpoints.
@Suite("Runner against a real local endpoint", .serialized)
struct RunnerBehaviourTests {
    /// `busy` requests hold until this many are in flight at once (or all have arrived).
    static let busyWidth = 3
    static let busyTotal = 24

    /// Behaviour chosen by the first line of the prompt. A request counts as in flight from its
    /// arrival until its reply is ready; the count drops before the reply is sent, so the client
    /// cannot start another request before the log has seen this one end.
    static func responder(_ log: EndpointLog) -> LocalEndpointServer.Responder {
        return { request in
            let body = (try? JSONValue.parse(request.body)) ?? .null
            let prompt = RunnerHarness.prompt(of: body)
            let attempt = await log.begin(prompt: prompt, authorization: request.headers["authorization"], body: body)
            let reply = await Self.reply(prompt: prompt, attempt: attempt, request: request, log: log)
            await log.end()
            return reply
        }
    }

    static func reply(prompt: String, attempt: Int, request: EndpointRequest, log: EndpointLog) async -> EndpointReply {
        let ok = EndpointReply.json(200, ChatCompletionJSON.completion(content: "答案：\(prompt)", model: "m"))
        switch prompt {
        case "ok": return ok
        case "stream":
            return .eventStream(events: ChatCompletionJSON.streamEvents(content: "流式回答完成", model: "m"), delay: .milliseconds(20))
        case "429-once":
            return attempt == 1 ? .json(429, ChatCompletionJSON.error("slow down", type: "rate_limit"), headers: ["Retry-After": "1"]) : ok
        case "500-once": return attempt == 1 ? .json(500, "{}") : ok
        case "always-500": return .json(503, "{}")
        case "slow":
            try? await Task.sleep(for: .seconds(8))
            return ok
        case "reset": return .closeConnection
        case "huge": return .huge(bytes: 1 << 20)
        case "not-json": return .json(200, "<html><script>alert(1)</script></html>")
        case "null-content":
            return .json(200, #"{"choices":[{"index":0,"message":{"role":"assistant","content":null}}]}"#)
        case "no-choices": return .json(200, #"{"choices":[]}"#)
        case "truncated": return .truncated(announced: 500, body: Data(#"{"choices":[{"mess"#.utf8))
        case "bad-utf8": return .body(status: 200, contentType: "application/json", body: Data([0x7B, 0xFF, 0xFE, 0x7D]), headers: [:])
        case "needs-key":
            return request.headers["authorization"] == "Bearer right-key"
                ? ok : .json(401, ChatCompletionJSON.error("invalid api key", type: "auth"))
        case "busy":
            // A barrier: hold until `busyWidth` requests are in flight together (or every
            // `busy` request has arrived), with a one-second safety limit; then hold 20 ms more so
            // that a runner over its limit would show a request beyond the width.
            for _ in 0..<100 {
                let (inFlight, arrived) = await (log.inFlight, log.requestsByPrompt["busy"] ?? 0)
                if inFlight >= busyWidth || arrived >= busyTotal { break }
                try? await Task.sleep(for: .milliseconds(10))
            }
            try? await Task.sleep(for: .milliseconds(20))
            return ok
        default: return .json(404, "{}")
        }
    }

    func withServer<T>(_ body: (LocalEndpointServer, EndpointLog) async throws -> T) async throws -> T {
        let log = EndpointLog()
        let server = try await LocalEndpointServer.start(responder: Self.responder(log))
        do {
            let value = try await body(server, log)
            await server.stop()
            return value
        } catch {
            await server.stop()
            throw error
        }
    }

    @Test func classifiesEveryKindOfAnswer() async throws {
        let harness = RunnerHarness()
        defer { harness.remove() }
        let prompts = ["ok", "500-once", "always-500", "reset", "huge", "not-json", "null-content", "no-choices",
                       "truncated", "bad-utf8", "slow"]
        try await withServer { server, log in
            var options = RunnerOptions(retry: RetryPolicy(maxAttempts: 2, baseDelay: 0.01, maxDelay: 0.05))
            options.maxResponseBytes = 64 * 1024
            let results = try await harness.run(
                prompts: prompts, submissions: [RunnerHarness.submission(server, timeout: 6)], options: options)
            // 6 s: under a loaded machine the 1 MB "huge" reply once took over 4 s to reach the 64 KB cap; "slow" waits 8 s.
            func check(_ prompt: String, _ outcome: Outcome, attempts: Int) {
                #expect(results[prompt]?.outcome == outcome, "\(prompt)")
                #expect(results[prompt]?.attempts.count == attempts, "\(prompt) attempts")
            }
            check("ok", .ok, attempts: 1)
            #expect(results["ok"]?.content == "答案：ok")
            #expect(results["ok"]?.usage?.prompt == 10)
            #expect(results["ok"]?.templateVersion == PromptTemplates.version)
            #expect(results["ok"]?.promptHash.count == 64)
            check("500-once", .ok, attempts: 2)
            #expect(results["500-once"]?.attempts.first?.status == 500)
            check("always-500", .http5xx, attempts: 2)
            check("reset", .connectError, attempts: 2)
            check("huge", .tooLarge, attempts: 1)
            check("not-json", .malformed, attempts: 1)
            #expect(results["not-json"]?.rawResponse?.contains("<script>") == true)
            check("null-content", .malformed, attempts: 1)
            check("no-choices", .malformed, attempts: 1)
            check("truncated", .malformed, attempts: 1)
            check("bad-utf8", .malformed, attempts: 1)
            check("slow", .timeout, attempts: 2)
            #expect(await log.requestsByPrompt["not-json"] == 1)
            #expect(await log.requestsByPrompt["always-500"] == 2)
        }
    }

    @Test func honoursRetryAfterOn429() async throws {
        let harness = RunnerHarness()
        defer { harness.remove() }
        try await withServer { server, log in
            let results = try await harness.run(prompts: ["429-once"], submissions: [RunnerHarness.submission(server)])
            #expect(results["429-once"]?.outcome == .ok)
            #expect(results["429-once"]?.attempts.map(\.status) == [429, 200])
            let times = await log.times["429-once"] ?? []
            #expect(times.count == 2)
            // Retry-After: 1 must be honoured although the backoff base is 10 ms.
            #expect(times[1].timeIntervalSince(times[0]) >= 0.9)
        }
    }

    @Test func streamsAndRecordsTimeToFirstToken() async throws {
        let harness = RunnerHarness()
        defer { harness.remove() }
        try await withServer { server, log in
            let results = try await harness.run(
                prompts: ["stream"], submissions: [RunnerHarness.submission(server, stream: true)])
            let result = try #require(results["stream"])
            #expect(result.outcome == .ok)
            #expect(result.content == "流式回答完成")
            let ttft = try #require(result.ttftMs)
            #expect(ttft > 0 && ttft < result.latencyMs)
            #expect(result.latencyMs >= 40)  // three more events 20 ms apart follow the first
            #expect(await log.bodies.first?["stream"] == .bool(true))
        }
    }

    @Test func sendsTheKeyFromTheEnvironmentAndDoesNotRetry401() async throws {
        let harness = RunnerHarness()
        defer { harness.remove() }
        try await withServer { server, log in
            let wrong = try await harness.run(
                prompts: ["needs-key"], submissions: [RunnerHarness.submission(server, keyEnv: "TEAM_KEY")],
                environment: { $0 == "TEAM_KEY" ? "wrong-key" : nil })
            #expect(wrong["needs-key"]?.outcome == .http4xx)
            #expect(wrong["needs-key"]?.attempts.count == 1)
            #expect(await log.authorizations == ["Bearer wrong-key"])
            // Nothing stored mentions the key.
            let stored = try RunStore(folder: harness.folder).currentResults()
            #expect(!stored.contains { "\($0.attempts)\($0.detail ?? "")\($0.rawResponse ?? "")".contains("wrong-key") })
        }
    }

    @Test func neverExceedsATeamsConcurrency() async throws {
        let harness = RunnerHarness()
        defer { harness.remove() }
        try await withServer { server, log in
            let prompts = (0..<Self.busyTotal).map { _ in "busy" }
            let results = try await harness.run(
                prompts: prompts, submissions: [RunnerHarness.submission(server, concurrency: Self.busyWidth)])
            #expect(results.values.allSatisfy { $0.outcome == .ok })
            #expect(await log.requestsByPrompt["busy"] == Self.busyTotal)
            // The server holds requests until the team's limit is reached, so the limit is used in
            // full and never passed: the peak is exactly the concurrency.
            #expect(await log.maxInFlight == Self.busyWidth)
        }
    }
}
