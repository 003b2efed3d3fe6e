import ArgumentParser
import Foundation
import SaimaPipeline

/// `saima leaderboard`: aggregates a scored run into boards with intervals and ranks.
struct LeaderboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leaderboard",
        abstract: "Build leaderboards with 95% intervals and ranks; write JSON, CSV and Markdown. 生成排行榜")

    @OptionGroup var location: LocationOptions
    @Option(help: "Run folder. 结果目录") var out: String
    @Option(help: "Bootstrap seed (default: the run's seed). 随机种子") var seed: UInt64?
    @Option(help: "Bootstrap resamples (at least 1000 for published results). 重抽样次数") var resamples = 1000

    func validate() throws {
        try OptionBounds.check(resamples, 100...100_000, "resamples")
    }

    func run() throws {
        let registry = try location.loadRunRegistry(out: out)
        print(try Self.build(folder: out, tracks: registry.tracks, seed: seed, resamples: resamples))
    }

    /// Builds, writes and renders the leaderboard of a scored run; returns the terminal tables.
    static func build(folder: String, tracks: [Track], seed: UInt64?, resamples: Int) throws -> String {
        let (board, files) = try RoundPipeline.writeLeaderboard(
            folder: folder, tracks: tracks, seed: seed, resamples: resamples)
        return BoardText.describe(board, files: files)
    }

    /// The terminal board and the files written.
}
