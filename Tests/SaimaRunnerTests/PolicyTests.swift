import Foundation
import Synchronization
import SaimaModel
import SaimaRunner
import Testing

@Suite("Retry policy, outcome classes and adaptive limits")
struct PolicyTests {
    @Test func retryAfterSecondsAndHTTPDate() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)  // Tue, 14 Nov 2023 22:13:20 GMT
        #expect(RetryPolicy.parseRetryAfter("7", now: now) == 7)
        #expect(RetryPolicy.parseRetryAfter("Tue, 14 Nov 2023 22:13:50 GMT", now: now) == 30)
        #expect(RetryPolicy.parseRetryAfter("soon", now: now) == nil)
        let policy = RetryPolicy(maxAttempts: 4, baseDelay: 0.5, maxDelay: 30, maxRetryAfter: 120)
        #expect(policy.delay(afterAttempt: 1, retryAfter: "3", now: now, jitter: 1) == 3)
        #expect(policy.delay(afterAttempt: 1, retryAfter: "999", now: now, jitter: 1) == 120)
        #expect(policy.delay(afterAttempt: 3, retryAfter: nil, now: now, jitter: 1) == 2)
        #expect(policy.delay(afterAttempt: 3, retryAfter: nil, now: now, jitter: 0.5) == 1)
        #expect(policy.delay(afterAttempt: 20, retryAfter: nil, now: now, jitter: 1) == 30)
    }

    @Test func onlyTransientFailuresAreRetried() {
        #expect(Outcome.allCases.filter(\.isRetryable) == [.timeout, .connectError, .http5xx, .rateLimited])
        let r408 = ChatResponseParser.classify(HTTPResult(status: 408, body: Data(), totalSeconds: 0), streamed: false)
        #expect(r408.outcome == .timeout)
        let r403 = ChatResponseParser.classify(HTTPResult(status: 403, body: Data(), totalSeconds: 0), streamed: false)
        #expect(r403.outcome == .http4xx)
    }

    @Test func streamWithoutDoneIsMalformed() {
        let body = Data("data: {\"choices\":[{\"delta\":{\"content\":\"半\"}}]}\n\n".utf8)
        let r = ChatResponseParser.classify(HTTPResult(status: 200, body: body, totalSeconds: 0), streamed: true)
        #expect(r.outcome == .malformed)
    }

    @Test func aimdHalvesOnCongestionAndRecoversAdditively() async throws {
        let logs = LogBox()
        let limit = AdaptiveConcurrency(team: "t", maximum: 8, cooldown: .zero, log: { logs.append($0) })
        try await limit.acquire()
        limit.release(congested: true, succeeded: false, reason: "HTTP 429")
        #expect(limit.currentLimit == 4)
        try await limit.acquire()
        limit.release(congested: true, succeeded: false, reason: "HTTP 429")
        #expect(limit.currentLimit == 2)
        for _ in 0..<3 {
            try await limit.acquire()
            limit.release(congested: false, succeeded: true, reason: "")
        }
        #expect(limit.currentLimit == 3)  // +1/2, +1/2.5, +1/2.9 …
        for _ in 0..<200 {
            try await limit.acquire()
            limit.release(congested: false, succeeded: true, reason: "")
        }
        #expect(limit.currentLimit == 8)  // never above max_concurrency
        #expect(logs.lines.first == "t: in-flight limit 8 → 4 (HTTP 429) / 并发上限调整")
    }

    @Test func limiterCancelsWaiters() async throws {
        let limiter = AsyncLimiter(limit: 1)
        try await limiter.acquire()
        let waiter = Task { try await limiter.acquire() }
        try await Task.sleep(for: .milliseconds(50))
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        limiter.release()
        #expect(limiter.inUse == 0)
    }

    @Test func limiterAdmitsWaitersInArrivalOrder() async throws {
        let limiter = AsyncLimiter(limit: 1)
        try await limiter.acquire()
        let order = LogBox()
        var waiters: [Task<Void, any Error>] = []
        for n in 0..<5 {
            waiters.append(Task {
                try await limiter.acquire()
                order.append("\(n)")
                limiter.release()
            })
            // Each waiter is queued before the next one starts (the queue position is what is tested).
            while limiter.waiting < n + 1 { try await Task.sleep(for: .milliseconds(2)) }
        }
        limiter.release()
        for w in waiters { try await w.value }
        #expect(order.lines == ["0", "1", "2", "3", "4"], "first come, first served")
    }
}

/// Collects log lines from a `@Sendable` callback.
final class LogBox: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ s: String) { storage.withLock { $0.append(s) } }
    var lines: [String] { storage.withLock { $0 } }
}
