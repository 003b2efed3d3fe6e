import Foundation
import SaimaEndpointServer
import SaimaBase
import SaimaModel
import SaimaRunner
import SaimaStorage
import Testing

@testable import SaimaJudging

@Suite("Pairwise battles in both orders", .serialized)
struct PairwiseJudgeTests {
    /// Stores one ok answer per team for the generation item of `PointwiseJudgeTests.fixture()`.
    static func store(answers: [String: String]) async throws -> (RunStore, String) {
        let folder = NSTemporaryDirectory() + "saima-battle-" + UUID().uuidString
        let store = try RunStore(folder: folder)
        let writer = try ResultWriter(store: store)
        for (team, content) in answers {
            writer.append(ItemResult(
                key: ResultKey(team: team, track: "t", set: "s", item: "g1", sample: 0), outcome: .ok, httpStatus: 200,
                attempts: [], latencyMs: 1, content: content, promptHash: "", templateVersion: "v"))
        }
        _ = try await writer.finish()
        return (store, folder)
    }

    static func client(_ server: LocalEndpointServer, _ transport: CurlMultiTransport) -> JudgeClient {
        JudgeClient(endpoint: EndpointSettings(baseURL: server.baseURL, model: "judge", maxConcurrency: 4), apiKey: nil,
                    transport: transport, retry: RetryPolicy(maxAttempts: 1))
    }

    static func answerText(_ prompt: String, _ label: String) -> String {
        guard let start = prompt.range(of: label) else { return "" }
        let rest = prompt[start.upperBound...]
        guard let open = rest.range(of: "<<<\n"), let close = rest.range(of: "\n>>>") else { return "" }
        return String(rest[open.upperBound..<close.lowerBound])
    }

    @Test func aJudgeThatAlwaysPrefersTheFirstAnswerYieldsOnlyTies() async throws {
        let server = try await LocalEndpointServer.start { _ in
            .json(200, ChatCompletionJSON.completion(content: #"{"winner":"A","reason":"第一个更好"}"#, model: "judge"))
        }
        let (store, folder) = try await Self.store(answers: ["x": "甲的回答", "y": "乙的回答", "z": "丙的回答"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let transport = CurlMultiTransport()
        defer { transport.shutdown() }
        let (track, _, _) = PointwiseJudgeTests.fixture()
        let summary = try await RunBattles.run(store: store, tracks: [track], client: Self.client(server, transport),
                                               perItem: nil, seed: 1)
        await server.stop()
        #expect(summary.battles.count == 3)
        #expect(summary.battles.allSatisfy { $0.winner == .tie })
        #expect(summary.calls == 6)  // both orders of each pair
    }

    @Test func aConsistentJudgeDecidesAndIsCached() async throws {
        // Prefers the longer answer, whatever its position.
        let server = try await LocalEndpointServer.start { request in
            let body = (try? JSONValue.parse(request.body)) ?? .null
            let prompt = body["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
            let a = Self.answerText(prompt, "【回答 A / Answer A】")
            let b = Self.answerText(prompt, "【回答 B / Answer B】")
            let winner = a.count == b.count ? "tie" : a.count > b.count ? "A" : "B"
            return .json(200, ChatCompletionJSON.completion(content: #"{"winner":"\#(winner)"}"#, model: "judge"))
        }
        let (store, folder) = try await Self.store(answers: ["long": "一个详细而完整的回答", "short": "短"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let transport = CurlMultiTransport()
        defer { transport.shutdown() }
        let (track, _, _) = PointwiseJudgeTests.fixture()
        let client = Self.client(server, transport)
        let first = try await RunBattles.run(store: store, tracks: [track], client: client, perItem: nil, seed: 1)
        #expect(first.battles == [Battle(a: "long", b: "short", winner: .a)])
        let second = try await RunBattles.run(store: store, tracks: [track], client: client, perItem: nil, seed: 1)
        #expect(second.calls == 0)
        #expect(second.battles == first.battles)
        await server.stop()
    }
}
