import ArgumentParser
import Foundation
import SaimaPipeline

/// `saima appeals import`.
extension AppealsCommand {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import judge readings (all or nothing), re-score and rebuild the report. 导入复核结果并重新计分")

        @OptionGroup var location: LocationOptions
        @Option(help: "Run folder. 结果目录") var out: String
        @Argument(help: "Filled appeal sheets (CSV); none with --store publishes the folder's readings only. 已填写的复核表")
        var files: [String] = []
        @Option(help: "Replace earlier judges' readings of these answers, for this reason (recorded). 替换已有复核结果的理由")
        var supersede: String?
        @Option(help: "Also publish the readings to this shared store, postgres://USER@HOST[:PORT]/DB (or SAIMA_STORE). 同步到共享库")
        var store: String?

        func run() async throws {
            let registry = try location.loadRunRegistry(out: out)
            let shared = try StoreOption.named(store)
            if files.isEmpty {
                guard let shared else { throw ValidationError("give filled sheets, or --store to publish only / 请给出复核表") }
                return try await publish(shared)
            }
            let imported: (readings: [ReadingOverride], rebuilt: JudgingPipeline.Rebuilt)
            do {
                imported = try RunFolder.importAppeals(folder: out, tracks: registry.tracks, sheets: files, supersede: supersede)
            } catch let error as DiagnosticsError {
                throw reportDiagnostics(error.diagnostics)
            }
            print("imported 已导入 \(imported.readings.count) judge reading(s) 条复核结果")
            let summary = imported.rebuilt.scoring
            print(summary.line)
            print("\(summary.overridden) answer(s) re-read by judges 个答案经评委复核; leaderboard and report updated 排行榜与报告已更新: \(out)")
            if let shared { try await publish(shared) }
        }

        /// Publishes every reading of the folder the store lacks (a failed publish is made good by publishing again).
        func publish(_ shared: StoreLocation) async throws {
            try await StoreOption.reporting {
                let (head, rows) = try await SharedRound.publishOverrides(location: shared, folder: out)
                print("published 已同步 to the shared store 共享库: \(rows) readings 条复核结果, chain head 链头 \(head.prefix(16))…")
            }
        }
    }
}
