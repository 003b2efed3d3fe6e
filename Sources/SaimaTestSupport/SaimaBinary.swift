import Foundation

/// Locates and runs the `saima` executable built next to the tests.
public enum SaimaBinary {
    /// `<package>/.build/debug/saima` (or the release build when only that exists).
    public static var path: String {
        var dir = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { dir.deleteLastPathComponent() }
        let debug = dir.appendingPathComponent(".build/debug/saima").path
        let release = dir.appendingPathComponent(".build/release/saima").path
        return FileManager.default.fileExists(atPath: debug) ? debug : release
    }

    /// Runs `saima` with `arguments` and returns its exit status, standard output and standard error.
    public static func run(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil)
        throws -> (status: Int32, stdout: String, stderr: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ["SWIFT_BACKTRACE": "enable=no", "PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// The repository root (for the bundled Tracks/ and Submissions/).
    public static var repositoryRoot: String {
        var dir = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { dir.deleteLastPathComponent() }
        return dir.path
    }
}
