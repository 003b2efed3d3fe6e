import ArgumentParser
import Foundation
import SaimaJudging
import SaimaModel
import SaimaPipeline
import SaimaRegistry

/// `saima judges template|import`: grading by human judges.
struct JudgesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judges",
        abstract: "Human judges: anonymized grading sheets and their import with agreement. 人工评审",
        subcommands: [Template.self, Import.self])

    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write one anonymized, shuffled CSV sheet per judge (UTF-8 with BOM). 生成评分表")

        @OptionGroup var location: LocationOptions
        @Option(help: "Run folder. 结果目录") var out: String
        @Option(name: .customLong("judge"), help: "A judge's name; repeatable. 评委") var judges: [String]
        @Option(help: "Shuffle seed. 随机种子") var seed: UInt64 = 1

        func run() throws {
            guard !judges.isEmpty else { throw ValidationError("name at least one --judge / 请指定评委") }
            let registry = try location.loadRunRegistry(out: out)
            let paths = try RunFolder.humanJudgingTemplates(
                folder: out, tracks: registry.tracks, judges: judges, seed: seed)
            for p in paths { print(p) }
        }
    }

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
