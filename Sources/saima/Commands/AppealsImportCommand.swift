import ArgumentParser
import Foundation
import SaimaModel
import SaimaPipeline
import SaimaRegistry

/// `saima appeals import`.
extension AppealsCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import judge readings (all or nothing), re-score and rebuild the report. 导入复核结果并重新计分")

        @OptionGroup var location: LocationOptions
        @Option(help: "Run folder. 结果目录") var out: String
        @Argument(help: "Filled appeal sheets (CSV). 已填写的复核表") var files: [String]
        @Option(help: "Replace earlier judges' readings of these answers, for this reason (recorded). 替换已有复核结果的理由")
        var supersede: String?

        func run() throws {
            let registry = try location.loadRunRegistry(out: out)
            let imported: (count: Int, rebuilt: JudgingPipeline.Rebuilt)
            do {
                let (readings, rebuilt) = try RunFolder.importAppeals(
                    folder: out, tracks: registry.tracks, sheets: files, supersede: supersede)
                imported = (readings.count, rebuilt)
            } catch let error as DiagnosticsError {
                throw reportDiagnostics(error.diagnostics)
            }
            print("imported 已导入 \(imported.count) judge reading(s) 条复核结果")
            let summary = imported.rebuilt.scoring
            print(summary.line)
            print("\(summary.overridden) answer(s) re-read by judges 个答案经评委复核; leaderboard and report updated 排行榜与报告已更新: \(out)")
        }
    }
}
