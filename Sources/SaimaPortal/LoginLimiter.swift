package import Foundation
import Synchronization

/// Sign-in rate limiting. Definition: at most `maxFailures` failed sign-ins per user name within `window` seconds;
/// further attempts for that name are refused (without checking the password) until the oldest failure leaves the
/// window. A success clears the name's failures. Bounded memory: at most `maxNames` names are tracked (the stalest
/// dropped first).
package final class LoginLimiter: Sendable {
    let maxFailures: Int
    let window: TimeInterval
    let maxNames = 10_000
    let failures = Mutex<[String: [Date]]>([:])

    package init(maxFailures: Int = 5, window: TimeInterval = 900) {
        self.maxFailures = maxFailures
        self.window = window
    }

    /// Seconds to wait before `name` may try again, or nil when it may try now.
    package func wait(for name: String, now: Date = Date()) -> TimeInterval? {
        failures.withLock { f in
            let recent = (f[name] ?? []).filter { now.timeIntervalSince($0) < window }
            f[name] = recent.isEmpty ? nil : recent
            guard recent.count >= maxFailures, let oldest = recent.first else { return nil }
            return window - now.timeIntervalSince(oldest)
        }
    }

    package func failed(_ name: String, now: Date = Date()) {
        failures.withLock { f in
            if f.count >= maxNames, f[name] == nil,
               let stalest = f.min(by: { ($0.value.last ?? .distantPast) < ($1.value.last ?? .distantPast) })?.key
            {
                f.removeValue(forKey: stalest)
            }
            f[name, default: []].append(now)
        }
    }

    package func succeeded(_ name: String) { _ = failures.withLock { $0.removeValue(forKey: name) } }
}
