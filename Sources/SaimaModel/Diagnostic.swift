/// One problem found in user input, located as `path:line`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Error {
    public var path: String
    /// 1-based line number; 0 when the problem concerns the whole file.
    public var line: Int
    public var message: String

    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `path:line: error: message` (or `path: error: message` without a line), as compilers print it.
    public var description: String {
        line > 0 ? "\(path):\(line): error: \(message)" : "\(path): error: \(message)"
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
