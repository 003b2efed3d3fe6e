import ArgumentParser
import Foundation
import SaimaModel
import SaimaPipeline
import SaimaRegistry

/// `saima check-endpoint`: protocol check of an endpoint, explained in plain words.
struct CheckEndpointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-endpoint",
        abstract: "Check that an endpoint speaks the OpenAI chat protocol correctly. 检查接口协议",
        discussion: "Exit status 0 when no check fails (warnings allowed), 1 otherwise.")

    @Option(help: "Base URL ending in /v1. 接口地址") var endpoint: String
    @Option(help: "Model name. 模型名") var model: String
    @Option(help: "Environment variable holding the API key. 密钥环境变量") var apiKeyEnv: String?
    @Flag(help: "Also check streaming. 同时检查流式") var stream = false
    @Option(help: "Timeout in seconds. 超时秒数") var timeout = 60.0

    func run() async throws {
        let key = try SelfTestCommand.apiKey(apiKeyEnv)
        let settings = EndpointSettings(
            baseURL: endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint, model: model, apiKeyEnv: apiKeyEnv,
            timeoutSeconds: timeout)
        let findings = await EndpointCheck.run(endpoint: settings, apiKey: key, stream: stream)
        for f in findings {
            let mark = f.level == .ok ? "✔" : f.level == .warning ? "!" : "✘"
            print("\(mark) \(f.check): \(f.message)")
        }
        if findings.contains(where: { $0.level == .error }) { throw ExitCode.failure }
    }
}
