import ArgumentParser
import SaimaModel
import SaimaRegistry

/// Where tracks and submissions are read from.
struct LocationOptions: ParsableArguments {
    @Option(name: .customLong("tracks"), help: "A tracks root; repeat for several (default ./Tracks). 赛道根目录，可重复")
    var trackRoots: [String] = []

    @Option(name: .customLong("submissions"), help: "The submissions folder. 参赛提交目录")
    var submissionsRoot: String = "Submissions"

    var roots: [String] { trackRoots.isEmpty ? ["Tracks"] : trackRoots }

    /// Loads the registry or prints every problem and exits with status 1.
    func loadRegistry() throws -> TrackRegistry {
        do {
            return try TrackRegistry.load(roots: roots)
        } catch {
            throw ReportedDiagnostics(diagnostics: error.diagnostics)
        }
    }
}

/// Diagnostics already collected; printing them and exiting 1 is the CLI's whole response.
struct ReportedDiagnostics: Error, CustomStringConvertible {
    var diagnostics: [Diagnostic]
    var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
            + "\n\(diagnostics.count) problem(s) found; nothing was run. 发现 \(diagnostics.count) 个问题，未执行任何操作。"
    }
}
