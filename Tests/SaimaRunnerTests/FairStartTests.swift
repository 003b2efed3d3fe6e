import Foundation
import SaimaEndpointServer
import SaimaModel
import SaimaRunner
import Synchronization
import Testing

/// Issue 19 row 7: a fair start. A slow team that starts first cannot take the slots another team needs for its first
/// request, and a never-answering team without a timeout ceiling cannot starve an honest one.
@Suite("Fair start of the global budget", .serialized)
struct FairStartTests {
    @Test func aRegisteredTeamKeepsOneSlotUntilItHoldsOne() async throws {
        let limiter = FairShareLimiter(limit: 4, teams: 2)
        limiter.register(team: "slow", workers: 16)
        limiter.register(team: "fast", workers: 2)
        for _ in 0..<3 { try await limiter.acquire(team: "slow") }
        // Slow is beyond its share (2) and fast holds nothing: the last slot is fast's.
        let slowWaiter = Task { try await limiter.acquire(team: "slow") }
        try await Task.sleep(for: .milliseconds(50))
        #expect(limiter.held(by: "slow") == 3, "the reserved slot is not given to the team beyond its share")
        try await limiter.acquire(team: "fast")
        #expect(limiter.held(by: "fast") == 1, "fast's first request goes at once")
        // When fast has no more work, its reservation ends with its last worker.
        limiter.release(team: "fast")
        limiter.workerDone(team: "fast")
        limiter.workerDone(team: "fast")
        try await slowWaiter.value
        #expect(limiter.held(by: "slow") == 4)
    }

    @Test func aSlowTeamHoldingEverySlotLetsAnotherTeamsFirstRequestThroughAtOnce() async throws {
        let firstFast = Mutex<Date?>(nil)
        let firstSlow = Mutex<Date?>(nil)
        let slow = try await LocalEndpointServer.start { _ in
            firstSlow.withLock { if $0 == nil { $0 = Date() } }
            try? await Task.sleep(for: .seconds(4))
            return .json(200, ChatCompletionJSON.completion(content: "答案：A", model: "m"))
        }
        let fast = try await LocalEndpointServer.start { _ in
            firstFast.withLock { if $0 == nil { $0 = Date() } }
            return .json(200, ChatCompletionJSON.completion(content: "答案：B", model: "m"))
        }
        let harness = RunnerHarness()
        defer { harness.remove() }
        let options = RunnerOptions(maxInFlight: 4, retry: RetryPolicy(maxAttempts: 1, baseDelay: 0.01, maxDelay: 0.05))
        let results = try await harness.run(
            prompts: (0..<8).map { "问题\($0)" },
            submissions: [
                RunnerHarness.submission(slow, team: "slow", concurrency: 16, timeout: 30),
                RunnerHarness.submission(fast, team: "fast", concurrency: 2),
            ],
            options: options)
        await slow.stop()
        await fast.stop()
        // Measured from the first request the runner sent (the slow team's), so that setting up the run folder on a
        // loaded machine does not count as waiting.
        let start = try #require(firstSlow.withLock { $0 })
        let wait = try #require(firstFast.withLock { $0 }).timeIntervalSince(start)
        #expect(wait < 2, "fast's first request within a scheduling tick, not a 4 s reply (\(wait) s)")
        #expect(results.filter { $0.key.hasPrefix("fast:") }.allSatisfy { $0.value.outcome == .ok })
    }

    @Test func aNeverAnsweringTeamWithoutACeilingDoesNotStarveAnHonestOne() async throws {
        let hostile = try await LocalEndpointServer.start { _ in
            try? await Task.sleep(for: .seconds(3600))
            return .closeConnection
        }
        let served = Mutex(0)
        let honest = try await LocalEndpointServer.start { _ in
            served.withLock { $0 += 1 }
            return .json(200, ChatCompletionJSON.completion(content: "答案：B", model: "m"))
        }
        let harness = RunnerHarness()
        defer { harness.remove() }
        // No timeout ceiling given: the hostile team's requests would hold their slots for 600 s.
        let options = RunnerOptions(maxInFlight: 16, retry: RetryPolicy(maxAttempts: 1, baseDelay: 0.01, maxDelay: 0.05))
        let honestDone = Task {
            try await harness.run(
                prompts: (0..<30).map { "问题\($0)" },
                submissions: [
                    RunnerHarness.submission(hostile, team: "greedy", concurrency: 1000, timeout: 600),
                    RunnerHarness.submission(honest, team: "honest", concurrency: 4),
                ],
                options: options)
        }
        // The honest team's 30 answers arrive while the hostile team still holds its slots.
        let deadline = Date().addingTimeInterval(20)
        var answered = 0
        while Date() < deadline {
            answered = served.withLock { $0 }
            if answered == 30 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        honestDone.cancel()
        _ = try? await honestDone.value
        await hostile.stop()
        await honest.stop()
        #expect(answered == 30, "the honest endpoint served \(answered) of 30 requests within 20 s")
    }
}
