import ArgumentParser
import SaimaPipeline

/// Options naming the judge endpoint (same fields as a submission endpoint).
struct JudgeOptions: ParsableArguments {
    @Option(help: "Judge base URL ending in /v1. 评审模型接口") var judgeEndpoint: String
    @Option(help: "Judge model name. 评审模型名") var judgeModel: String
    @Option(help: "Environment variable holding the judge's API key. 评审密钥环境变量") var judgeApiKeyEnv: String?
    @Option(help: "Judge calls in flight. 评审并发数") var judgeConcurrency = 8
    @Option(help: "Judge timeout, seconds. 评审超时秒数") var judgeTimeout = 120.0

    /// The judge's endpoint (temperature 0).
    var endpoint: EndpointSettings {
        .judge(url: judgeEndpoint, model: judgeModel, apiKeyEnv: judgeApiKeyEnv, concurrency: judgeConcurrency, timeout: judgeTimeout)
    }
}
