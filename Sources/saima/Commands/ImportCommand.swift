import ArgumentParser
import Foundation
import SaimaPipeline

/// `saima import`: a pilot unit's questions from Excel, CSV or a public benchmark format into a question set.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import questions from xlsx, csv or a benchmark format into a question set. 导入题目",
        discussion: """
            Formats: \(SetImport.formatNames.joined(separator: ", ")). Writes TRACKS/T/questions/S.jsonl and \
            the set's entry (with its source's provenance) in TRACKS/T/track.yaml; every problem is reported as \
            file:line or file.xlsx:Sheet!C7, all at once, and nothing is written. Existing sets are replaced only \
            with --replace; importing the same files again changes nothing.
            格式见上；题目写入 questions/S.jsonl 并登记到 track.yaml；所有问题一次性报告，且不写入任何文件。
            """)

    @Option(name: .customLong("from"), help: "Source format. 来源格式") var format: ImportFormatChoice
    @Argument(help: "Source files. 来源文件") var files: [String]
    @OptionGroup var target: ImportTargetOptions
    @Option(help: "A mapping file for other sheet layouts. 列映射文件") var mapping: String?
    @Flag(help: "Show what would be imported; write nothing. 仅预览") var dryRun = false

    func run() throws {
        let source: SetImport.Source
        do {
            source = try SetImport.read(format: format.name, files: files, mapping: mapping, idPrefix: target.set)
        } catch {
            for note in error.notes { printErr("note: \(note)") }
            throw reportProblems(error.problems)
        }
        for note in source.notes { printErr("note: \(note)") }
        if dryRun {
            print(source.preview + "\n(dry run: nothing written 预览模式，未写入)")
            return
        }
        let outcome: SetImport.Outcome
        do {
            outcome = try SetImport.write(source, to: target.target)
        } catch {
            if let message = error.message { printErr(message) }
            if !error.diagnostics.isEmpty { throw reportDiagnostics(error.diagnostics) }
            throw ExitCode.failure
        }
        switch outcome {
        case .unchanged:
            print("unchanged 未变化: \(target.track)/\(target.set) was imported from the same files / 与上次导入的源文件相同")
        case .imported(let file):
            print(source.preview)
            print("imported 已导入 \(source.count) items into \(file) (\(target.split.rawValue)); validated OK")
        }
    }
}
