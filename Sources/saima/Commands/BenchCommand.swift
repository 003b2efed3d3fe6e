import ArgumentParser
import SaimaPipeline
import Foundation

/// `saima bench`: measures the whole runner path against a local zero-latency endpoint and a
/// 200 ms endpoint, beside curl's and wrk's figures on the same endpoint.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark the runner against local endpoints, beside curl and wrk. 运行器性能基准",
        discussion: """
            Scenarios: throughput (20,000 items, 64 in flight, zero-latency endpoint), latency (256 in flight,
            200 ms endpoint, against the ideal in-flight/latency bound), memory (100,000 stored items, peak RSS),
            fullpath (the whole `saima run` command on 20,000 items beside curl), leaderboard (50 teams × 7 tracks × 2,000
            items, 1,000 resamples).
            Each scenario runs in its own process so that peak RSS is its own. Build with -c release first.
            """)

    enum Scenario: String, ExpressibleByArgument, CaseIterable {
        case all, throughput, fullpath, latency, memory, leaderboard
    }

    @Option(help: "Which scenario. 场景") var scenario: Scenario = .all
    @Option(help: "Items (default per scenario). 题数") var items: Int?
    @Option(help: "Alternating saima/curl rounds per throughput scenario. 重复次数") var repeats = 3
    @Option(help: "fullpath: endpoint latency in ms (0 = as fast as it can). 接口延迟") var latencyMs = 0
    @Option(help: "fullpath: transfers in flight. 并发数") var inFlight = 64

    func run() async throws {
        if scenario == .all {
            for s in [Scenario.throughput, .fullpath, .latency, .memory, .leaderboard] {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
                process.arguments = ["bench", "--scenario", s.rawValue, "--repeats", "\(repeats)"]
                try process.run()
                process.waitUntilExit()
            }
            return
        }
        switch scenario {
        case .throughput:
            try await Benchmark.throughput(items: items ?? 20_000, inFlight: 64, latencyMs: 0, repeats: repeats)
        case .fullpath:
            try FullPathBenchmark.run(items: items ?? 20_000, inFlight: inFlight, latencyMs: latencyMs, repeats: repeats)
        case .latency:
            try await Benchmark.throughput(items: items ?? 256 * 20, inFlight: 256, latencyMs: 200, repeats: repeats)
        case .memory: try await Benchmark.memory(items: items ?? 100_000)
        case .leaderboard: LeaderboardBenchmark.run()
        case .all: break
        }
    }
}
