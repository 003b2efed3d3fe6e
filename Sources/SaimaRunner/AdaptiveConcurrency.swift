import Synchronization

/// Per-team in-flight limit that adapts to the endpoint (AIMD).
///
/// Definition: the limit starts at `max_concurrency`. A congestion signal (HTTP 429, or a
/// timeout) halves it (never below 1), at most once per `cooldown` so that one burst of failures
/// counts once; each success adds 1/limit, i.e. about +1 per limit's worth of successes, never
/// above `max_concurrency`. Every change of the whole-number limit is logged.
public final class AdaptiveConcurrency: Sendable {
    public let team: String
    public let maximum: Int
    let limiter: AsyncLimiter
    let window: Mutex<(size: Double, lastDecrease: UInt64)>
    let cooldownNanos: UInt64
    let log: @Sendable (String) -> Void

    public init(team: String, maximum: Int, cooldown: Duration = .milliseconds(500),
                log: @escaping @Sendable (String) -> Void)
    {
        self.team = team
        self.maximum = max(1, maximum)
        self.window = Mutex((Double(max(1, maximum)), 0))
        self.limiter = AsyncLimiter(limit: max(1, maximum))
        let (s, atto) = cooldown.components
        self.cooldownNanos = UInt64(s) * 1_000_000_000 + UInt64(atto / 1_000_000_000)
        self.log = log
    }

    public var currentLimit: Int { window.withLock { Int($0.size) } }

    public func acquire() async throws { try await limiter.acquire() }

    /// Returns the slot and adapts the limit to what the attempt showed.
    public func release(congested: Bool, succeeded: Bool, reason: String) {
        let now = MonotonicClock.nanoseconds()
        let (before, after) = window.withLock { w -> (Int, Int) in
            let before = Int(w.size)
            if congested {
                if now &- w.lastDecrease >= cooldownNanos {
                    w.size = max(1, w.size / 2)
                    w.lastDecrease = now
                }
            } else if succeeded {
                w.size = min(Double(maximum), w.size + 1 / w.size)
            }
            return (before, Int(w.size))
        }
        if after != before {
            limiter.setLimit(after)
            log("\(team): in-flight limit \(before) → \(after) (\(congested ? reason : "recovering")) / 并发上限调整")
        }
        limiter.release()
    }
}
