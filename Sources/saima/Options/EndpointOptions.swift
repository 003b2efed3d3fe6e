import ArgumentParser
import SaimaPipeline

/// The endpoint a contestant tests: `--endpoint`, `--model`, `--api-key-env`, `--timeout`.
struct EndpointOptions: ParsableArguments {
    @Option(help: "Base URL ending in /v1. 接口地址") var endpoint: String
    @Option(help: "Model name. 模型名") var model: String
    @Option(help: "Environment variable holding the API key. 密钥环境变量") var apiKeyEnv: String?
    @Option(help: "Timeout per request, seconds. 超时秒数") var timeout = 60.0

    /// The settings, with a trailing slash of the URL removed.
    func settings(maxConcurrency: Int = 4, stream: Bool = false) -> EndpointSettings {
        EndpointSettings(
            baseURL: endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint, model: model, apiKeyEnv: apiKeyEnv,
            maxConcurrency: maxConcurrency, timeoutSeconds: timeout, stream: stream)
    }
}
