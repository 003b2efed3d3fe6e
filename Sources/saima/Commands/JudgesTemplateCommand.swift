import ArgumentParser
import Foundation
import SaimaPipeline

/// `saima judges template`.
extension JudgesCommand {
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
}
