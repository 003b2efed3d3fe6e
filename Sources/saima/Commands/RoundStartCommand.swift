import ArgumentParser
import Foundation
import SaimaPipeline

/// `saima round start`.
extension RoundCommand {
    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the round defined in Rounds/NAME.yaml (or --round-file). 按轮次文件运行")

        @OptionGroup var location: LocationOptions
        @Option(help: "Round name: reads Rounds/NAME.yaml. 轮次名") var round: String?
        @Option(help: "Path of a round file. 轮次文件") var roundFile: String?
        @Option(help: "Run folder (default runs/NAME). 输出目录") var out: String?
        @Flag(help: "Request failed items again. 重试失败题目") var retryFailed = false
        @OptionGroup var secrets: RoundSecretsOptions

        func run() async throws {
            guard let path = roundFile ?? round.map({ "Rounds/\($0).yaml" }) else {
                throw ValidationError("give --round NAME or --round-file PATH / 请指定轮次")
            }
            let clock = PhaseClock.trimming()
            var spec: RoundSpec
            do {
                spec = try RoundSpec.from(
                    roundFile: try RoundFile.load(path: path), path: path, roots: location.roots,
                    submissionsRoot: location.submissionsRoot, folder: out, retryFailed: retryFailed)
            } catch let error as DiagnosticsError {
                throw reportDiagnostics(error.diagnostics)
            } catch let error as Selection.UnknownIDs {
                throw ValidationError(error.description)
            } catch let problem as FreshItems.Problem {
                printErr(problem.description)
                throw ExitCode.failure
            }
            try secrets.apply(to: &spec)
            clock.lap("load")
            try await RunExecution.runRound(spec, clock: clock)
            if let judge = spec.judge {
                for line in try await JudgingPipeline.judgeAndRescoreLines(folder: spec.folder, tracks: spec.tracks, judge: judge) {
                    print(line)
                }
            }
        }
    }
}
