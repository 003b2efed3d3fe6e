import ArgumentParser
import Foundation
import SaimaPipeline

/// `saima export`: one record per stored request, as JSON Lines or CSV.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export raw answers of a run as JSON Lines or CSV. 导出原始回答")


    @Option(help: "Run folder. 结果目录") var out: String
    @Option(help: "jsonl or csv. 格式") var format: RunFolder.ExportFormat = .jsonl
    @Option(help: "Write to this file instead of standard output. 输出文件") var output: String?

    func run() throws {
        let text = try RunFolder.export(folder: out, format: format)
        if let output {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

extension RunFolder.ExportFormat: ExpressibleByArgument {}
