public import SaimaBase
/// Scores a JSON Lines file of predictions with one metric — the library side of `saima score-file`.
///
/// Input: one JSON object per line (see `ScoreFileLine`); blank lines are skipped. Output: for every valid line,
/// in order, `{"id":…,"score":…,"reason":"…"}` (choice and true/false items add `"extracted"` and the extraction
/// `"rule"`); for the `bleu` metric a last line `{"corpus_bleu":…}` with
/// sacrebleu's corpus BLEU (0–100) over the valid lines. Numbers are written with Swift's shortest round-trip
/// description (`0.5`, `1.0`, `1e-05`). Every faulty line becomes a `Diagnostic` (`path:line: error: message`);
/// all are collected, and the command should exit non-zero when there are any.
public struct ScoreFileRunner: Sendable {
    /// The metric every line is scored with.
    public let metric: any Metric
    /// The tokenization language of text metrics; nil detects it per line (and for the corpus from all lines).
    public let language: ScoringLanguage?
    /// Multi-choice partial credit for the `choice` metric.
    public let partialCredit: Double

    /// A runner for the registered metric `metricName`.
    public init(metricName: String, language: ScoringLanguage? = nil, partialCredit: Double = 0.5) throws(ScoringError)
    {
        guard let metric = MetricRegistry.metric(named: metricName) else { throw .unknownMetric(metricName) }
        self.metric = metric
        self.language = language
        self.partialCredit = partialCredit
    }

    /// The result of a run: output lines and the problems found.
    public struct Output: Sendable {
        /// JSON lines to print, in order.
        public var lines: [String] = []
        /// One per faulty input line.
        public var diagnostics: [Diagnostic] = []
    }

    /// Scores the whole text of a file; lines end with `\n` (a `\r` before it is dropped).
    public func run(contents: String, path: String) -> Output {
        var output = Output()
        output.diagnostics = run(lines: Self.lines(of: contents), path: path) { output.lines.append($0) }
        return output
    }

    /// Scores lines (without their line terminators); line numbers in diagnostics count from 1.
    public func run(lines: [String], path: String) -> Output {
        var output = Output()
        output.diagnostics = run(lines: lines, path: path) { output.lines.append($0) }
        return output
    }

    /// Scores lines as they come, handing each output line to `emit` as soon as it is ready (the corpus BLEU
    /// line last), so that a command can stream a large file; returns the problems found.
    public func run(lines: some Sequence<String>, path: String, emit: (String) -> Void) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var hypotheses: [String] = []
        var references: [[String]] = []
        let context = MetricContext(partialCredit: partialCredit, language: language)
        for (index, text) in lines.enumerated() where !Self.isBlank(text) {
            let number = index + 1
            let parsed: ScoreFileLine
            do throws(ScoringError) {
                let value: JSONValue
                do { value = try JSONValue.parse(text) } catch { throw .invalidJSON(error.message) }
                parsed = try ScoreFileLine(value, metric: metric.name, line: number)
            } catch {
                diagnostics.append(Diagnostic(path: path, line: number, message: error.description))
                continue
            }
            var lineContext = context
            lineContext.prompt = parsed.prompt
            let result = metric.score(item: parsed.item, response: parsed.prediction, context: lineContext)
            emit(Self.scoreLine(id: parsed.id, result: result))
            if metric.name == "bleu" {
                hypotheses.append(parsed.prediction)
                references.append(parsed.item.referenceTexts)
            }
        }
        if metric.name == "bleu" {
            let corpusLanguage = language ?? ScoringLanguage.detect(references: references.flatMap { $0 })
            let bleu = Scorer.corpusBLEU(hypotheses: hypotheses, references: references, language: corpusLanguage)
            emit("{\"corpus_bleu\":\(bleu)}")
        }
        return diagnostics
    }

    /// The lines of a file's text: split at `\n`, a `\r` before it dropped, no empty last line.
    public static func lines(of contents: String) -> [String] {
        var text = contents
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
                if i == bytes.count, start == i { break }
                let end = i > start && bytes[i - 1] == 0x0D ? i - 1 : i
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                start = i + 1
            }
            return lines
        }
    }

    /// Whether a line holds only JSON whitespace (space, tab, CR, LF).
    static func isBlank(_ line: String) -> Bool {
        line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
    }

    /// `{"id":…,"score":…,"reason":"…"}`, plus `"extracted"` and `"rule"` when the metric read an answer.
    static func scoreLine(id: JSONValue, result: MetricResult) -> String {
        var line = "{\"id\":" + id.canonicalJSON + ",\"score\":\(result.score),\"reason\":"
        JSONValue.writeEscaped(result.reason, into: &line)
        if let extracted = result.extracted, let rule = result.rule {
            line += ",\"extracted\":"
            JSONValue.writeEscaped(extracted, into: &line)
            line += ",\"rule\":\"\(rule.rawValue)\""
        }
        if let confidence = result.confidence { line += ",\"confidence\":\"\(confidence.rawValue)\"" }
        line += "}"
        return line
    }
}
