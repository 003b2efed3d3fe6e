import SaimaRunner

/// A round spec set from a command line's runner options and shard.
extension RoundSpec {
    /// Whether `text` names a static shard, `i/N` with 1 ≤ i ≤ N ≤ 10000 (`ShardSpec`).
    package static func isShard(_ text: String) -> Bool { ShardSpec(text) != nil }

    /// Runs only the static shard `text` names (`i/N`); the whole round for nil or a text that names none.
    package mutating func setShard(_ text: String?) { shard = text.flatMap(ShardSpec.init) }

    /// The runner's limits: transfers in flight across teams, attempts per request, the response body cap, streaming
    /// every answer, the ceiling on every request's timeout, and failures in a row that cut a team off (0: never).
    package mutating func tune(
        maxInFlight: Int, maxAttempts: Int, maxResponseBytes: Int, stream: Bool, timeoutCeilingSeconds: Double,
        maxConsecutiveFailures: Int
    ) {
        options = RunnerOptions(
            maxInFlight: maxInFlight, retry: RetryPolicy(maxAttempts: maxAttempts), maxResponseBytes: maxResponseBytes,
            forceStream: stream, timeoutCeilingSeconds: timeoutCeilingSeconds, maxConsecutiveFailures: maxConsecutiveFailures)
    }
}
