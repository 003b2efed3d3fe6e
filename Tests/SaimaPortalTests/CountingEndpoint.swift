import Foundation
import SaimaEndpointServer
import Synchronization

/// A real local OpenAI-compatible endpoint (SwiftNIO, 127.0.0.1) that requires one API key, answers every question
/// with `答案：A` after `delay`, and counts the requests it received per question prompt, so tests can see that the
/// key arrived and that no question was asked twice.
final class CountingEndpoint: Sendable {
    let server: LocalEndpointServer

    static func start(key: String, delay: Duration = .zero) async throws -> CountingEndpoint {
        let tally = Tally()
        let server = try await LocalEndpointServer.start(port: 0, threads: 2) { request in
            guard request.headers["authorization"] == "Bearer \(key)" else {
                return .json(401, ChatCompletionJSON.error("invalid api key", type: "invalid_request_error"))
            }
            let prompt = lastUserText(request.body)
            if prompt.contains("哪一项是正确的") { tally.add(prompt) }
            if delay > .zero { try? await Task.sleep(for: delay) }
            let answer = prompt.contains("赛马评测中文往返测试") ? "赛马评测中文往返测试" : "分析如下。\n答案：A"
            return .json(200, ChatCompletionJSON.completion(content: answer, model: "counting"))
        }
        return CountingEndpoint(server: server, tally: tally)
    }

    let tally: Tally

    private init(server: LocalEndpointServer, tally: Tally) {
        self.server = server
        self.tally = tally
    }

    var baseURL: String { server.baseURL }
    /// Requests received per question prompt.
    var questionCounts: [String: Int] { tally.counts.withLock { $0 } }

    func stop() async { await server.stop() }

    /// The counter shared by the responder and the test.
    final class Tally: Sendable {
        let counts = Mutex<[String: Int]>([:])
        func add(_ prompt: String) { counts.withLock { $0[prompt, default: 0] += 1 } }
    }
}

/// The text of the last user message of a chat request body.
func lastUserText(_ body: Data) -> String {
    guard let json = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
          let messages = json["messages"] as? [[String: Any]] else { return "" }
    for m in messages.reversed() where (m["role"] as? String) == "user" {
        if let text = m["content"] as? String { return text }
        if let parts = m["content"] as? [[String: Any]] { return parts.compactMap { $0["text"] as? String }.joined() }
    }
    return ""
}
