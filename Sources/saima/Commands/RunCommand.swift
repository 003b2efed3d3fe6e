import ArgumentParser
import Foundation
import SaimaModel
import SaimaPipeline
import SaimaRegistry
import SaimaReports
import SaimaRunner

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
    @Option(help: "Most transfers in flight across all teams. 全局并发上限") var maxInFlight = 256
    @Option(help: "Attempts per request, retries included. 每题最多尝试次数") var maxAttempts = 4
    @Option(help: "Response body cap in bytes. 响应体大小上限") var maxResponseBytes = 4 << 20
    @Option(help: "Seed recorded in the manifest and used by statistics. 随机种子") var seed: UInt64 = 20_241_001
    @Option(help: "Ceiling on every request's timeout, seconds, whatever a submission asks. 超时上限")
    var timeoutCeiling = 300.0
    @Option(help: "Cut a team off after this many failed items in a row (0 = never). 连续失败切断阈值")
    var maxConsecutiveFailures = 20

    func validate() throws {
        try OptionBounds.check(samples, 1...100, "samples")
        try OptionBounds.check(maxInFlight, 1...100_000, "max-in-flight")
        try OptionBounds.check(maxAttempts, 1...20, "max-attempts")
        try OptionBounds.check(maxResponseBytes, 1024...(1 << 30), "max-response-bytes")
        try OptionBounds.check(timeoutCeiling, 0.001...3600, "timeout-ceiling")
        try OptionBounds.check(maxConsecutiveFailures, 0...1_000_000, "max-consecutive-failures")
        try OptionBounds.check(leaseSeconds, 1...86_400, "lease-seconds")
        if let claimBatch { try OptionBounds.check(claimBatch, 1...100_000, "claim-batch") }
        if let shard, ShardSpec(shard) == nil {
            throw ValidationError("--shard must be i/N with 1 ≤ i ≤ N ≤ 10000, e.g. 2/4 / 分片格式应为 i/N")
        }
    }
    @Option(help: "Organizer's keys file: TEAM_ID=KEY lines, mode 0600, outside the repository. 密钥文件")
    var keys: String?
    @Flag(help: "Request failed items again. 重试失败题目") var retryFailed = false
    @Flag(help: "Stream every answer (records time to first token). 流式请求") var stream = false
    @Option(help: "Sign the manifest at the start and the results at the end with this Ed25519 key file (or SAIMA_SIGNING_KEY). 签名私钥")
    var signKey: String?
    @Option(help: "Run only shard i of N (1-based) into its own --out; saima merge folds the shards. 只运行第 i/N 个分片")
    var shard: String?

    @Option(help: "Shared run store, postgres://USER@HOST[:PORT]/DB (or SAIMA_STORE); the password from PGPASSWORD. 共享结果库")
    var store: String?
    @Option(help: "This worker's name in the shared store (default: the host name). 工作进程名") var worker: String?
    @Option(help: "Seconds a claim holds without renewal. 租约秒数") var leaseSeconds = 60.0
    @Option(help: "Requests claimed at a time per team (default: its max_concurrency). 每次领取数") var claimBatch: Int?

    var outFolder: String { out ?? "runs/\(round)" }

    /// The shared store's address, from --store or SAIMA_STORE.
    var storeAddress: String? { store ?? ProcessInfo.processInfo.environment["SAIMA_STORE"] }

    func run() async throws {
        let clock = PhaseClock.trimming()
        // Items are read back from a private copy of their lines when asked and scored: a run's memory does not
        // grow with its question sets (`ItemList`).
        let registry = try location.loadRegistry(items: .onDemand)
        clock.lap("load")
        let submissions = try RoundSelection.submissions(location: location, registry: registry, teams: teamIDs)
        var spec = RoundSpec(
            round: round, tracks: try RoundSelection.tracks(registry: registry, ids: trackIDs), submissions: submissions,
            split: split.split, samples: samples, seed: seed,
            options: RunnerOptions(
                maxInFlight: maxInFlight, retry: RetryPolicy(maxAttempts: maxAttempts),
                maxResponseBytes: maxResponseBytes, forceStream: stream, timeoutCeilingSeconds: timeoutCeiling,
                maxConsecutiveFailures: maxConsecutiveFailures),
            retryFailed: retryFailed, folder: outFolder)
        spec.keys = try KeysOption.load(keys)
        spec.signingKey = try SigningKeyOption.load(signKey, runFolder: outFolder)
        spec.shard = shard.flatMap(ShardSpec.init)
        if let address = storeAddress {
            guard out == nil, signKey == nil else {
                throw ValidationError("with --store, results go to the store: pull them into a folder with saima pull, then sign / 共享库模式不使用 --out 与 --sign-key")
            }
            let location = try StoreOption.location(address)
            let settings = SharedRound.WorkerSettings(
                location: location, name: worker ?? ProcessInfo.processInfo.hostName, leaseSeconds: leaseSeconds,
                batch: claimBatch)
            try await StoreOption.reporting { try await RunExecution.runShared(spec, settings: settings) }
            return
        }
        try await RunExecution.runRound(spec, clock: clock)
    }
}

/// The `--split` choice.
enum SplitChoice: String, ExpressibleByArgument, CaseIterable {
    case dev, test, all
    var split: Split? { self == .all ? nil : Split(rawValue: rawValue) }
}

func printErr(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
