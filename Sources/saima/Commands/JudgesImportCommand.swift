import ArgumentParser
import Foundation
import SaimaJudging
import SaimaModel
import SaimaPipeline
import SaimaRegistry

/// `saima judges import`.
extension JudgesCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import filled sheets (file name = judge), validate, report agreement. 导入评分并计算一致性")

        @OptionGroup var location: LocationOptions
        @Option(help: "Run folder. 结果目录") var out: String
        @Option(help: "Flag answers whose judges differ by more than this (0–1). 分歧阈值") var threshold = 0.3
        @Argument(help: "Filled CSV sheets. 已填写的评分表") var files: [String]

        func run() throws {
            let registry = try location.loadRunRegistry(out: out)
            let importedCount: Int
            let report: HumanJudging.AgreementReport
            let rebuilt: JudgingPipeline.Rebuilt
            do {
                let result = try JudgingPipeline.importHumanScores(
                    folder: out, tracks: registry.tracks, sheets: files, threshold: threshold)
                (importedCount, report, rebuilt) = (result.imported.count, result.agreement, result.rebuilt)
            } catch let error as DiagnosticsError {
                throw reportDiagnostics(error.diagnostics)
            }
            func f(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "n/a" }
            print("imported 已导入 \(importedCount) scores; \(report.judges) judges 评委, \(report.answers) answers 回答")
            print("Krippendorff's alpha (interval) 一致性系数: \(f(report.alpha)); mean pairwise Spearman 平均秩相关: \(f(report.meanSpearman))")
            for d in report.disagreements.prefix(20) {
                print("disagreement 分歧 \(String(format: "%.2f", d.spread)): \(d.key.track)/\(d.key.set)/\(d.key.item)")
            }
            print(rebuilt.scoring.line)
            print("leaderboard and report updated 排行榜与报告已更新: \(out)")
        }
    }
}
