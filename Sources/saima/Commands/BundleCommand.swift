import ArgumentParser
import Foundation
import SaimaPipeline

/// `saima bundle`: the contestant kit, without hidden answers.
struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Export what contestants may have: dev sets, datasets, attachments, prompts; test sets without answers. 导出参赛资料包")

    @OptionGroup var location: LocationOptions
    @Option(help: "Output folder (replaced). 输出目录") var out: String
    @Flag(help: "Leave test sets out entirely. 不包含测试集") var noTest = false

    func run() throws {
        let registry = try location.loadRegistry()
        let readme = try? String(contentsOfFile: "README.md", encoding: .utf8)
        let s = try ContestantBundle.write(tracks: registry.tracks, to: out, includeTest: !noTest, readme: readme)
        print("bundle 资料包: \(out) — \(s.tracks) tracks, \(s.devSets) dev sets, \(s.testSets) test sets without answers, \(s.files) files")
    }
}
