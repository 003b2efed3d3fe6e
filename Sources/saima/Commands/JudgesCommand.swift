import ArgumentParser
import Foundation
import SaimaPipeline

/// `saima judges template|import`: grading by human judges.
struct JudgesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judges",
        abstract: "Human judges: anonymized grading sheets and their import with agreement. 人工评审",
        subcommands: [Template.self, Import.self])
}
