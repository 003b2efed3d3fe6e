import ArgumentParser
import Foundation
import SaimaJudging
import SaimaModel
import SaimaPipeline
import SaimaRegistry

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

    func run() async throws {
        let shared = try StoreOption.named(store)
        try await StoreOption.reporting {
            try await Self.judgeAndRescore(
                folder: out, tracks: try location.loadRunRegistry(out: out).tracks, judge: judge.endpoint, shared: shared)
        }
    }

    /// Judges a run's rubric answers, re-scores it and rebuilds its leaderboard and report (`JudgingPipeline`),
    /// printing what happened.
    static func judgeAndRescore(folder: String, tracks: [Track], judge: EndpointSettings, shared: StoreLocation? = nil)
        async throws
    {
        let (summary, reader, rebuilt) = try await SharedRound.withVerdicts(shared) { verdicts in
            try await JudgingPipeline.withJudge(judge) {
                try await JudgingPipeline.judgeAndRescore(folder: folder, tracks: tracks, client: $0, shared: verdicts)
            }
        }
        print("judge 评审: \(summary.answers) answers, \(summary.fromCache) from cache 缓存, \(summary.judged) judged 新评 "
            + "(\(summary.calls) calls 调用), \(summary.errors) judge_error 评审失败")
        print("llm reader 存疑读取复核: \(reader.candidates) uncertain readings 存疑, \(reader.read) re-read 已复核, "
            + "\(reader.rejected) rejected replies 未通过校验, \(reader.errors) failed calls 调用失败")
        print(rebuilt.scoring.line)
        print(LeaderboardCommand.describe(rebuilt.leaderboard, files: rebuilt.files))
    }
}
