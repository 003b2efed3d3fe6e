import ArgumentParser
import Foundation
import SaimaJudging
import SaimaModel
import SaimaPipeline
import SaimaRegistry

/// Options naming the judge endpoint (same fields as a submission endpoint).
struct JudgeOptions: ParsableArguments {
    @Option(help: "Judge base URL ending in /v1. 评审模型接口") var judgeEndpoint: String
    @Option(help: "Judge model name. 评审模型名") var judgeModel: String
    @Option(help: "Environment variable holding the judge's API key. 评审密钥环境变量") var judgeApiKeyEnv: String?
    @Option(help: "Judge calls in flight. 评审并发数") var judgeConcurrency = 8
    @Option(help: "Judge timeout, seconds. 评审超时秒数") var judgeTimeout = 120.0

    /// The judge's endpoint (temperature 0).
    var endpoint: EndpointSettings {
        EndpointSettings(
            baseURL: judgeEndpoint.hasSuffix("/") ? String(judgeEndpoint.dropLast()) : judgeEndpoint, model: judgeModel,
            apiKeyEnv: judgeApiKeyEnv, maxConcurrency: judgeConcurrency, timeoutSeconds: judgeTimeout,
            extraBody: ["temperature": .number(0)])
    }
}

/// `saima judge`: LLM-judge grading of rubric items, then re-scoring and the leaderboard.
struct JudgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judge",
        abstract: "Grade rubric answers of a run with an LLM judge (cached), then re-score. LLM 评审",
        discussion: "Verdicts are cached by (judge model, template version, item, answer hash): re-running never pays twice.")

    @OptionGroup var location: LocationOptions
    @OptionGroup var judge: JudgeOptions
    @Option(help: "Run folder. 结果目录") var out: String

    func run() async throws {
        try await Self.judgeAndRescore(folder: out, tracks: try location.loadRunRegistry(out: out).tracks, judge: judge.endpoint)
    }

    /// Judges a run's rubric answers, re-scores it and rebuilds its leaderboard and report (`JudgingPipeline`),
    /// printing what happened.
    static func judgeAndRescore(folder: String, tracks: [Track], judge: EndpointSettings) async throws {
        let (summary, reader, rebuilt) = try await JudgingPipeline.withJudge(judge) {
            try await JudgingPipeline.judgeAndRescore(folder: folder, tracks: tracks, client: $0)
        }
        print("judge 评审: \(summary.answers) answers, \(summary.fromCache) from cache 缓存, \(summary.judged) judged 新评 "
            + "(\(summary.calls) calls 调用), \(summary.errors) judge_error 评审失败")
        print("llm reader 存疑读取复核: \(reader.candidates) uncertain readings 存疑, \(reader.read) re-read 已复核, "
            + "\(reader.rejected) rejected replies 未通过校验, \(reader.errors) failed calls 调用失败")
        print(rebuilt.scoring.line)
        print(LeaderboardCommand.describe(rebuilt.leaderboard, files: rebuilt.files))
    }
}
