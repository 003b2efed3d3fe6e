import Foundation
package import SaimaModel
import Synchronization

/// Writes results as requests complete, grouping them into small transactions.
///
/// A group is committed when it holds `maxBatch` results or when its oldest result has waited
/// `maxDelay`, whichever comes first — so a crash loses at most the last uncommitted handful.
/// Commits run on the database's own writer queue (`asyncWrite`), in order, never blocking a
/// Swift task; each group extends the result chain from the last committed row.
package final class ResultWriter: ResultSink {
    struct State {
        var buffer: [ItemResult] = []
        var pending = 0
        var committed = 0
        var head: String
        var failure: (any Error)?
        var waiters: [CheckedContinuation<Void, Never>] = []
        /// Callers of `waitForRoom` waiting for the queue of batches to shrink.
        var roomWaiters: [CheckedContinuation<Void, Never>] = []
    }

    /// Batches handed to the database's writer queue and not yet committed, at most, before `waitForRoom` waits
    /// (with the default batch of 16, 1,024 results); waiters go on once half of them are committed.
    package static let maxPendingBatches = 64

    let store: RunStore
    let maxBatch: Int
    /// The run held no results when this writer began, so nothing it writes can replace an earlier row (the run
    /// lock keeps other writers out, and a run asks each key once): rows go in without looking for one to supersede.
    let freshRun: Bool
    let state: Mutex<State>
    let timer: Mutex<Task<Void, Never>?> = Mutex(nil)

    package init(store: RunStore, maxBatch: Int = 16, maxDelay: Duration = .milliseconds(100)) throws {
        self.store = store
        self.maxBatch = maxBatch
        freshRun = try store.rowCount() == 0
        self.state = Mutex(State(head: try store.chainHead()))
        let task = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: maxDelay)
                self?.commitBuffered()
            }
        }
        timer.withLock { $0 = task }
    }

    deinit { timer.withLock { $0?.cancel() } }

    /// Results committed so far.
    package var committed: Int { state.withLock { $0.committed } }

    /// Batches handed to the writer queue and not yet committed.
    package var pendingBatches: Int { state.withLock { $0.pending } }

    /// Waits while more than `maxPendingBatches` batches wait for the database (see `ResultSink.waitForRoom`).
    package func waitForRoom() async {
        guard state.withLock({ $0.pending > Self.maxPendingBatches }) else { return }
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let room = state.withLock { s in
                if s.pending <= Self.maxPendingBatches { return true }
                s.roomWaiters.append(c)
                return false
            }
            if room { c.resume() }
        }
    }

    /// Queues a result; it is committed within `maxDelay`. A fingerprint-probe reply goes to its own table at once
    /// (`probe_results`: never scored, never in the result chain).
    package func append(_ result: ItemResult) {
        if result.key.track == FingerprintProbes.trackID {
            do { try store.appendProbe(result) } catch { state.withLock { $0.failure = $0.failure ?? error } }
            return
        }
        let full = state.withLock { s in
            s.buffer.append(result)
            return s.buffer.count >= maxBatch
        }
        if full { commitBuffered() }
    }

    /// Hands the buffered results to the writer queue as one transaction.
    func commitBuffered() {
        let batch: [ItemResult] = state.withLock { s in
            defer { s.buffer.removeAll(keepingCapacity: true) }
            if !s.buffer.isEmpty { s.pending += 1 }
            return s.buffer
        }
        guard !batch.isEmpty else { return }
        store.appendAsync(batch, supersede: !freshRun) { [self] outcome in
            let waiters: [CheckedContinuation<Void, Never>] = state.withLock { s in
                switch outcome {
                case .success(let head):
                    s.head = head
                    s.committed += batch.count
                case .failure(let error):
                    s.failure = s.failure ?? error
                }
                s.pending -= 1
                var resumed: [CheckedContinuation<Void, Never>] = []
                if s.pending <= Self.maxPendingBatches / 2 {
                    resumed = s.roomWaiters
                    s.roomWaiters.removeAll()
                }
                guard s.pending == 0 else { return resumed }
                defer { s.waiters.removeAll() }
                return resumed + s.waiters
            }
            for w in waiters { w.resume() }
        }
    }

    /// Commits everything still buffered and waits for it; returns the chain head or throws the
    /// first write error seen.
    package func finish() async throws -> String {
        timer.withLock { $0?.cancel() }
        commitBuffered()
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let done = state.withLock { s in
                if s.pending == 0 { return true }
                s.waiters.append(c)
                return false
            }
            if done { c.resume() }
        }
        return try state.withLock { s in
            if let failure = s.failure { throw failure }
            return s.head
        }
    }
}
