import ArgumentParser
import SaimaPipeline

/// Options of `saima agreement` that measure the LLM reader on one corpus part.
struct ReaderOptions: ParsableArguments {
    @Option(help: "Measure the LLM reader of this model on uncertain readings. 测量读取模型") var readerModel: String?
    @Option(help: "The reader's base URL ending in /v1 (omit to replay --reader-record). 读取模型接口") var readerEndpoint: String?
    @Option(help: "Environment variable holding the reader's API key. 读取模型密钥环境变量") var readerApiKeyEnv: String?
    @Option(help: "Reader replies recorded here and replayed from here (JSON Lines), one file per part. 读取记录文件")
    var readerRecord = "runs/llm-reader-replies.jsonl"
    @Option(help: "Corpus part for the reader: dev or heldout. 测量部分") var readerPart: AgreementReport.Part = .dev
    @Option(help: "Reader calls in flight. 并发数") var readerConcurrency = 1
    @Option(help: "Reader timeout, seconds. 超时秒数") var readerTimeout = 300.0

    /// The reader's endpoint (temperature 0), when a URL is given.
    func endpoint(model: String) -> EndpointSettings? {
        readerEndpoint.map {
            .judge(url: $0, model: model, apiKeyEnv: readerApiKeyEnv, concurrency: readerConcurrency, timeout: readerTimeout)
        }
    }
}

/// The corpus parts `saima agreement --reader-part` takes: one at a time, so that held-out replies are recorded apart.
extension AgreementReport.Part: ExpressibleByArgument {}
extension AgreementReport.Against: ExpressibleByArgument {}
