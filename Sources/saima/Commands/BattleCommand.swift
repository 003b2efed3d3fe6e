import ArgumentParser
import Foundation
import SaimaPipeline

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
            for line in try await JudgingPipeline.battleLines(
                folder: out, tracks: registry.tracks, judge: judge.endpoint, perItem: perItem, anchor: anchor,
                resamples: bootstrap, seed: seed)
            {
                print(line)
            }
        } catch let refused as JudgingPipeline.RatingRefused {
            printErr(refused.description)
            throw ExitCode.failure
        }
    }
}
