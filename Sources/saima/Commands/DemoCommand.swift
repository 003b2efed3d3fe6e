import ArgumentParser
import Foundation
import SaimaPipeline

/// `saima demo`: a whole round out of the box, against local baseline endpoints.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a whole demo round against local baseline models. 一键演示完整评测",
        discussion: """
            Starts one local baseline server per example submission (the persona is the submission's model name,
            `<persona>-baseline`), runs every track's dev sets, scores, aggregates, writes the report to
            runs/demo/ and stops the servers. 为每个示例提交启动本地基线模型，运行全部赛道的开发集并生成报告。
            """)

    @OptionGroup var location: LocationOptions
    @Option(help: "Run folder (replaced on each demo). 输出目录") var out = "runs/demo"
    @Flag(help: "Only the final summary. 仅输出摘要") var quiet = false

    func run() async throws {
        let clock = PhaseClock.trimming()
        let registry = try location.loadRegistry()
        var diagnostics: [Diagnostic] = []
        let submissions = SubmissionLoader.load(root: location.submissionsRoot, registry: registry, diagnostics: &diagnostics)
        if !diagnostics.isEmpty { throw reportDiagnostics(diagnostics) }
        clock.lap("load")
        let fleet = try await LocalServers.DemoFleet.start(for: submissions)
        clock.lap("baselines")
        if !quiet {
            for line in fleet.lines { print(line) }
        }
        if FileManager.default.fileExists(atPath: (out as NSString).appendingPathComponent("run.sqlite")) {
            try FileManager.default.removeItem(atPath: out)
        }
        let spec = fleet.spec(tracks: registry.tracks, folder: out)
        let outcome: RoundPipeline.Outcome
        do {
            outcome = try await RunExecution.runRound(spec, quiet: quiet, clock: clock)
        } catch {
            await fleet.stop()
            throw error
        }
        await fleet.stop()
        let report = URL(fileURLWithPath: out).appendingPathComponent("report.html").standardizedFileURL.path
        print("\n演示完成 Demo finished. 报告 Report: \(report)")
        if quiet {
            for line in BoardText.overallLines(outcome.leaderboard) { print(line) }
        }
    }
}
