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
            kind and per model, against the first reader's readings or (--against reference) the reference of the
            double-read replies (the reading both readers gave, or the one a third reader settled), and how often two
            readers agree where a part has second readings (second-reading/). --disagreements lists the development part's disagreements only: the held-out part is
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
    @Option(help: "Measure against the first reading, or the reference where double-read (first, reference). 对照首读或定论")
    var against: AgreementReport.Against = .first

    @OptionGroup var reader: ReaderOptions

    func run() async throws {
        if let model = reader.readerModel {
            try await AgreementReport.readerReport(
                corpus: corpus, part: reader.readerPart, endpoint: reader.endpoint(model: model), model: model,
                recording: reader.readerRecord, listDev: disagreements, against: against) { print($0) }
            return
        }
        if let explain {
            for text in try AgreementReport.explain(corpus: corpus, id: explain) { print(text) }
            return
        }
        let listings = AgreementReport.Listings(disagreements: disagreements, doubts: doubts, uncertain: uncertain)
        try AgreementReport.report(corpus: corpus, devOnly: devOnly, listings: listings, against: against) { print($0) }
    }
}
