import Foundation
import SaimaEndpointServer
package import SaimaLeaderboard

/// The local OpenAI-compatible servers the command line starts: the benchmark's fixed-reply endpoint, a baseline model
/// with a persona, and the demo's fleet of baselines (one per example submission).
package enum LocalServers {
    /// The baseline personas `saima serve-baseline --persona` takes.
    package static var personas: [String] { BaselinePersona.allCases.map(\.rawValue) }

    /// Serves a fixed reply (`答案：B`) after `latencyMs`, announcing `listening PORT` on standard output, until
    /// standard input closes: the endpoint `saima bench` measures against.
    package static func serveBenchEndpoint(port: Int, latencyMs: Int, threads: Int) async throws {
        let body = Data(ChatCompletionJSON.completion(content: "答案：B", model: "bench").utf8)
        let server = try await LocalEndpointServer.startFixed(
            port: port, threads: threads, body: body, delay: .milliseconds(latencyMs))
        FileHandle.standardOutput.write(Data("listening \(server.port)\n".utf8))
        while FileHandle.standardInput.availableData.count > 0 {}
        await server.stop()
    }

    /// Starts a baseline server of a persona (one of `personas`) and returns its base URL; it serves until the process
    /// ends. Nil for an unknown persona.
    package static func startBaseline(persona name: String, port: Int, model: String?, requiredKey: String?, latencyMs: Int)
        async throws -> String?
    {
        guard let persona = BaselinePersona(rawValue: name) else { return nil }
        let server = try await BaselineServer.start(
            persona: persona, port: port, model: model, requiredKey: requiredKey, latency: .milliseconds(latencyMs))
        return server.baseURL
    }

    /// The demo: one baseline server per example submission (its persona from the submission's model name), and the
    /// round spec that runs every track's dev sets against them with their keys.
    package struct DemoFleet: Sendable {
        let fleet: BaselineFleet

        package static func start(for submissions: [Submission]) async throws -> DemoFleet {
            DemoFleet(fleet: try await BaselineFleet.start(for: submissions))
        }

        /// A line per server: the persona's model, the team and the address.
        package var lines: [String] {
            fleet.submissions.map { "baseline 基线 \($0.endpoint.model) for \($0.id) at \($0.endpoint.baseURL)" }
        }

        package func spec(tracks: [Track], folder: String) -> RoundSpec {
            var spec = RoundSpec(
                round: "demo", tracks: tracks, submissions: fleet.submissions, split: .dev, seed: 20_261_129, folder: folder)
            spec.keys = fleet.keys
            return spec
        }

        package func stop() async { await fleet.stop() }
    }
}

extension BoardText {
    /// The overall board as one line per team: position, name, score, rank.
    package static func overallLines(_ board: Leaderboard) -> [String] {
        board.overall.entries.map { e in
            "  \(e.position). \(e.name.bilingual)  \(String(format: "%.2f", e.score))  rank \(e.rank)"
        }
    }
}
