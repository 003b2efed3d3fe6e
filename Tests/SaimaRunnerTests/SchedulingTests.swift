import Foundation
import SaimaEndpointServer
import SaimaBase
import SaimaModel
import SaimaRunner
import SaimaStorage
import Testing

/// Rate limits and fairness between teams, against a real local endpoint.
@Suite("Scheduling: rate limits and fairness", .serialized)
struct SchedulingTests {
    static func server() async throws -> LocalEndpointServer {
        try await LocalEndpointServer.start { _ in
            .json(200, ChatCompletionJSON.completion(content: "答案：A", model: "m"))
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

    /// What the fairness server saw: the slow team's requests are held until every fast request
    /// has arrived, so a scheduler that let the slow team take the fast team's slots would
    /// deadlock into the safety timeout instead.
    actor FairnessLog {
        var fastArrived = 0
        var slowArrived = 0
        var slowArrivedWhenFastCompleted: Int?
        var heldUntilTimeout = 0

        func arrive(fast: Bool) {
            if fast { fastArrived += 1 } else { slowArrived += 1 }
            if fast && fastArrived == SchedulingTests.fairnessItems { slowArrivedWhenFastCompleted = slowArrived }
        }
        var allFastArrived: Bool { fastArrived >= SchedulingTests.fairnessItems }
        func timedOut() { heldUntilTimeout += 1 }
    }

    static let fairnessItems = 24

    @Test func aSlowTeamDoesNotStarveAFastOne() async throws {
        let harness = RunnerHarness()
        defer { harness.remove() }
        let log = FairnessLog()
        let server = try await LocalEndpointServer.start { request in
            let body = (try? JSONValue.parse(request.body)) ?? .null
            let fast = body["model"] != .string("slow-model")
            await log.arrive(fast: fast)
            // Slow requests wait for every fast one; fast ones wait for the first slow one, so the
            // two teams are certain to overlap. 10 s safety limit either way.
            var released = false
            for _ in 0..<500 where !released {
                released = fast ? await log.slowArrived > 0 : await log.allFastArrived
                if !released { try? await Task.sleep(for: .milliseconds(20)) }
            }
            if !released { await log.timedOut() }
            return .json(200, ChatCompletionJSON.completion(content: "答案：A", model: "m"))
        }
        let slow = RunnerHarness.submission(server, team: "slow", concurrency: 2, timeout: 30, model: "slow-model")
        // 30 s like the slow team: a fast request waits for the slow team's first one, which a loaded machine delays.
        let fast = RunnerHarness.submission(server, team: "fast", concurrency: 4, timeout: 30)
        var options = RunnerOptions(retry: RetryPolicy(maxAttempts: 1))
        options.maxInFlight = 4  // the slow team can hold at most its own 2 of the 4 global slots
        let results = try await harness.run(
            prompts: (0..<Self.fairnessItems).map { "q\($0)" }, submissions: [slow, fast], options: options)
        await server.stop()
        #expect(results.values.filter { $0.key.team == "fast" && $0.outcome == .ok }.count == Self.fairnessItems)
        #expect(results.values.filter { $0.key.team == "slow" && $0.outcome == .ok }.count == Self.fairnessItems)
        // Every fast request was served while the slow team's first requests were still held,
        // and the slow team never had more than its own two requests out meanwhile.
        #expect(await log.heldUntilTimeout == 0)
        let slowMeanwhile = try #require(await log.slowArrivedWhenFastCompleted)
        #expect(slowMeanwhile >= 1 && slowMeanwhile <= 2, "slow requests out while fast ran: \(slowMeanwhile)")
    }
}
