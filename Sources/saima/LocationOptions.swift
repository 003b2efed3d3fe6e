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
            throw reportDiagnostics(error.diagnostics)
        }
    }
}

/// Prints every diagnostic to standard error, compiler style, and returns the exit status 1 to throw.
func reportDiagnostics(_ diagnostics: [Diagnostic]) -> ExitCode {
    printErr(
        diagnostics.map(\.description).joined(separator: "\n")
            + "\n\(diagnostics.count) problem(s) found; nothing was run. 发现 \(diagnostics.count) 个问题，未执行任何操作。")
    return ExitCode.failure
}
