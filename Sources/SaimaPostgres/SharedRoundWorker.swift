import Foundation
public import SaimaModel
public import SaimaRunner
import Synchronization

/// One runner process's part in a shared round: it claims a team's requests from the store (`source(team:work:)`),
/// commits their results (`sink`), renews its leases while it lives and gives back the rest when it stops.
public final class SharedRoundWorker: Sendable {
    public let store: SharedRunStore
    public let round: String
    /// The lease owner: the worker's name, its process id and a random suffix, so two processes given the same
    /// `--worker` name never commit each other's requests.
    public let owner: String
    public let leaseSeconds: Double
    let heartbeat: Mutex<Task<Void, Never>?> = Mutex(nil)
    let committed = Mutex<(stored: Int, lost: Int)>((0, 0))
    let sources = Mutex<[String: ClaimedWork]>([:])

    public init(store: SharedRunStore, round: String, name: String, leaseSeconds: Double) {
        self.store = store
        self.round = round
        owner = "\(name)#\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        self.leaseSeconds = leaseSeconds
        let (store, round, owner) = (store, round, owner)
        heartbeat.withLock {
            $0 = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(leaseSeconds / 3))
                    if Task.isCancelled { break }
                    _ = try? await store.renewLeases(round: round, worker: owner, leaseSeconds: leaseSeconds)
                }
            }
        }
    }

    /// Where the team's runner workers take their items: claims of up to `batch` requests at a time, within the team's
    /// budget. `work` is every item the round plans for the team (claims name items by key).
    public func source(team: String, work: [WorkItem], batch: Int) -> any WorkSource {
        let source = ClaimedWork(worker: self, team: team, work: work, batch: max(1, batch))
        sources.withLock { $0[team] = source }
        return source
    }

    /// Tells the team's source that this process committed its results (its budget may be free again).
    func nudge(teams: Set<String>) async {
        let targets = sources.withLock { s in teams.compactMap { s[$0] } }
        for t in targets { await t.nudge() }
    }

    /// Where the runner stores results: committed to the store as they arrive.
    public func makeSink() -> any ResultSink { CommittingSink(worker: self) }

    /// Results stored by this process, and results dropped because another worker had taken over their lease.
    public var totals: (stored: Int, lost: Int) { committed.withLock { $0 } }

    /// Runs a store operation again after a failure that is not the store's verdict (a dropped connection, a restarting
    /// server): up to 5 attempts, waiting 0.5, 1, 2 and 4 s. A claim or commit that failed changed nothing (its
    /// transaction rolled back), so running it again is safe; a commit whose acknowledgement alone was lost finds its
    /// rows done and stores nothing twice.
    static func retrying<R: Sendable>(_ operation: () async throws -> R) async throws -> R {
        var wait = 0.5
        for _ in 1..<5 {
            do {
                return try await operation()
            } catch let error as StoreError {
                throw error
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                try await Task.sleep(for: .seconds(wait))
                wait *= 2
            }
        }
        return try await operation()
    }

    /// Stops renewing and gives back the leases not finished (a clean stop; a killed worker's leases just run out).
    public func stop() async {
        heartbeat.withLock { $0?.cancel() }
        try? await store.releaseLeases(round: round, worker: owner)
    }
}

/// A team's requests as this process claims them.
///
/// One claim per team is in flight at a time in a process: the team's runner workers that find the buffer empty await
/// the same claim. While the team's budget is spent, the source waits for this process's next commit of the team's
/// results (which frees budget) or at most `pollMilliseconds`, for other processes' commits and expired leases.
actor ClaimedWork: WorkSource {
    let worker: SharedRoundWorker
    let team: String
    let items: [ResultKey: WorkItem]
    let batch: Int
    var buffer: [WorkItem] = []
    var finished = false
    var claiming: (id: Int, task: Task<SharedRunStore.Claim, any Error>)?
    var claims = 0
    /// Bumped by `nudge()` when this process commits results of the team.
    var commits = 0
    static let pollMilliseconds = 100

    init(worker: SharedRoundWorker, team: String, work: [WorkItem], batch: Int) {
        self.worker = worker
        self.team = team
        items = Dictionary(work.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        self.batch = batch
    }

    /// This process committed results of the team: budget may be free.
    func nudge() { commits += 1 }

    func next() async throws -> WorkItem? {
        while true {
            if !buffer.isEmpty { return buffer.removeFirst() }
            if finished { return nil }
            try Task.checkCancellation()
            let (id, task): (Int, Task<SharedRunStore.Claim, any Error>)
            if let current = claiming {
                (id, task) = current
            } else {
                claims += 1
                let (store, round, team, owner, limit, lease) = (worker.store, worker.round, team, worker.owner, batch, worker.leaseSeconds)
                (id, task) = (claims, Task {
                    try await SharedRoundWorker.retrying {
                        try await store.claim(round: round, team: team, worker: owner, limit: limit, leaseSeconds: lease)
                    }
                })
                claiming = (id, task)
            }
            let seen = commits
            let result = try await task.value
            guard claiming?.id == id else { continue }  // another waiter applied this claim already
            claiming = nil
            switch result {
            case .claimed(let keys):
                // Every worker plans the same round (the store checks the manifest), so every key has its item.
                buffer += keys.compactMap { items[$0] }
            case .finished:
                finished = true
            case .wait:
                var waited = 0
                while commits == seen, waited < Self.pollMilliseconds {
                    try await Task.sleep(for: .milliseconds(5))
                    waited += 5
                }
            }
        }
    }
}

/// Commits results to the store as the runner hands them over: whatever has queued is committed in one transaction,
/// one transaction at a time.
final class CommittingSink: ResultSink {
    let worker: SharedRoundWorker
    let queue = PendingResults()
    let wake: AsyncStream<Void>.Continuation
    let flusher: Task<String, any Error>

    init(worker: SharedRoundWorker) {
        self.worker = worker
        let (stream, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        self.wake = wake
        let queue = queue
        flusher = Task {
            var head = ""
            var done = false
            var signals = stream.makeAsyncIterator()
            while !done {
                done = await signals.next() == nil
                while true {
                    let batch = queue.take()
                    if batch.isEmpty { break }
                    let commit = try await SharedRoundWorker.retrying {
                        try await worker.store.commit(round: worker.round, worker: worker.owner, results: batch)
                    }
                    head = commit.head
                    worker.committed.withLock {
                        $0.stored += commit.stored
                        $0.lost += commit.lost
                    }
                    await worker.nudge(teams: Set(batch.map(\.key.team)))
                }
            }
            return head
        }
    }

    func append(_ result: ItemResult) {
        queue.items.withLock { $0.append(result) }
        wake.yield()
    }

    func finish() async throws -> String {
        wake.finish()
        return try await flusher.value
    }
}

/// Results handed over by the runner and not yet committed.
final class PendingResults: Sendable {
    let items = Mutex<[ItemResult]>([])

    /// Everything queued, leaving the queue empty.
    func take() -> [ItemResult] {
        items.withLock { q in
            defer { q.removeAll(keepingCapacity: true) }
            return q
        }
    }
}
