import ArgumentParser
import Foundation
import SaimaPipeline

/// `saima pull`: a finished shared round (run --store) into a run folder, scored, with leaderboard and report.
struct PullCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Bring a shared round's results from the store into a run folder. 从共享结果库取回一轮结果",
        discussion: """
            The round must be finished (no request open). Every result's chain link is checked on the way out; the
            folder gets the same chain, the manifest as the first worker recorded it, scores, the leaderboard and the
            report, and from then on works with every command on run folders (judge, appeals, round verify, report).
            """)

    @OptionGroup var location: LocationOptions
    @Option(help: "Shared run store, postgres://USER@HOST[:PORT]/DB (or SAIMA_STORE). 共享结果库") var store: String?
    @Option(help: "Round name. 轮次名称") var round: String
    @Option(help: "The run folder to write (new or empty). 输出目录") var out: String

    func run() async throws {
        let where_ = try StoreOption.required(store)
        try await StoreOption.reporting {
            do {
                let pulled = try await SharedRound.pull(location: where_, round: round, out: out)
                let registry = try location.loadRunRegistry(out: out)
                let (summary, _, files) = try RoundPipeline.rescoreAndRebuild(folder: out, tracks: registry.tracks)
                print("pulled 已取回 \(pulled.results) results 条结果 from \(pulled.workers) worker processes 个工作进程; chain head 链头 \(pulled.chainHead.prefix(16))…")
                print(summary.line)
                print("written 已写入: " + files.joined(separator: ", "))
            } catch let problem as NewRunFolder.Problem {
                printErr(problem.description)
                throw ExitCode.failure
            }
        }
    }
}
