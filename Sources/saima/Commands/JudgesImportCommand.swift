import ArgumentParser
import Foundation
import SaimaPipeline

/// `saima judges import`.
extension JudgesCommand {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import filled sheets (file name = judge), validate, report agreement. 导入评分并计算一致性")

        @OptionGroup var location: LocationOptions
        @Option(help: "Run folder. 结果目录") var out: String
        @Option(help: "Flag answers whose judges differ by more than this (0–1). 分歧阈值") var threshold = 0.3
        @Option(help: "Also publish the import to this shared store, postgres://USER@HOST[:PORT]/DB (or SAIMA_STORE). 同步到共享库")
        var store: String?
        @Argument(help: "Filled CSV sheets. 已填写的评分表") var files: [String]

        func run() async throws {
            let registry = try location.loadRunRegistry(out: out)
            let shared = try StoreOption.named(store)
            let result: (lines: [String], imported: [HumanScore], judges: Set<String>)
            do {
                result = try JudgingPipeline.importHumanScoreLines(folder: out, tracks: registry.tracks, sheets: files, threshold: threshold)
            } catch let error as DiagnosticsError {
                throw reportDiagnostics(error.diagnostics)
            }
            for line in result.lines { print(line) }
            guard let shared else { return }
            try await StoreOption.reporting {
                let (head, imports) = try await SharedRound.publishHumanScores(
                    location: shared, folder: out, scores: result.imported, judges: result.judges)
                print("published 已同步 to the shared store 共享库: import 第 \(imports) 次导入, chain head 链头 \(head.prefix(16))…")
            }
        }
    }
}
