import ArgumentParser
import SaimaPipeline
import Foundation

/// `saima tracks list|show`.
struct TracksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tracks",
        abstract: "List and inspect tracks. 查看赛道",
        subcommands: [List.self, Show.self]
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List tracks with their question sets and item counts. 列出赛道、题集与题量")

        @OptionGroup var location: LocationOptions
        @Option(help: "Output format: table or json. 输出格式") var format: Format = .table

        func run() throws {
            let registry = try location.loadRegistry()
            switch format {
            case .json: print(try TrackSummary.json(registry.tracks))
            case .table: print(try TrackSummary.table(registry.tracks))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one track: question sets, pilot units, content hashes, datasets. 查看单个赛道")

        @OptionGroup var location: LocationOptions
        @Argument(help: "Track id, e.g. finance. 赛道 ID") var id: String

        func run() throws {
            let registry = try location.loadRegistry()
            guard let track = registry.track(id) else {
                throw ValidationError("unknown track `\(id)`; known: \(registry.tracks.map(\.id).joined(separator: ", ")) / 未知赛道")
            }
            print(TrackSummary.detail(track))
        }
    }
}
