/// Where the runner hands each final result: storage implements it (`ResultWriter`, group commits to the
/// run's database), so the runner never depends on a database.
public protocol ResultSink: Sendable {
    /// Queues a result for storage without blocking the caller.
    func append(_ result: ItemResult)
    /// Stores everything queued and returns the result chain's head.
    func finish() async throws -> String
    /// Returns once the sink holds no more results waiting to be stored than it allows: a runner that makes results
    /// faster than they are stored (a cut-off team's remaining items, recorded without a request) waits here instead
    /// of growing a backlog in memory. Returns at once for a sink that stores as it is handed results.
    func waitForRoom() async
}

extension ResultSink {
    public func waitForRoom() async {}
}
