import Foundation

/// A token bucket for `requests_per_minute`: tokens refill continuously at rate/60 per second up
/// to a burst of one second's worth (at least 1). A caller that finds no token reserves the next
/// one and sleeps until it is due, so callers are served in order without polling.
public actor TokenBucket {
    let ratePerSecond: Double
    let capacity: Double
    var tokens: Double
    var updated: UInt64

    public init(requestsPerMinute: Double) {
        ratePerSecond = requestsPerMinute / 60
        capacity = max(1, ratePerSecond)
        tokens = capacity
        updated = MonotonicClock.nanoseconds()
    }

    /// Takes one token, waiting until it is available.
    public func take() async throws {
        let now = MonotonicClock.nanoseconds()
        tokens = min(capacity, tokens + Double(now &- updated) / 1e9 * ratePerSecond)
        updated = now
        tokens -= 1
        if tokens < 0 {
            let wait = -tokens / ratePerSecond
            try await Task.sleep(for: .seconds(wait))
        }
    }
}
