import ArgumentParser
import Foundation
import SaimaModel
import SaimaRegistry
import SaimaScoring

/// `saima validate`: loads every track and submission and reports all problems at once.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check tracks and submissions; print every problem as path:line. 校验赛道与提交",
        discussion: "Exit status 0 when everything is valid, 1 otherwise. 全部有效时返回 0，否则返回 1。")

    @OptionGroup var location: LocationOptions

    func run() throws {
        var diagnostics: [Diagnostic] = []
        let registry = TrackRegistry.load(roots: location.roots, diagnostics: &diagnostics)
        let submissions = SubmissionLoader.load(
            root: location.submissionsRoot, registry: registry, diagnostics: &diagnostics)
        // Metric names are the scoring library's; the registry cannot see them.
        for track in registry.tracks {
            for set in track.questionSets {
                for item in set.items {
                    if let metric = item.metric, MetricRegistry.metric(named: metric) == nil {
                        diagnostics.append(Diagnostic(
                            path: set.path, line: item.line,
                            message: "item `\(item.id)`: unknown metric `\(metric)` (known: \(MetricRegistry.names.joined(separator: ", ")))"))
                    }
                }
            }
        }
        if !diagnostics.isEmpty { throw reportDiagnostics(diagnostics) }
        for w in registry.warnings { printErr(w.description) }
        let sets = registry.tracks.reduce(0) { $0 + $1.questionSets.count }
        let items = registry.tracks.reduce(0) { $0 + $1.questionSets.reduce(0) { $0 + $1.items.count } }
        print("OK: \(registry.tracks.count) tracks, \(sets) question sets, \(items) items, \(submissions.count) submissions.")
        print("校验通过：\(registry.tracks.count) 个赛道，\(sets) 个题集，\(items) 道题，\(submissions.count) 份提交。")
    }
}
