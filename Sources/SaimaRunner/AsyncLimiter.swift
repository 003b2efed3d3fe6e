/// A counting semaphore for tasks: at most `limit` holders at once, waiters served first come,
/// first served, a waiting task that is cancelled leaves the queue with `CancellationError`.
public actor AsyncLimiter {
    public private(set) var limit: Int
    public private(set) var inUse = 0
    private var waiters: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextWaiter: UInt64 = 0

    public init(limit: Int) { self.limit = max(1, limit) }

    /// Waits for a slot.
    public func acquire() async throws {
        try Task.checkCancellation()
        if inUse < limit, waiters.isEmpty {
            inUse += 1
            return
        }
        nextWaiter += 1
        let id = nextWaiter
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                waiters.append((id, continuation))
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    /// Returns a slot and lets the next waiter in.
    public func release() {
        inUse -= 1
        admit()
    }

    /// Changes the limit; holders above a lowered limit finish normally.
    public func setLimit(_ newLimit: Int) {
        limit = max(1, newLimit)
        admit()
    }

    private func admit() {
        while inUse < limit, !waiters.isEmpty {
            inUse += 1
            waiters.removeFirst().continuation.resume()
        }
    }

    private func cancelWaiter(_ id: UInt64) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(throwing: CancellationError())
    }
}
