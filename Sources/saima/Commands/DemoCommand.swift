import ArgumentParser
import Foundation
import SaimaEndpointServer
import SaimaModel
import SaimaPipeline
import SaimaRegistry
import SaimaLeaderboard

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
        var submissions = SubmissionLoader.load(root: location.submissionsRoot, registry: registry, diagnostics: &diagnostics)
        if !diagnostics.isEmpty { throw reportDiagnostics(diagnostics) }
        var servers: [LocalEndpointServer] = []
        clock.lap("load")
        for index in submissions.indices {
            let model = submissions[index].endpoint.model
            guard model.hasSuffix("-baseline"), let persona = BaselinePersona(rawValue: String(model.dropLast(9))) else {
                continue
            }
            var key: String?
            if let variable = submissions[index].endpoint.apiKeyEnv {
                // A fresh key for this demo only, handed over through the environment as in a real round.
                key = "demo-\(UUID().uuidString.prefix(8))"
                setenv(variable, key!, 1)
            }
            let server = try await BaselineServer.start(persona: persona, port: 0, model: model, requiredKey: key)
            servers.append(server)
            submissions[index].endpoint.baseURL = server.baseURL
            if !quiet { print("baseline 基线 \(persona.rawValue) for \(submissions[index].id) at \(server.baseURL)") }
        }
        clock.lap("baselines")
        let demoSubmissions = submissions.filter { s in servers.contains { s.endpoint.baseURL == $0.baseURL } }
        if FileManager.default.fileExists(atPath: (out as NSString).appendingPathComponent("run.sqlite")) {
            try FileManager.default.removeItem(atPath: out)
        }
        let spec = RoundSpec(
            round: "demo", tracks: registry.tracks, submissions: demoSubmissions, split: .dev, seed: 20_261_129,
            folder: out)
        let outcome: RoundPipeline.Outcome
        do {
            outcome = try await RunExecution.runRound(spec, quiet: quiet, clock: clock)
        } catch {
            for s in servers { await s.stop() }
            throw error
        }
        for s in servers { await s.stop() }
        let report = URL(fileURLWithPath: out).appendingPathComponent("report.html").standardizedFileURL.path
        print("\n演示完成 Demo finished. 报告 Report: \(report)")
        if quiet {
            for e in outcome.leaderboard.overall.entries {
                print("  \(e.position). \(e.name.bilingual)  \(String(format: "%.2f", e.score))  rank \(e.rank)")
            }
        }
    }
}
