import ArgumentParser
import SaimaPipeline
import Foundation
/// `saima score-file`: scores predictions in a JSON Lines file with one metric.
struct ScoreFileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score-file",
        abstract: "Score a JSONL file of predictions with one metric. 对预测文件评分",
        discussion: """
            Each line: {"id": ..., "prediction": "...", "references": ["..."]} (plus "item": {...} for choice, numeric,
            extraction, keywords and regex). Prints one JSON line per item, and {"corpus_bleu": ...} last for bleu.
            Metrics: \(ScoreFile.metricNames.joined(separator: ", ")).
            """)

    @Option(help: "Metric name. 指标") var metric: String
    @Option(help: "zh or en (default: detected from the references). 语言") var lang: String?
    @Option(help: "Multi-choice partial credit. 多选部分得分") var partialCredit = 0.5

    func validate() throws {
        try OptionBounds.check(partialCredit, 0...1, "partial-credit")
    }
    @Argument(help: "Input JSONL file. 输入文件") var input: String

    func run() throws {
        let scorer: ScoreFile
        do {
            scorer = try ScoreFile(metric: metric, language: lang, partialCredit: partialCredit)
        } catch {
            throw ValidationError(error.message)
        }
        guard let contents = try? String(contentsOfFile: input, encoding: .utf8) else {
            throw reportDiagnostics([.init(path: input, line: 0, message: "cannot read the file as UTF-8")])
        }
        var buffer = ""
        let diagnostics = scorer.run(contents: contents, path: input) { line in
            buffer += line + "\n"
            if buffer.utf8.count > 1 << 16 {
                FileHandle.standardOutput.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        FileHandle.standardOutput.write(Data(buffer.utf8))
        if !diagnostics.isEmpty { throw reportDiagnostics(diagnostics) }
    }
}
