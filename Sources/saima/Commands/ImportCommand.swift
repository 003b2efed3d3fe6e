import SaimaModel
import ArgumentParser
import Foundation
import SaimaImport
import SaimaPipeline
import SaimaRegistry
import SaimaSheets

/// `saima import`: a pilot unit's questions from Excel, CSV or a public benchmark format into a question set.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import questions from xlsx, csv or a benchmark format into a question set. 导入题目",
        discussion: """
            Formats: \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")). Writes TRACKS/T/questions/S.jsonl and \
            the set's entry (with its source's provenance) in TRACKS/T/track.yaml; every problem is reported as \
            file:line or file.xlsx:Sheet!C7, all at once, and nothing is written. Existing sets are replaced only \
            with --replace; importing the same files again changes nothing.
            格式见上；题目写入 questions/S.jsonl 并登记到 track.yaml；所有问题一次性报告，且不写入任何文件。
            """)

    @Option(name: .customLong("from"), help: "Source format. 来源格式") var format: ImportFormat
    @Argument(help: "Source files. 来源文件") var files: [String]
    @OptionGroup var target: ImportTargetOptions
    @Option(help: "A mapping file for other sheet layouts. 列映射文件") var mapping: String?
    @Flag(help: "Show what would be imported; write nothing. 仅预览") var dryRun = false

    func run() throws {
        var layout = SheetLayout()
        if let mapping {
            do { layout = try SheetLayout(mappingFile: mapping) } catch { throw reportProblems([error]) }
        }
        let result = Importer.read(format: format, files: files, layout: layout, idPrefix: target.set)
        for note in result.notes { printErr("note: \(note)") }
        if !result.problems.isEmpty { throw reportProblems(result.problems) }
        let preview = ImportPreview.render(result.items)
        if dryRun {
            print(preview + "\n(dry run: nothing written 预览模式，未写入)")
            return
        }
        let outcome: SetImport.Outcome
        do {
            outcome = try SetImport.write(result.items, target.request(format: format, files: files))
        } catch {
            if let message = error.message { printErr(message) }
            if !error.diagnostics.isEmpty { throw reportDiagnostics(error.diagnostics) }
            throw ExitCode.failure
        }
        switch outcome {
        case .unchanged:
            print("unchanged 未变化: \(target.track)/\(target.set) was imported from the same files / 与上次导入的源文件相同")
        case .imported(let file):
            print(preview)
            print("imported 已导入 \(result.items.count) items into \(file) (\(target.split.rawValue)); validated OK")
        }
    }
}
