import ArgumentParser
import SaimaPipeline
import Foundation

/// `saima export-set`: a question set as a sheet for review in Excel or WPS (import it again after editing).
struct ExportSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-set",
        abstract: "Write a question set as an .xlsx or CSV sheet in the default import layout. 导出题集为表格")

    @OptionGroup var location: LocationOptions
    @Option(help: "Track id. 赛道") var track: String
    @Option(help: "Question-set id. 题集编号") var set: String
    @Option(help: "xlsx or csv. 格式") var format: String = "xlsx"
    @Option(help: "Output file. 输出文件") var out: String

    func run() throws {
        guard ["xlsx", "csv"].contains(format) else { throw ValidationError("--format must be xlsx or csv") }
        let registry = try location.loadRegistry()
        guard let qs = registry.tracks.first(where: { $0.id == track })?.questionSets.first(where: { $0.id == set }) else {
            throw ValidationError("no question set \(track)/\(set) in \(location.roots.joined(separator: ", ")) / 找不到题集")
        }
        let path = out.lowercased().hasSuffix(".\(format)") ? out : out + ".\(format)"
        let dropped = try SetExport.write(qs, to: path)
        if !dropped.isEmpty {
            printErr("note: fields without a sheet column were not exported: \(dropped.sorted().joined(separator: ", ")) / 以下字段未导出")
        }
        print("\(path): \(qs.items.count) items 道题 (content sha256 \(qs.contentHash.prefix(12))…)")
    }
}
