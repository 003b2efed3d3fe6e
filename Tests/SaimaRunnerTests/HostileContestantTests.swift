import Foundation
import SaimaEndpointServer
import SaimaModel
import SaimaRunner
import SaimaStorage
import Testing

/// Hostile contestants (issue 11's table, by row number) against the real runner and real local servers:
/// no value a server sends can trap the runner, and no team can keep the round from ending.
@Suite("Hostile contestants", .serialized)
struct HostileContestantTests {
    static let prompts = (0..<40).map { "问题\($0)" }

    static func reply(usage: String) -> EndpointReply {
        .json(200, """
            {"choices":[{"index":0,"message":{"role":"assistant","content":"答案：A"}}],"usage":\(usage)}
            """)
    }

    @Test(arguments: [
        #"{"prompt_tokens":1e19,"completion_tokens":5}"#,
        #"{"prompt_tokens":1e400,"completion_tokens":5}"#,
        #"{"prompt_tokens":-5e18,"completion_tokens":-5e18}"#,
        #"{"prompt_tokens":2.5,"completion_tokens":"many"}"#,
    ])
    func row1and2OutOfRangeUsageIsDroppedAndTheRunFinishes(usage: String) async throws {
        let server = try await LocalEndpointServer.start { _ in Self.reply(usage: usage) }
        let harness = RunnerHarness()
        defer { harness.remove() }
        let results = try await harness.run(
            prompts: Self.prompts, submissions: [RunnerHarness.submission(server)])
        await server.stop()
        #expect(results.count == 40)
        for r in results.values {
            #expect(r.outcome == .ok || r.outcome == .malformed, "classified, never a trap")
            #expect(r.usage == nil, "out-of-range usage is dropped, not converted")
        }
    }

    @Test func row5ANeverAnsweringGreedyTeamCannotStarveAnHonestOneOrStopTheRound() async throws {
        let hostile = try await LocalEndpointServer.start { _ in
            try? await Task.sleep(for: .seconds(3600))
            return .closeConnection
        }
        let honest = try await LocalEndpointServer.start { _ in
            .json(200, ChatCompletionJSON.completion(content: "答案：B", model: "m"))
        }
        let harness = RunnerHarness()
        defer { harness.remove() }
        let options = RunnerOptions(
            maxInFlight: 16, retry: RetryPolicy(maxAttempts: 2, baseDelay: 0.01, maxDelay: 0.05),
            timeoutCeilingSeconds: 1, maxConsecutiveFailures: 8)
        let started = Date()
        let prompts = (0..<120).map { "问题\($0)" }
        let results = try await harness.run(
            prompts: prompts,
            submissions: [
                RunnerHarness.submission(hostile, team: "greedy", concurrency: 1000, timeout: 3600),
                RunnerHarness.submission(honest, team: "honest", concurrency: 4),
            ],
            options: options)
        let seconds = Date().timeIntervalSince(started)
        await honest.stop()
        await hostile.stop()
        let honestResults = results.filter { $0.key.hasPrefix("honest:") }.map(\.value)
        let greedy = results.filter { $0.key.hasPrefix("greedy:") }.map(\.value)
        #expect(honestResults.count == 120 && honestResults.allSatisfy { $0.outcome == .ok }, "every honest item answered")
        #expect(greedy.count == 120)
        #expect(greedy.allSatisfy { $0.outcome == .timeout || $0.outcome == .cutOff })
        #expect(greedy.filter { $0.outcome == .cutOff }.count >= 60, "the dead endpoint was cut off")
        // Two attempts of at most the 1 s ceiling per batch, then the cut-off: far inside 20 s.
        #expect(seconds < 20, "the round ended (\(seconds) s)")
    }
}

/// The global budget's fair share, deterministically.
struct FairShareLimiterTests {
    @Test func aTeamAtItsShareIsPassedOverWhileAnotherTeamWaits() async throws {
        let limiter = FairShareLimiter(limit: 4, teams: 2)
        #expect(limiter.share == 2)
        // Nobody else waits: the greedy team may take every free slot.
        for _ in 0..<4 { try await limiter.acquire(team: "greedy") }
        #expect(limiter.held(by: "greedy") == 4)
        // Greedy queues one more, then honest queues: when greedy frees a slot, honest goes first.
        let greedyWaiter = Task { try await limiter.acquire(team: "greedy") }
        try await Task.sleep(for: .milliseconds(50))
        let honestWaiter = Task { try await limiter.acquire(team: "honest") }
        try await Task.sleep(for: .milliseconds(50))
        limiter.release(team: "greedy")
        try await honestWaiter.value
        #expect(limiter.held(by: "honest") == 1)
        #expect(limiter.held(by: "greedy") == 3, "greedy's waiter was passed over")
        // With no other team waiting, greedy's waiter gets the next free slot.
        limiter.release(team: "greedy")
        try await greedyWaiter.value
        #expect(limiter.held(by: "greedy") == 3)
    }
}

/// A reply holding NUL and other control characters (issue 11 row 11) is stored intact and verifies.
struct ControlCharacterReplyTests {
    @Test func row11NULInARepliesIsStoredIntact() async throws {
        let content = "答案：A\u{0000}隐藏\u{0001}尾部\u{001B}[31m"
        let server = try await LocalEndpointServer.start { _ in
            .json(200, ChatCompletionJSON.completion(content: content, model: "m"))
        }
        let harness = RunnerHarness()
        defer { harness.remove() }
        let results = try await harness.run(prompts: ["问题"], submissions: [RunnerHarness.submission(server)])
        await server.stop()
        #expect(results["问题"]?.content == content)
        let store = try RunStore(folder: harness.folder)
        let stored = try #require(try store.currentResults().first)
        #expect(stored.content == content, "read back byte for byte")
        let row = try #require(try store.chainRows().first)
        #expect(row.result.chainHash(previous: RunStore.chainGenesis) == row.chainHash, "the chain still verifies")
    }
}
