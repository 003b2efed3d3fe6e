import Foundation
import SaimaModel

/// Writes results as requests complete, grouping them into small transactions.
///
/// A group is committed when it holds `maxBatch` results or when its oldest result has waited
/// `maxDelay`, whichever comes first — so a crash loses at most the last uncommitted handful.
public actor ResultWriter {
    let store: RunStore
    let maxBatch: Int
    let maxDelay: Duration
    var buffer: [ItemResult] = []
    var head: String
    var flushTask: Task<Void, Never>?
    var failure: (any Error)?
    public private(set) var committed = 0

    public init(store: RunStore, maxBatch: Int = 16, maxDelay: Duration = .milliseconds(100)) throws {
        self.store = store
        self.maxBatch = maxBatch
        self.maxDelay = maxDelay
        self.head = try store.chainHead()
    }

    /// Queues a result; it is committed within `maxDelay`.
    public func append(_ result: ItemResult) {
        buffer.append(result)
        if buffer.count >= maxBatch {
            commit()
        } else if flushTask == nil {
            let delay = maxDelay
            flushTask = Task { [weak self] in
                try? await Task.sleep(for: delay)
                await self?.commitFromTimer()
            }
        }
    }

    private func commitFromTimer() {
        flushTask = nil
        commit()
    }

    private func commit() {
        guard !buffer.isEmpty else { return }
        let batch = buffer
        buffer.removeAll(keepingCapacity: true)
        do {
            head = try store.append(batch, previousHash: head)
            committed += batch.count
        } catch {
            failure = failure ?? error
            buffer.insert(contentsOf: batch, at: 0)
        }
    }

    /// Commits everything still buffered; throws the first write error seen, if any.
    public func finish() throws -> String {
        flushTask?.cancel()
        flushTask = nil
        commit()
        if let failure { throw failure }
        return head
    }
}
