import ArgumentParser
import Foundation
import SaimaPipeline

/// `saima judge`: LLM-judge grading of rubric items, then re-scoring and the leaderboard.
struct JudgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judge",
        abstract: "Grade rubric answers of a run with an LLM judge (cached), then re-score. LLM 评审",
        discussion: "Verdicts are cached by (judge model, template version, item, answer hash): re-running never pays twice.")

    @OptionGroup var location: LocationOptions
    @OptionGroup var judge: JudgeOptions
    @Option(help: "Run folder. 结果目录") var out: String
    @Option(help: "Share verdicts through this store, postgres://USER@HOST[:PORT]/DB (or SAIMA_STORE). 共享评审缓存")
    var store: String?
    @Flag(help: "Let the LLM reader's readings of uncertain choice answers replace the rules' reading (default: only confirm it). 复核模型可改判")
    var readerReplaces = false

    func run() async throws {
        let shared = try StoreOption.named(store)
        try await StoreOption.reporting {
            for line in try await JudgingPipeline.judgeAndRescoreLines(
                folder: out, tracks: try location.loadRunRegistry(out: out).tracks, judge: judge.endpoint, shared: shared,
                readerReplaces: readerReplaces)
            {
                print(line)
            }
        }
    }

    /// Judges a run's rubric answers, re-scores it and rebuilds its leaderboard and report (`JudgingPipeline`),
    /// printing what happened.
}
