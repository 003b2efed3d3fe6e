import ArgumentParser
import Foundation
import SaimaJudging
import SaimaPipeline
import SaimaRegistry

/// `saima battle`: pairwise comparisons by the LLM judge in both orders, then arena ratings.
struct BattleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "battle",
        abstract: "Pairwise battles of teams' open-ended answers, judged in both orders; arena ratings. 两两对战评审",
        discussion: "Writes battles.jsonl and arena.json into the run folder. 结果写入 battles.jsonl 与 arena.json。")

    @OptionGroup var location: LocationOptions
    @OptionGroup var judge: JudgeOptions
    @Option(help: "Run folder. 结果目录") var out: String
    @Option(help: "Comparisons per item (default: all pairs). 每题对战数") var perItem: Int?
    @Option(help: "Team rated 1000. 锚定队伍") var anchor: String?
    @Option(help: "Bootstrap resamples over battles. 重抽样次数") var bootstrap = 1000
    @Option(help: "Seed for sampling pairs and the bootstrap. 随机种子") var seed: UInt64 = 1

    func validate() throws {
        try OptionBounds.check(bootstrap, 100...100_000, "bootstrap")
        if let perItem { try OptionBounds.check(perItem, 1...10_000, "per-item") }
    }

    func run() async throws {
        let registry = try location.loadRunRegistry(out: out)
        do {
            let outcome = try await JudgingPipeline.withJudge(judge.endpoint) {
                try await JudgingPipeline.battle(
                    folder: out, tracks: registry.tracks, client: $0, judgeModel: judge.judgeModel, perItem: perItem,
                    anchor: anchor, resamples: bootstrap, seed: seed)
            }
            let summary = outcome.summary
            print("battles 对战: \(summary.battles.count) over \(summary.items) items, \(summary.calls) judge calls 调用, "
                + "\(summary.dropped) dropped (invalid verdicts) 无效")
            print(outcome.arenaText)
            print("arena table added to the report 报告已加入对战评分: \(out)/report.html")
        } catch let error as BradleyTerry.Problem {
            printErr("\(out): error: \(error)")
            throw ExitCode.failure
        }
    }
}
