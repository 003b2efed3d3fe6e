public import Foundation
import SaimaBase
/// When and how long to wait before another attempt.
///
/// Retried: connection failures, timeouts, HTTP 408, 429 and 5xx; never other 4xx, oversized or
/// malformed answers. The wait before attempt n+1 is `base · 2^(n-1)` capped at `maxDelay`,
/// multiplied by a uniform jitter in [0.5, 1]; a `Retry-After` header (seconds or an HTTP date)
/// replaces it, capped at `maxRetryAfter`.
public struct RetryPolicy: Sendable {
    public var maxAttempts: Int
    public var baseDelay: Double
    public var maxDelay: Double
    public var maxRetryAfter: Double

    public init(maxAttempts: Int = 4, baseDelay: Double = 0.5, maxDelay: Double = 30, maxRetryAfter: Double = 120) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    /// Seconds to wait after failed attempt number `attempt` (1-based).
    public func delay(afterAttempt attempt: Int, retryAfter: String?, now: Date = Date(),
                      jitter: Double = Double.random(in: 0.5...1)) -> Double
    {
        if let retryAfter, let seconds = Self.parseRetryAfter(retryAfter, now: now) {
            return min(max(0, seconds), maxRetryAfter)
        }
        let exponential = baseDelay * pow(2, Double(attempt - 1))
        return min(maxDelay, exponential) * jitter
    }

    /// `Retry-After` as delta-seconds or an HTTP date (RFC 9110 §10.2.3).
    public static func parseRetryAfter(_ value: String, now: Date = Date()) -> Double? {
        let trimmed = value.trimmedSpaces
        if let seconds = Double(trimmed) { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) { return date.timeIntervalSince(now) }
        }
        return nil
    }
}
