import ArgumentParser
import SaimaPipeline
import Foundation

/// `saima bench-endpoint`: a fixed-reply OpenAI-compatible endpoint for benchmarks.
struct BenchEndpointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-endpoint",
        abstract: "Serve a fixed chat completion on 127.0.0.1 for benchmarks. 基准测试用固定应答接口",
        shouldDisplay: false)

    @Option(help: "Port (0 picks a free one; the chosen port is printed). 端口") var port = 0
    @Option(help: "Delay before each reply, in milliseconds. 每次应答的延迟") var latencyMs = 0
    @Option(help: "Event-loop threads. 线程数") var threads = 1

    func run() async throws {
        try await LocalServers.serveBenchEndpoint(port: port, latencyMs: latencyMs, threads: threads)
    }
}
