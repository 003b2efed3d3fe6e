/// A task waiting in a limiter's queue.
protocol QueuedWaiter {
    var id: UInt64 { get }
    var continuation: CheckedContinuation<Void, any Error> { get }
}

/// The queue state both limiters share: waiters in order, and the ids of waiters cancelled before they queued.
protocol WaiterQueue {
    associatedtype Waiter: QueuedWaiter
    var waiters: [Waiter] { get set }
    var cancelledEarly: Set<UInt64> { get set }
}

extension WaiterQueue {
    /// A waiter cancelled: taken out of the queue (its continuation returned, to resume with `CancellationError`
    /// outside the lock), or, when it has not queued yet, remembered so that it leaves as soon as it tries.
    mutating func cancel(id: UInt64) -> CheckedContinuation<Void, any Error>? {
        if let index = waiters.firstIndex(where: { $0.id == id }) {
            return waiters.remove(at: index).continuation
        }
        cancelledEarly.insert(id)
        return nil
    }
}
