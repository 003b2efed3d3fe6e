import ArgumentParser
import SaimaPipeline

/// How `saima run` calls endpoints: limits, retries, timeouts, streaming.
struct RunnerTuningOptions: ParsableArguments {
    @Option(help: "Most transfers in flight across all teams. 全局并发上限") var maxInFlight = 256
    @Option(help: "Attempts per request, retries included. 每题最多尝试次数") var maxAttempts = 4
    @Option(help: "Response body cap in bytes. 响应体大小上限") var maxResponseBytes = 4 << 20
    @Option(help: "Ceiling on every request's timeout, seconds, whatever a submission asks. 超时上限")
    var timeoutCeiling = 300.0
    @Option(help: "Cut a team off after this many failed items in a row (0 = never). 连续失败切断阈值")
    var maxConsecutiveFailures = 20
    @Flag(help: "Stream every answer (records time to first token). 流式请求") var stream = false

    func validate() throws {
        try OptionBounds.check(maxInFlight, 1...100_000, "max-in-flight")
        try OptionBounds.check(maxAttempts, 1...20, "max-attempts")
        try OptionBounds.check(maxResponseBytes, 1024...(1 << 30), "max-response-bytes")
        try OptionBounds.check(timeoutCeiling, 0.001...3600, "timeout-ceiling")
        try OptionBounds.check(maxConsecutiveFailures, 0...1_000_000, "max-consecutive-failures")
    }

    func apply(to spec: inout RoundSpec) {
        spec.tune(
            maxInFlight: maxInFlight, maxAttempts: maxAttempts, maxResponseBytes: maxResponseBytes, stream: stream,
            timeoutCeilingSeconds: timeoutCeiling, maxConsecutiveFailures: maxConsecutiveFailures)
    }
}
