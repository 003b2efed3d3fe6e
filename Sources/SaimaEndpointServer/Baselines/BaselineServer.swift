import Foundation
import Synchronization
import SaimaBase
/// Serves a baseline persona as an OpenAI-compatible endpoint: `POST /v1/chat/completions`
/// (plain or streamed) and `GET /v1/models`.
package enum BaselineServer {
    /// Starts the persona on `127.0.0.1:port`.
    /// With `requiredKey`, chat requests must carry `Authorization: Bearer <key>` (401 otherwise). With `latency`,
    /// every chat reply waits that long first (a remote model's time to answer).
    package static func start(persona: BaselinePersona, port: Int, model: String? = nil, requiredKey: String? = nil,
                              latency: Duration = .zero) async throws -> LocalEndpointServer
    {
        let modelName = model ?? "\(persona.rawValue)-baseline"
        let attempts = AttemptCounter()
        return try await LocalEndpointServer.start(port: port) { request in
            if let requiredKey, request.headers["authorization"] != "Bearer \(requiredKey)" {
                return .json(401, ChatCompletionJSON.error("invalid api key", type: "invalid_request_error"))
            }
            if latency > .zero, request.method == "POST" { try? await Task.sleep(for: latency) }
            return await reply(to: request, persona: persona, model: modelName, attempts: attempts)
        }
    }

    static func reply(to request: EndpointRequest, persona: BaselinePersona, model: String, attempts: AttemptCounter)
        async -> EndpointReply
    {
        if request.method == "GET", request.path.hasSuffix("/models") {
            return .json(200, #"{"object":"list","data":[{"id":\#(ChatCompletionJSON.quoted(model)),"object":"model","owned_by":"saima"}]}"#)
        }
        guard request.method == "POST", request.path.hasSuffix("/chat/completions") else {
            return .json(404, ChatCompletionJSON.error("not found", type: "invalid_request_error"))
        }
        let question = BaselineQuestion(body: request.body)
        if persona == .flaky {
            // Deterministic misbehaviour: a share of questions fail on their first attempt only,
            // so that retries recover them; a share of answers are slow.
            let attempt = attempts.next(question.seed)
            switch question.seed % 10 {
            case 0 where attempt == 1:
                return .json(429, ChatCompletionJSON.error("rate limited", type: "rate_limit"), headers: ["Retry-After": "1"])
            case 1 where attempt == 1:
                return .json(500, ChatCompletionJSON.error("upstream error", type: "server_error"))
            case 2: try? await Task.sleep(for: .milliseconds(300))
            default: break
            }
        }
        let content = persona.answer(question)
        let streamed = (try? JSONValue.parse(request.body))?["stream"]?.boolValue
        if streamed == true {
            return .eventStream(events: ChatCompletionJSON.streamEvents(content: content, model: model), delay: .zero)
        }
        return .json(200, ChatCompletionJSON.completion(
            content: content, model: model, promptTokens: question.fullText.count, completionTokens: content.count))
    }
}

/// How many times each question was asked (for the flaky persona's first-attempt failures).
final class AttemptCounter: Sendable {
    let counts = Mutex<[UInt64: Int]>([:])
    func next(_ key: UInt64) -> Int {
        counts.withLock { c in
            c[key, default: 0] += 1
            return c[key]!
        }
    }
}
