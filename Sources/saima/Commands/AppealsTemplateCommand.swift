import ArgumentParser
import Foundation
import SaimaPipeline

/// `saima appeals template`.
extension AppealsCommand {
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
}
