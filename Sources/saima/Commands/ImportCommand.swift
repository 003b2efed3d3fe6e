import ArgumentParser
import Foundation
import SaimaImport
import SaimaModel
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

    @Option(name: .customLong("from"), help: "Source format. 来源格式") var format: String
    @Argument(help: "Source files. 来源文件") var files: [String]
    @Option(help: "Track id. 赛道") var track: String
    @Option(help: "Question-set id. 题集编号") var set: String
    @Option(help: "dev or test. 数据划分") var split: Split = .dev
    @Option(help: "The pilot unit (Chinese name; --pilot-unit-en for English). 试点单位") var pilotUnit: String?
    @Option(help: "The pilot unit's English name. 试点单位英文名") var pilotUnitEn: String?
    @Option(help: "The track's name when the import creates it (Chinese; English = the same). 赛道名称") var trackName: String?
    @Option(name: .customLong("tracks"), help: "Tracks root to write into (default Tracks). 赛道根目录") var root = "Tracks"
    @Option(help: "A mapping file for other sheet layouts. 列映射文件") var mapping: String?
    @Option(help: "Licence or permission note recorded with the source. 许可说明") var licence: String?
    @Flag(help: "Show what would be imported; write nothing. 仅预览") var dryRun = false
    @Flag(help: "Replace an existing set. 覆盖已有题集") var replace = false

    func run() throws {
        guard let from = ImportFormat(rawValue: format) else {
            throw ValidationError("--from must be one of \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard ItemParserCheck.isPlainID(set), ItemParserCheck.isPlainID(track) else {
            throw ValidationError("--track and --set must use only a–z, 0–9, `-` and `_`")
        }
        var layout = SheetLayout()
        if let mapping {
            do { layout = try SheetLayout(mappingFile: mapping) } catch { throw reportProblems([error.description]) }
        }
        let result = Importer.read(format: from, files: files, layout: layout, idPrefix: set)
        for note in result.notes { printErr("note: \(note)") }
        if !result.problems.isEmpty { throw reportProblems(result.problems) }
        let preview = ImportPreview.render(result.items)
        if dryRun {
            print(preview + "\n(dry run: nothing written 预览模式，未写入)")
            return
        }
        var request = SetWriter.Request(
            root: root, track: track, set: set, split: split,
            pilotUnit: LocalizedText(zh: pilotUnit ?? "未注明 unspecified", en: pilotUnitEn ?? pilotUnit ?? "unspecified"),
            format: from, files: files, licence: licence, replace: replace)
        request.trackName = trackName.map { LocalizedText(zh: $0, en: $0) }
        let outcome: SetImport.Outcome
        do {
            outcome = try SetImport.write(result.items, request)
        } catch {
            if let message = error.message { printErr(message) }
            if !error.diagnostics.isEmpty { throw reportDiagnostics(error.diagnostics) }
            throw ExitCode.failure
        }
        switch outcome {
        case .unchanged:
            print("unchanged 未变化: \(track)/\(set) was imported from the same files / 与上次导入的源文件相同")
        case .imported(let file):
            print(preview)
            print("imported 已导入 \(result.items.count) items into \(file) (\(split.rawValue)); validated OK")
        }
    }

    func reportProblems(_ problems: [String]) -> ExitCode {
        printErr(problems.map { $0.contains(": error: ") ? $0 : $0.replacingOccurrences(of: ": ", with: ": error: ", options: [], range: $0.range(of: ": ")) }
            .joined(separator: "\n") + "\n\(problems.count) problem(s) found; nothing was written. 发现 \(problems.count) 个问题，未写入任何文件。")
        return ExitCode.failure
    }
}

/// The plain ids a folder and file name can carry.
enum ItemParserCheck {
    static func isPlainID(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}
