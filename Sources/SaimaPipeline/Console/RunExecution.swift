import Dispatch
import Foundation
package import SaimaModel
import SaimaReports
package import SaimaRunner
import SaimaStorage
/// Runs plans with a progress display and clean Ctrl-C handling.
package enum RunExecution {
    /// A whole round with terminal output: warnings, progress, outcomes, scores, leaderboard.
    @discardableResult
    /// `quiet` drops the tables and the final leaderboard; `progress` still prints progress while requests run
    /// (redrawn on a terminal, a line per team every few seconds otherwise).
    package static func runRound(_ spec: RoundSpec, quiet: Bool = false, progress: Bool? = nil, clock: PhaseClock = .trimming())
        async throws -> RoundPipeline.Outcome
    {
        let display = RunProgress(
            plans: [], interactive: (progress ?? !quiet) && isatty(STDOUT_FILENO) == 1,
            logPath: (spec.folder as NSString).appendingPathComponent("run.log"))
        let outcome = try await withDisplay(display, quiet: !(progress ?? !quiet)) {
            try await RoundExecution.run(
                spec, clock: clock, warn: { printErr("warning: " + $0) }, onPlans: { display.expect($0) },
                onEvent: { display.record($0) })
        }
        if !quiet {
            let store = try RunStore(folder: spec.folder)
            print(try RunOutcomeTable.render(store: store))
            print(outcome.scoring.line)
            print(LeaderboardMarkdown.terminal(outcome.leaderboard))
            print("\nwritten 已写入: " + outcome.files.joined(separator: ", "))
            print("run folder 结果目录: \(spec.folder)")
        }
        clock.lap("print")
        clock.appendToRunLog(folder: spec.folder)
        return outcome
    }

    /// Runs plans into any result sink (a run folder's writer, or a shared store's commits).
    package static func execute(
        plans: [TeamPlan], sink: any ResultSink, options: RunnerOptions, quiet: Bool = false, logPath: String?,
        environment: @escaping @Sendable (String) -> String? = { ProcessInfo.processInfo.environment[$0] }
    ) async throws -> RunSummary {
        let progress = RunProgress(plans: plans, interactive: !quiet && isatty(STDOUT_FILENO) == 1, logPath: logPath)
        return try await withDisplay(progress, quiet: quiet) {
            try await RoundExecution.requests(
                plans: plans, sink: sink, options: options, keys: environment, onEvent: { progress.record($0) })
        }
    }

    /// What Ctrl-C ends a run with: finished results stay stored; the command exits with status 130.
    package struct Interrupted: Error, CustomStringConvertible {
        package var description: String { "interrupted / 已中断" }
    }

    /// Runs `body` with `progress` redrawn while it runs and Ctrl-C cancelling it (finished results stay stored;
    /// `Interrupted` is thrown).
    static func withDisplay<T: Sendable>(
        _ progress: RunProgress, quiet: Bool, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let task = Task { try await body() }
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        interrupt.setEventHandler {
            printErr("\ninterrupted: cancelling requests in flight; finished results are stored. 已中断，已完成的结果均已保存。")
            task.cancel()
        }
        interrupt.resume()
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(progress.interactive ? 500 : 5000))
                if !quiet { progress.render() }
            }
        }
        defer {
            ticker.cancel()
            interrupt.cancel()
            signal(SIGINT, SIG_DFL)
        }
        do {
            let value = try await task.value
            ticker.cancel()
            if !quiet { progress.render(final: true) }
            return value
        } catch is CancellationError {
            ticker.cancel()
            progress.render(final: true)
            throw Interrupted()
        }
    }

    /// A worker's part of a shared round: join the store's round, run the claimed requests, give back what is left.
    package static func runShared(_ spec: RoundSpec, settings: SharedRound.WorkerSettings) async throws {
        var spec = spec
        let (submissions, keyLookup) = RoundPipeline.keyedSubmissions(spec)
        spec.submissions = submissions
        let joined = try await SharedRound.join(spec, settings: settings)
        print(joined.joinedLine(round: spec.round))
        do {
            _ = try await execute(
                plans: joined.plans, sink: joined.sink, options: spec.options, quiet: false, logPath: nil, environment: keyLookup)
        } catch {
            _ = await joined.leave(name: settings.name)
            throw error
        }
        print(await joined.leave(name: settings.name))
    }
}
