import ArgumentParser
import SaimaPipeline
import Foundation

/// `saima agreement`: how often Saima's choice readings agree with careful human readings of real replies, on the
/// development part of a corpus and on its held-out part (`heldout/`), per source, model kind and model.
struct AgreementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Measure answer reading against human readings of real replies. 答案读取与人工判读的一致率",
        discussion: """
            Reads every *.jsonl of the corpus folder (the development part) and of its heldout/ subfolder (the
            held-out part, never read while writing rules), in the format of Tests/SaimaScoringTests/RealReplies/FORMAT.md.
            Prints agreement, wrong confident readings, uncertain readings and verdict differences per source, per model
            kind and per model. --disagreements lists the development part's disagreements only: the held-out part is
            reported as figures, never as replies.

            --reader-model measures the LLM reader instead: each uncertain reading of --reader-part is sent to the
            reader at --reader-endpoint (an OpenAI-compatible /v1 URL), its replies kept in --reader-record; without
            --reader-endpoint the recorded replies are used and a call not recorded counts as failed.
            """)

    @Option(help: "Corpus folder. 语料目录") var corpus = "Tests/SaimaScoringTests/RealReplies"
    @Flag(help: "List the development part's disagreements. 列出开发集不一致项") var disagreements = false
    @Option(help: "Explain the reading of one development case by id. 解释开发集某条的读取") var explain: String?
    @Flag(help: "Measure the development part only (while rules are written). 只测开发集") var devOnly = false
    @Flag(help: "Count the development part's uncertain readings by doubt. 开发集存疑原因统计") var doubts = false
    @Flag(help: "List the development part's uncertain readings. 列出开发集存疑读取") var uncertain = false

    @Option(help: "Measure the LLM reader of this model on uncertain readings. 测量读取模型") var readerModel: String?
    @Option(help: "The reader's base URL ending in /v1 (omit to replay --reader-record). 读取模型接口") var readerEndpoint: String?
    @Option(help: "Reader replies recorded here and replayed from here (JSON Lines). 读取记录文件")
    var readerRecord = "runs/llm-reader-replies.jsonl"
    @Option(help: "Corpus part for the reader: dev, heldout or both. 测量部分") var readerPart: PartChoice = .dev
    @Option(help: "Reader calls in flight. 并发数") var readerConcurrency = 1
    @Option(help: "Reader timeout, seconds. 超时秒数") var readerTimeout = 300.0

    func run() async throws {
        if let readerModel {
            try await AgreementReport.readerReport(
                corpus: corpus, part: readerPart.part, endpoint: AgreementReport.readerEndpoint(
                    readerEndpoint, model: readerModel, concurrency: readerConcurrency, timeout: readerTimeout),
                model: readerModel, recording: readerRecord, listDev: disagreements) { print($0) }
            return
        }
        if let explain {
            for text in try AgreementReport.explain(corpus: corpus, id: explain) { print(text) }
            return
        }
        let listings = AgreementReport.Listings(disagreements: disagreements, doubts: doubts, uncertain: uncertain)
        try AgreementReport.report(corpus: corpus, devOnly: devOnly, listings: listings) { print($0) }
    }
}

/// The corpus parts `saima agreement --reader-part` takes.
enum PartChoice: String, ExpressibleByArgument, CaseIterable {
    case dev, heldout, both
    var part: AgreementReport.Part { AgreementReport.Part(rawValue: rawValue)! }
}
