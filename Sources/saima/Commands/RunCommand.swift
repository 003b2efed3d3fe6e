import ArgumentParser
import SaimaPipeline

/// `saima run`: call every team's endpoint on every selected item and store the outcomes.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a round: call every team's endpoint on every question. 运行一轮评测",
        discussion: """
            Results go to <out>/run.sqlite as each request finishes. Running again with the same --out resumes:
            answered items are never requested again; failed ones only with --retry-failed. Ctrl-C stops cleanly.
            结果在每个请求完成时写入 <out>/run.sqlite；以相同 --out 重新运行即续跑，已成功的题目不会重复请求。
            """)

    @OptionGroup var location: LocationOptions
    @Option(help: "Round name (the default output folder is runs/NAME). 轮次名称") var round = "default"
    @Option(name: .customLong("track"), help: "Only this track; repeatable. 仅运行指定赛道") var trackIDs: [String] = []
    @Option(name: .customLong("team"), help: "Only this team; repeatable. 仅运行指定队伍") var teamIDs: [String] = []
    @Option(help: "dev, test or all. 数据划分") var split: SplitChoice = .dev
    @Option(help: "Samples per item. 每题采样次数") var samples = 1
    @Option(help: "Run folder. 输出目录") var out: String?
    @Option(help: "Seed recorded in the manifest and used by statistics. 随机种子") var seed: UInt64 = 20_241_001
    @Flag(help: "Request failed items again. 重试失败题目") var retryFailed = false
    @OptionGroup var secrets: RoundSecretsOptions
    @Option(help: "Run only shard i of N (1-based) into its own --out; saima merge folds the shards. 只运行第 i/N 个分片")
    var shard: String?
    @OptionGroup var tuning: RunnerTuningOptions
    @OptionGroup var shared: SharedStoreOptions

    func validate() throws {
        try OptionBounds.check(samples, 1...100, "samples")
        if let shard, !RoundSpec.isShard(shard) {
            throw ValidationError("--shard must be i/N with 1 ≤ i ≤ N ≤ 10000, e.g. 2/4 / 分片格式应为 i/N")
        }
        if shared.named, out != nil || secrets.signKey != nil {
            throw ValidationError("with --store, results go to the store: pull them into a folder with saima pull, then sign / 共享库模式不使用 --out 与 --sign-key")
        }
    }

    func run() async throws {
        let clock = PhaseClock.trimming()
        let registry = try location.loadRegistryForRun()
        clock.lap("load")
        var spec = RoundSpec(
            round: round, tracks: try RoundSelection.tracks(registry: registry, ids: trackIDs),
            submissions: try RoundSelection.submissions(location: location, registry: registry, teams: teamIDs),
            split: split.split, samples: samples, seed: seed, retryFailed: retryFailed,
            folder: out ?? "runs/\(round)")
        try secrets.apply(to: &spec)
        spec.setShard(shard)
        tuning.apply(to: &spec)
        if let settings = try shared.settings() {
            try await StoreOption.reporting { try await RunExecution.runShared(spec, settings: settings) }
        } else {
            try await RunExecution.runRound(spec, clock: clock)
        }
    }
}
