import Foundation
package import SaimaRunner
import SaimaStorage
package import SaimaModel

/// A whole round run in-process, with no terminal: keys from the spec, manifest frozen, requests made through
/// libcurl, then scored, aggregated and written. The command line and the portal both run rounds through it; the
/// command line adds a progress display and Ctrl-C, the portal live progress over server-sent events.
package enum RoundExecution {
    /// A warning found before any request is sent (a team with no key anywhere).
    package typealias Warning = String

    /// Runs the round of `spec` into its folder. `onPlans` sees the requests still to be made before the first is
    /// sent; `onEvent` sees every runner event. Cancelling the calling task cancels the requests in flight; `drain`
    /// stops the run after them (`RunDrained`). Either way every finished result stays stored, so running the same
    /// spec again resumes where it stopped. The synchronous phases (planning; scoring, the leaderboard and the
    /// report) run where `blocking` says.
    package static func run(
        _ spec: RoundSpec, clock: PhaseClock? = nil, warn: (Warning) -> Void = { _ in },
        onPlans: ([TeamPlan]) -> Void = { _ in }, drain: DrainSignal? = nil, blocking: BlockingWork = .inPlace,
        onEvent: @escaping @Sendable (RunEvent) -> Void = { _ in }
    ) async throws -> RoundPipeline.Outcome {
        var keyed = spec
        let (submissions, keyLookup) = RoundPipeline.keyedSubmissions(spec)
        keyed.submissions = submissions
        let spec = keyed
        let (store, plans) = try await blocking.run { try RoundPipeline.prepare(spec) }
        clock?.lap("prepare")
        onPlans(plans)
        for s in spec.submissions {
            if let variable = s.endpoint.apiKeyEnv, keyLookup(variable) == nil {
                warn("\(s.id): no key in the keys file and \(variable) is not set; requests go without a key / 未提供密钥")
            }
        }
        // Answers are scored as they arrive, while the CPU waits for endpoints; the scoring pass takes those scores.
        // (The live scorer, with its copy of what scoring reads, is gone before the pass builds its own.)
        let (summary, invocation) = try await { () async throws -> (RunSummary, String) in
            let sink = try RunScoring.LiveScorer(inner: try ResultWriter(store: store), store: store, tracks: spec.tracks)
            let summary = try await requests(
                plans: plans, sink: sink, options: spec.options, keys: keyLookup, drain: drain, onEvent: onEvent)
            return (summary, sink.invocation)
        }()
        clock?.lap("requests")
        return try await blocking.run {
            try RoundPipeline.finish(spec, store: store, chainHead: summary.chainHead, clock: clock, invocation: invocation)
        }
    }

    /// The requests of `plans` into `store`, through one libcurl multi transport, events to `onEvent`.
    package static func requests(
        plans: [TeamPlan], sink: any ResultSink, options: RunnerOptions,
        keys: @escaping @Sendable (String) -> String?, drain: DrainSignal? = nil,
        onEvent: @escaping @Sendable (RunEvent) -> Void
    ) async throws -> RunSummary {
        let transport = CurlMultiTransport()
        defer { transport.shutdown() }
        let runner = RoundRunner(
            transport: transport, writer: sink, options: options, environment: keys, drain: drain, onEvent: onEvent)
        return try await runner.run(plans)
    }
}
