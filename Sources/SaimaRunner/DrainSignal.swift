import Synchronization

/// A request to stop a run gracefully: no new request is started, the requests in flight finish and are stored,
/// then the run ends with `RunDrained`. Running the same plans again later makes only the requests never made, so a
/// drained run resumes with no request sent twice (unlike cancellation, which abandons requests in flight).
public final class DrainSignal: Sendable {
    let requested = Atomic<Bool>(false)

    public init() {}

    /// Asks the run to stop after its requests in flight.
    public func drain() { requested.store(true, ordering: .relaxed) }

    public var isDraining: Bool { requested.load(ordering: .relaxed) }
}

/// The run stopped because its `DrainSignal` asked it to; everything it finished is stored.
public struct RunDrained: Error, Sendable, CustomStringConvertible {
    public init() {}
    public var description: String { "the run was stopped after its requests in flight / 运行已在完成进行中的请求后停止" }
}
