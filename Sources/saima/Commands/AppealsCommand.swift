import ArgumentParser
import Foundation
import SaimaModel
import SaimaPipeline
import SaimaRegistry

/// `saima appeals template|import`: re-reading contested answer readings.
struct AppealsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appeals",
        abstract: "Appeals: a sheet of answers to re-read, and the import of a judge's readings. 申诉复核",
        subcommands: [Template.self, Import.self])

    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write <out>/appeals/appeals.csv (UTF-8 with BOM) of answers to re-read. 生成复核表",
            discussion: """
                --rules weak (default): unextractable answers, weak-rule readings (restated choice text, stray \
                letters) and items whose samples were read differently; --rules uncertain: readings whose \
                confidence is uncertain (not yet re-read) and items whose samples were read differently; --rules all: \
                every choice answer. \
                The judge fills judge_reading (letters, or none/无), judge and reason.
                默认列出无法抽取、靠猜测读取以及多次采样读取不一致的答案；评委填写 judge_reading、judge、reason。
                """)

        @OptionGroup var location: LocationOptions
        @Option(help: "Run folder. 结果目录") var out: String
        @Option(help: "weak | uncertain | all. 列出哪些答案") var rules: String = "weak"
        @Option(name: .customLong("team"), help: "Only this team; repeatable. 仅列出该队") var teams: [String] = []

        func run() throws {
            guard let selection = Appeals.Selection(rawValue: rules) else {
                throw ValidationError("--rules must be weak, uncertain or all / --rules 须为 weak、uncertain 或 all")
            }
            let registry = try location.loadRunRegistry(out: out)
            let (path, rows) = try RunFolder.appealsTemplate(
                folder: out, tracks: registry.tracks, selection: selection, teams: teams)
            print("\(path): \(rows) answer(s) to re-read / 待复核 \(rows) 个答案")
        }
    }

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
