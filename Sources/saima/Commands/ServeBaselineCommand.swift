import ArgumentParser
import SaimaPipeline
import Foundation

/// `saima serve-baseline`: an OpenAI-compatible baseline endpoint on 127.0.0.1.
struct ServeBaselineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-baseline",
        abstract: "Serve a deterministic baseline model on 127.0.0.1. 启动本地基线模型接口",
        discussion: "Personas: \(LocalServers.personas.joined(separator: ", ")). Stop with Ctrl-C.")

    @Option(help: "Port. 端口") var port: Int
    @Option(help: "random, first-choice, keyword or flaky. 基线类型") var persona: PersonaChoice
    @Option(help: "Model name reported by the server. 模型名") var model: String?
    @Option(help: "Require `Authorization: Bearer <key>` with the key in this environment variable. 要求此环境变量中的密钥")
    var requireKeyEnv: String?
    @Option(help: "Wait this long before every chat reply (a remote model's latency). 每次回答前等待的毫秒数") var latencyMs = 0

    func validate() throws { try OptionBounds.check(latencyMs, 0...600_000, "latency-ms") }

    func run() async throws {
        var key: String?
        if let requireKeyEnv {
            guard let value = ProcessInfo.processInfo.environment[requireKeyEnv], !value.isEmpty else {
                throw ValidationError("\(requireKeyEnv) is not set / 环境变量未设置")
            }
            key = value
        }
        guard let baseURL = try await LocalServers.startBaseline(
            persona: persona.rawValue, port: port, model: model, requiredKey: key, latencyMs: latencyMs)
        else { throw ValidationError("unknown persona \(persona.rawValue)") }
        FileHandle.standardOutput.write(Data("serving persona \(persona.rawValue) at \(baseURL) / 基线接口已启动\n".utf8))
        while true { try await Task.sleep(for: .seconds(3600)) }
    }
}

/// `--persona` values.
/// A persona name `--persona` takes (`LocalServers.personas`).
struct PersonaChoice: ExpressibleByArgument {
    let rawValue: String
    init?(argument: String) {
        guard LocalServers.personas.contains(argument) else { return nil }
        rawValue = argument
    }
}
