import Foundation
import SaimaEndpointServer
import SaimaModel
import SaimaRunner
import SaimaStorage
import Testing

/// Rate limits and fairness between teams, against a real local endpoint.
@Suite("Scheduling: rate limits and fairness", .serialized)
struct SchedulingTests {
    static func server() async throws -> LocalEndpointServer {
        try await LocalEndpointServer.start { request in
            let body = (try? JSONValue.parse(request.body)) ?? .null
            if body["model"] == .string("slow-model") { try? await Task.sleep(for: .milliseconds(300)) }
            return .json(200, ChatCompletionJSON.completion(content: "答案：A", model: "m"))
        }
    }

    @Test func requestsPerMinuteIsATokenBucket() async throws {
        let harness = RunnerHarness()
        defer { harness.remove() }
        let server = try await Self.server()
        let start = Date()
        // 600/min = 10 per second with a burst of 10: the 15th request cannot start before ~0.5 s.
        let results = try await harness.run(
            prompts: (0..<15).map { "q\($0)" },
            submissions: [RunnerHarness.submission(server, concurrency: 8, requestsPerMinute: 600)])
        let elapsed = Date().timeIntervalSince(start)
        await server.stop()
        #expect(results.count == 15 && results.values.allSatisfy { $0.outcome == .ok })
        #expect(elapsed >= 0.4, "15 requests at 10/s with a burst of 10 took only \(elapsed) s")
    }

    @Test func aSlowTeamDoesNotStarveAFastOne() async throws {
        let harness = RunnerHarness()
        defer { harness.remove() }
        let server = try await Self.server()
        let slow = RunnerHarness.submission(server, team: "slow", concurrency: 2, model: "slow-model")
        let fast = RunnerHarness.submission(server, team: "fast", concurrency: 4)
        var options = RunnerOptions(retry: RetryPolicy(maxAttempts: 1))
        options.maxInFlight = 4  // the slow team can hold at most its own 2 of the 4 global slots
        let results = try await harness.run(
            prompts: (0..<24).map { "q\($0)" }, submissions: [slow, fast], options: options)
        await server.stop()
        let fastDone = results.values.filter { $0.key.team == "fast" }.map(\.finishedAt).max()!
        let slowDone = results.values.filter { $0.key.team == "slow" }.map(\.finishedAt).max()!
        #expect(results.values.filter { $0.key.team == "fast" }.count == 24)
        // 24 slow requests at 0.3 s, two at a time, take ≥ 3.6 s; the fast team is done long before.
        #expect(fastDone.addingTimeInterval(2) < slowDone)
    }
}
