/// Where the runner hands each final result: storage implements it (`ResultWriter`, group commits to the
/// run's database), so the runner never depends on a database.
public protocol ResultSink: Sendable {
    /// Queues a result for storage without blocking the caller.
    func append(_ result: ItemResult)
    /// Stores everything queued and returns the result chain's head.
    func finish() async throws -> String
}
