import SaimaBase
import SaimaScoring

/// `saima score-file`: predictions in a JSON Lines file scored with one metric (`ScoreFileRunner`).
package struct ScoreFile: Sendable {
    /// The metrics `--metric` takes.
    package static var metricNames: [String] { MetricRegistry.names }

    /// The languages `--lang` takes.
    package static var languages: [String] { ScoringLanguage.allCases.map(\.rawValue) }

    let runner: ScoreFileRunner

    /// A scorer of `metric` in `language` (nil: detected from the references); the reason as text when the metric or
    /// the language is unknown or the partial credit is out of range.
    package init(metric: String, language: String?, partialCredit: Double) throws(ScoreFileRefused) {
        var scoringLanguage: ScoringLanguage?
        if let language {
            guard let l = ScoringLanguage(rawValue: language) else { throw ScoreFileRefused(message: "--lang must be zh or en") }
            scoringLanguage = l
        }
        do {
            runner = try ScoreFileRunner(metricName: metric, language: scoringLanguage, partialCredit: partialCredit)
        } catch {
            throw ScoreFileRefused(message: "\(error)")
        }
    }

    /// Scores the lines of `contents` (read from `path`), handing each output line to `emit`; returns the problems
    /// found, located as `path:line`.
    package func run(contents: String, path: String, emit: (String) -> Void) -> [Diagnostic] {
        runner.run(lines: ScoreFileRunner.lines(of: contents), path: path, emit: emit)
    }
}

/// A metric, language or setting `saima score-file` cannot score with.
package struct ScoreFileRefused: Error, CustomStringConvertible {
    package var message: String
    package var description: String { message }
}
