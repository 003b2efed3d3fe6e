import ArgumentParser
import Foundation
import SaimaPipeline

/// `saima appeals template|import`: re-reading contested answer readings.
struct AppealsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appeals",
        abstract: "Appeals: a sheet of answers to re-read, and the import of a judge's readings. 申诉复核",
        subcommands: [Template.self, Import.self])
}
