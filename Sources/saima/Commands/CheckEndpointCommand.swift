import ArgumentParser
import Foundation
import SaimaPipeline

/// `saima check-endpoint`: protocol check of an endpoint, explained in plain words.
struct CheckEndpointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-endpoint",
        abstract: "Check that an endpoint speaks the OpenAI chat protocol correctly. 检查接口协议",
        discussion: "Exit status 0 when no check fails (warnings allowed), 1 otherwise.")

    @OptionGroup var target: EndpointOptions
    @Flag(help: "Also check streaming. 同时检查流式") var stream = false

    func run() async throws {
        let key = try APIKeyLookup.key(target.apiKeyEnv)
        let findings = await EndpointCheck.run(endpoint: target.settings(), apiKey: key, stream: stream)
        for f in findings { print(f.line) }
        if findings.contains(where: { $0.level == .error }) { throw ExitCode.failure }
    }
}
