import Synchronization

/// A counting semaphore for tasks: at most `limit` holders at once, waiters served first come,
/// first served; a waiting task that is cancelled leaves the queue with `CancellationError`.
///
/// Lock-based rather than an actor: acquiring a free slot is one uncontended lock, with no hop
/// to another executor, which matters at thousands of requests per second.
public final class AsyncLimiter: Sendable {
    struct Waiter: QueuedWaiter {
        var id: UInt64
        var continuation: CheckedContinuation<Void, any Error>
    }

    struct State: WaiterQueue {
        var limit: Int
        var inUse = 0
        var waiters: [Waiter] = []
        var nextID: UInt64 = 0
        /// Waiters cancelled before they were queued.
        var cancelledEarly: Set<UInt64> = []
    }

    let state: Mutex<State>

    public init(limit: Int) { state = Mutex(State(limit: max(1, limit))) }

    public var limit: Int { state.withLock { $0.limit } }
    public var inUse: Int { state.withLock { $0.inUse } }
    /// Tasks waiting for a slot.
    public var waiting: Int { state.withLock { $0.waiters.count } }

    /// Waits for a slot.
    public func acquire() async throws {
        try Task.checkCancellation()
        let id: UInt64? = state.withLock { s in
            if s.inUse < s.limit, s.waiters.isEmpty {
                s.inUse += 1
                return nil
            }
            s.nextID += 1
            return s.nextID
        }
        guard let id else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let admitted: Bool? = state.withLock { s in
                    if s.cancelledEarly.remove(id) != nil { return false }
                    if s.inUse < s.limit, s.waiters.isEmpty {
                        s.inUse += 1
                        return true
                    }
                    s.waiters.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                switch admitted {
                case true?: continuation.resume()
                case false?: continuation.resume(throwing: CancellationError())
                case nil: break
                }
            }
        } onCancel: {
            state.withLock { $0.cancel(id: id) }?.resume(throwing: CancellationError())
        }
    }

    /// Returns a slot and lets the next waiter in.
    public func release() {
        let admitted = state.withLock { s in
            s.inUse -= 1
            return Self.admit(&s)
        }
        for c in admitted { c.resume() }
    }

    /// Changes the limit; holders above a lowered limit finish normally.
    public func setLimit(_ newLimit: Int) {
        let admitted = state.withLock { s in
            s.limit = max(1, newLimit)
            return Self.admit(&s)
        }
        for c in admitted { c.resume() }
    }

    private static func admit(_ s: inout State) -> [CheckedContinuation<Void, any Error>] {
        var admitted: [CheckedContinuation<Void, any Error>] = []
        while s.inUse < s.limit, !s.waiters.isEmpty {
            s.inUse += 1
            admitted.append(s.waiters.removeFirst().continuation)
        }
        return admitted
    }
}
