import ArgumentParser
import SaimaPipeline

/// `saima exposure`: how often each question set's items have been sent to teams, across the rounds' run folders.
struct ExposureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exposure",
        abstract: "Report how often items were sent to teams across rounds. 题目曝光统计",
        discussion: """
            Reads every run folder under --runs (a run folder, or a folder of run folders; default runs/): each request
            a run recorded is one exposure, retries included. A round file's `fresh_items: N` draws, per set, items no
            earlier round exposed. 每次发送（含重试）计一次曝光。
            """)

    @OptionGroup var location: LocationOptions
    @Option(name: .customLong("runs"), help: "Run folders, or folders of run folders; repeatable (default runs). 结果目录")
    var runs: [String] = []
    @Option(help: "Only the runs of this round. 仅统计该轮次") var round: String?

    func run() throws {
        let registry = try location.loadRegistry(items: .onDemand)
        let ledger = try ExposureLedger.scan(runs.isEmpty ? ["runs"] : runs, round: round)
        print(ledger.render(tracks: registry.tracks), terminator: "")
    }
}
