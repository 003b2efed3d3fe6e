/// One problem found in user input, located as `path:line`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Error {
    public var path: String
    /// 1-based line number; 0 when the problem concerns the whole file.
    public var line: Int
    public var message: String
    /// Errors stop a command; warnings are printed and the command goes on.
    public var severity: Severity

    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public init(path: String, line: Int, message: String, severity: Severity = .error) {
        self.path = path
        self.line = line
        self.message = message
        self.severity = severity
    }

    /// `path:line: error: message` (or `path: error: message` without a line), as compilers print it.
    public var description: String {
        line > 0 ? "\(path):\(line): \(severity.rawValue): \(message)" : "\(path): \(severity.rawValue): \(message)"
    }
}

/// All the problems found while loading input; loaders collect rather than stop at the first.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
