package import SaimaBase
package import SaimaModel
package import SaimaRegistry
import SaimaScoring

/// `saima validate`: every track and submission loaded, every problem collected — including metric names, which
/// are the scoring library's and which the registry cannot check.
package enum Validation {
    package struct Report: Sendable {
        package var registry: TrackRegistry
        package var submissions: [Submission]
        package var sets: Int { registry.tracks.reduce(0) { $0 + $1.questionSets.count } }
        package var items: Int { registry.tracks.reduce(0) { $0 + $1.questionSets.reduce(0) { $0 + $1.items.count } } }
    }

    /// Loads `roots` and the submissions; throws every problem at once, located `path:line`.
    package static func validate(roots: [String], submissionsRoot: String) throws(DiagnosticsError) -> Report {
        var diagnostics: [Diagnostic] = []
        let registry = TrackRegistry.load(roots: roots, diagnostics: &diagnostics)
        let submissions = SubmissionLoader.load(root: submissionsRoot, registry: registry, diagnostics: &diagnostics)
        diagnostics += unknownMetrics(registry)
        if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
        return Report(registry: registry, submissions: submissions)
    }

    /// An item whose `metric` names no metric of `MetricRegistry`, located at its line.
    static func unknownMetrics(_ registry: TrackRegistry) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for track in registry.tracks {
            for set in track.questionSets {
                let items: [Item]
                do { items = try set.items.items(at: set.items.positions(with: .metric)) } catch {
                    out.append(Diagnostic(path: set.path, line: 0, message: "\(error)"))
                    continue
                }
                for item in items {
                    if let metric = item.metric, MetricRegistry.metric(named: metric) == nil {
                        out.append(Diagnostic(
                            path: set.path, line: item.line,
                            message: "item `\(item.id)`: unknown metric `\(metric)` (known: \(MetricRegistry.names.joined(separator: ", ")))"))
                    }
                }
            }
        }
        return out
    }
}
