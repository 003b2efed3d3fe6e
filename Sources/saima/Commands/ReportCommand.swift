import ArgumentParser
import Foundation
import SaimaPipeline

/// `saima report`: the ranking report of a run as HTML, Markdown or PDF.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the ranking report (html, md or pdf) of a scored run. 生成排名报告",
        discussion: "PDF is converted from report.html with chromium or wkhtmltopdf when one is installed.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, md, pdf }

    @OptionGroup var location: LocationOptions
    @Option(help: "Run folder. 结果目录") var out: String
    @Option(help: "html, md or pdf. 格式") var format: Format = .html
    @Option(help: "Bootstrap seed (default: the run's seed). 随机种子") var seed: UInt64?
    @Option(name: .customLong("appendix-item"), help: "Also show TRACK/SET/ITEM in the organizer appendix; repeatable. 附录题目")
    var appendixItems: [String] = []

    @Option(help: "Re-sign the new leaderboard and report with this Ed25519 key file (or SAIMA_SIGNING_KEY). 签名私钥")
    var signKey: String?

    func run() throws {
        let registry = try location.loadRunRegistry(out: out)
        let key = try SigningKeyOption.load(signKey, runFolder: out)
        _ = try RoundPipeline.writeLeaderboard(
            folder: out, tracks: registry.tracks, seed: seed, resamples: 1000, appendixItems: appendixItems, signingKey: key)
        let html = (out as NSString).appendingPathComponent("report.html")
        switch format {
        case .html: print(html)
        case .md: print((out as NSString).appendingPathComponent("leaderboard.md"))
        case .pdf:
            let pdf = (out as NSString).appendingPathComponent("report.pdf")
            do { try ReportPDF.convert(html: html, pdf: pdf) } catch let e as ReportPDF.NoConverter { throw ValidationError(e.description) }
            print(pdf)
        }
    }
}
