import ArgumentParser
import Foundation
import SaimaPipeline

/// `saima round start|verify`.
struct RoundCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "round",
        abstract: "Run an official round from a round file, and verify a run afterwards. 正式轮次与校验",
        subcommands: [Start.self, Verify.self])
}
