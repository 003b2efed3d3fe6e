import ArgumentParser
import Foundation
import SaimaPipeline

/// `saima score`: scores every stored answer of a run (idempotent).
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score every stored answer of a run; re-scoring replaces old scores. 为结果评分（可重复执行）")

    @OptionGroup var location: LocationOptions
    @Option(help: "Run folder. 结果目录") var out: String

    func run() throws {
        let registry = try location.loadRunRegistry(out: out)
        let summary = try RunFolder.score(folder: out, tracks: registry.tracks)
        print(summary.line)
        for missing in summary.missingItems.prefix(10) {
            printErr("warning: no item \(missing) in the tracks; its answer was not scored / 题目已不存在，未评分")
        }
    }
}
