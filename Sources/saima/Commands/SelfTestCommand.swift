public import ArgumentParser
import Foundation
import SaimaPipeline

/// `saima selftest`: a contestant's endpoint through the same runner, scorer and aggregation as an
/// official round, on the public dev sets by default.
struct SelfTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selftest",
        abstract: "Self-test an endpoint exactly as an official round would score it. 参赛方自测",
        discussion: "Same runner, scorer and aggregation as `saima run`; the numbers match an official run on the same sets.")

    @OptionGroup var target: EndpointOptions
    @Option(name: .customLong("tracks"), help: "A tracks root; repeatable (default ./Tracks). 赛道根目录") var trackRoots: [String] = []
    @Option(name: .customLong("track"), help: "Only this track; repeatable. 指定赛道") var trackIDs: [String] = []
    @Option(help: "dev (default) or test. 数据划分") var split: Split = .dev
    @Option(help: "Transfers in flight. 并发数") var concurrency = 8
    @Flag(help: "Stream answers. 流式请求") var stream = false
    @Option(help: "Run folder (default runs/selftest-<time>). 输出目录") var out: String?
    @Option(help: "Team id to test as: each team is shown choices in its own order. 以此队伍 ID 自测（选项顺序因队而异）")
    var team = "selftest"

    func validate() throws {
        try OptionBounds.check(concurrency, 1...256, "concurrency")
        guard SubmissionLoader.isValidTeamID(team) else {
            throw ValidationError("--team must be a team id (a–z, 0–9, `-`, `_`) / 队伍 ID 只能包含小写字母、数字、-、_")
        }
    }

    func run() async throws {
        _ = try APIKeyLookup.key(target.apiKeyEnv)
        let roots = trackRoots.isEmpty ? ["Tracks"] : trackRoots
        let registry: TrackRegistry
        do { registry = try TrackRegistry.load(roots: roots) } catch { throw reportDiagnostics(error.diagnostics) }
        let tracks = try RoundSelection.tracks(registry: registry, ids: trackIDs)
            .filter { !$0.questionSets(split: split).isEmpty }
        guard !tracks.isEmpty else { throw ValidationError("no \(split.rawValue) question sets in the chosen tracks / 没有可用题集") }
        let submission = Submission(
            id: team, team: LocalizedText(zh: "自测", en: "Self-test \(target.model)"), contact: nil,
            tracks: tracks.map(\.id), endpoint: target.settings(maxConcurrency: concurrency, stream: stream), path: "")
        let stamp = TimeStamp.iso8601(Date()).replacingOccurrences(of: ":", with: "")
        let folder = out ?? "runs/selftest-\(stamp)"
        let spec = RoundSpec(
            round: "selftest", tracks: tracks, submissions: [submission], split: split, seed: 20_241_001, folder: folder)
        let outcome = try await RunExecution.runRound(spec, quiet: true, progress: true)
        print(try SelfTestReport.render(
            outcome: outcome, folder: folder, tracks: tracks, split: split, endpoint: submission.endpoint,
            keyGiven: target.apiKeyEnv != nil))
    }
}

extension Split: ExpressibleByArgument {}

