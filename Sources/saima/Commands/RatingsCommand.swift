import ArgumentParser
import SaimaPipeline
import Foundation
/// `saima ratings`: Bradley–Terry ratings from any battle log.
struct RatingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ratings",
        abstract: "Bradley–Terry ratings with bootstrap intervals from a battle log. 对战评分",
        discussion: """
            Each line: {"a": TEAM, "b": TEAM, "winner": "a"|"b"|"tie"}. Ties count half a win each way. Ratings are
            400·log10 odds with the anchor at 1000. Prints {"ratings": [{"team", "rating", "ci95", "battles"}]}.
            """)

    @Option(help: "Battle log (JSON Lines). 对战记录") var battles: String
    @Option(help: "Team rated 1000 (default: the first team by name). 锚定队伍") var anchor: String?
    @Option(help: "Bootstrap resamples over battles. 重抽样次数") var bootstrap = 1000
    @Option(help: "Seed. 随机种子") var seed: UInt64 = 1

    func validate() throws {
        try OptionBounds.check(bootstrap, 100...100_000, "bootstrap")
    }

    func run() throws {
        do {
            print(try JudgingPipeline.ratingsJSON(battles: battles, anchor: anchor, resamples: bootstrap, seed: seed))
        } catch let error as DiagnosticsError {
            throw reportDiagnostics(error.diagnostics)
        } catch let refused as JudgingPipeline.RatingRefused {
            printErr(refused.description)
            throw ExitCode.failure
        }
    }
}
