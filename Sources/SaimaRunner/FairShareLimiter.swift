import Synchronization

/// The round's global in-flight budget (`--max-in-flight`), shared fairly between teams.
///
/// At most `limit` holders at once. A team's **fair share** is `max(1, limit / teams)`. A waiter is admitted
/// first come, first served, except that a team already holding its fair share is passed over while another
/// team waits: so one team — however many workers its `max_concurrency` starts, however slowly its endpoint
/// answers — can hold more than its share only of slots nobody else wants. A cancelled waiter leaves the
/// queue with `CancellationError`.
///
/// **Fair start.** Teams registered with work left (`register(team:workers:)`) that hold no slot yet each keep one
/// free slot reserved: a team beyond its share never takes the last free slots they need, so a slow team that
/// started first cannot make another team's first request wait a whole reply, and a never-answering team cannot
/// starve an honest one, with or without a timeout ceiling. A team's reservation ends when its last worker is
/// done (`workerDone(team:)`).
public final class FairShareLimiter: Sendable {
    struct Waiter: QueuedWaiter {
        var id: UInt64
        var team: String
        var continuation: CheckedContinuation<Void, any Error>
    }

    struct State: WaiterQueue {
        var limit: Int
        var share: Int
        var inUse = 0
        var held: [String: Int] = [:]
        var waiters: [Waiter] = []
        var nextID: UInt64 = 0
        var cancelledEarly: Set<UInt64> = []
        /// Workers still running per registered team (teams with work left).
        var workers: [String: Int] = [:]

        /// Whether `team` may take a free slot now, given the teams waiting and the reservations.
        func mayAdmit(_ team: String) -> Bool {
            guard inUse < limit else { return false }
            if held[team, default: 0] < share { return true }
            return !waiters.contains { $0.team != team } && limit - inUse > reserved(besides: team)
        }

        /// Free slots kept for registered teams other than `team` that hold none yet.
        func reserved(besides team: String) -> Int {
            workers.keys.filter { $0 != team && held[$0, default: 0] == 0 }.count
        }

        mutating func take(_ team: String) {
            inUse += 1
            held[team, default: 0] += 1
        }
    }

    let state: Mutex<State>

    /// `teams`: how many teams share the budget (at least 1).
    public init(limit: Int, teams: Int) {
        let limit = max(1, limit)
        state = Mutex(State(limit: limit, share: max(1, limit / max(1, teams))))
    }

    public var limit: Int { state.withLock { $0.limit } }
    public var share: Int { state.withLock { $0.share } }
    /// Slots `team` holds now.
    public func held(by team: String) -> Int { state.withLock { $0.held[team, default: 0] } }

    /// Waits for a slot for `team`.
    public func acquire(team: String) async throws {
        try Task.checkCancellation()
        let id: UInt64? = state.withLock { s in
            if s.waiters.isEmpty, s.mayAdmit(team) {
                s.take(team)
                return nil
            }
            s.nextID += 1
            return s.nextID
        }
        guard let id else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let ready: [Waiter]? = state.withLock { s in
                    if s.cancelledEarly.remove(id) != nil { return nil }
                    s.waiters.append(Waiter(id: id, team: team, continuation: continuation))
                    return Self.admit(&s)
                }
                guard let ready else { return continuation.resume(throwing: CancellationError()) }
                for w in ready { w.continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.cancel(id: id) }?.resume(throwing: CancellationError())
        }
    }

    /// Registers a team with work left and `workers` workers: one free slot is kept for it until it holds one.
    public func register(team: String, workers: Int) {
        state.withLock { $0.workers[team, default: 0] += max(1, workers) }
    }

    /// One of `team`'s workers has no more work; with the last one its reservation ends.
    public func workerDone(team: String) {
        let admitted = state.withLock { s -> [Waiter] in
            guard let n = s.workers[team] else { return [] }
            if n > 1 { s.workers[team] = n - 1 } else { s.workers[team] = nil }
            return Self.admit(&s)
        }
        for w in admitted { w.continuation.resume() }
    }

    /// Returns `team`'s slot and admits the next waiters that may go.
    public func release(team: String) {
        let admitted = state.withLock { s in
            s.inUse -= 1
            s.held[team, default: 1] -= 1
            return Self.admit(&s)
        }
        for w in admitted { w.continuation.resume() }
    }

    /// Admits waiters in queue order while slots are free, skipping a team at its share while others wait.
    private static func admit(_ s: inout State) -> [Waiter] {
        var admitted: [Waiter] = []
        while s.inUse < s.limit, let index = s.waiters.indices.first(where: { s.mayAdmitWaiting(at: $0) }) {
            let w = s.waiters.remove(at: index)
            s.take(w.team)
            admitted.append(w)
        }
        return admitted
    }
}

extension FairShareLimiter.State {
    /// Whether the waiter at `index` may go: under its team's share, or no waiter of another team and a free slot
    /// beyond the reservations.
    func mayAdmitWaiting(at index: Int) -> Bool {
        let team = waiters[index].team
        if held[team, default: 0] < share { return true }
        return !waiters.contains { $0.team != team } && limit - inUse > reserved(besides: team)
    }
}
