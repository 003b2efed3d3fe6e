import ArgumentParser
import SaimaPipeline

/// `saima merge`: one run folder from the folders of a round's static shards.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the run folders of a round's shards (run --shard i/N) into one run. 合并分片结果",
        discussion: """
            Every shard must be given once, made with the same manifest, with an intact result chain and no answer in two
            shards; the merged folder gets one new, verifiable chain, scores, the leaderboard and the report.
            """)

    @OptionGroup var location: LocationOptions
    @Option(help: "The merged run folder (new or empty). 合并后的结果目录") var out: String
    @Argument(help: "The shards' run folders. 各分片结果目录") var shards: [String]

    func run() throws {
        guard let first = shards.first else { throw ValidationError("give the shards' run folders / 请给出分片目录") }
        let registry = try location.loadRunRegistry(out: first)
        do {
            let summary = try RunMerge.merge(out: out, shards: shards, tracks: registry.tracks)
            print("merged 已合并 \(summary.shards) shards 个分片, \(summary.results) results 条结果; chain head 链头 \(summary.chainHead.prefix(16))…")
            print("written 已写入: " + summary.files.joined(separator: ", "))
        } catch let problem as RunMerge.Problem {
            printErr(problem.description)
            throw ExitCode.failure
        }
    }
}
