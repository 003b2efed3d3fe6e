import ArgumentParser
import SaimaPipeline
import Foundation
/// Prints every diagnostic to standard error, compiler style, and returns the exit status 1 to throw.
func reportDiagnostics(_ diagnostics: [Diagnostic]) -> ExitCode {
    printErr(
        diagnostics.map(\.description).joined(separator: "\n")
            + "\n\(diagnostics.count) problem(s) found; nothing was run. 发现 \(diagnostics.count) 个问题，未执行任何操作。")
    return ExitCode.failure
}

/// Prints located problems, compiler style (`location: error: message`), and returns the exit status 1 to throw.
func reportProblems(_ problems: [LocatedProblem]) -> ExitCode {
    printErr(problems.map(\.description).joined(separator: "\n")
        + "\n\(problems.count) problem(s) found; nothing was written. 发现 \(problems.count) 个问题，未写入任何文件。")
    return ExitCode.failure
}
