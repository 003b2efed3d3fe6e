import Foundation
import Synchronization

/// Locates and runs the `saima` executable built next to the tests.
package enum SaimaBinary {
    /// The `saima` built beside the running test binary: the same build path and configuration,
    /// so the tests never run a stale `.build/debug/saima` left over from another build (for
    /// example a release-only or `--build-path .build-x` build). Falls back to
    /// `<package>/.build/debug/saima` only when the test binary's folder has none.
    package static var path: String {
        let running = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let sibling = running.deletingLastPathComponent().appendingPathComponent("saima").path
        if FileManager.default.isExecutableFile(atPath: sibling) { return sibling }
        return repositoryRoot + "/.build/debug/saima"
    }

    /// The repository root (for the bundled Tracks/ and Submissions/).
    package static var repositoryRoot: String {
        var dir = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { dir.deleteLastPathComponent() }
        return dir.path
    }

    /// Runs `saima` with `arguments` and returns its exit status, standard output and standard error.
    ///
    /// Never blocks a Swift concurrency thread: output is collected by readability handlers and the
    /// exit is awaited through the termination handler. (Blocking waits here once starved the
    /// in-process test servers that the child was talking to.)
    package static func run(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil)
        async throws -> (status: Int32, stdout: String, stderr: String)
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
        let collected = OutputBuffers()
        out.fileHandleForReading.readabilityHandler = { collected.append($0.availableData, error: false) }
        err.fileHandleForReading.readabilityHandler = { collected.append($0.availableData, error: true) }
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        out.fileHandleForReading.readabilityHandler = nil
        err.fileHandleForReading.readabilityHandler = nil
        collected.append(out.fileHandleForReading.readDataToEndOfFile(), error: false)
        collected.append(err.fileHandleForReading.readDataToEndOfFile(), error: true)
        let (o, e) = collected.texts
        return (status, o, e)
    }
}

/// Output gathered from a child process's pipes.
final class OutputBuffers: Sendable {
    private let buffers = Mutex<(out: Data, err: Data)>((Data(), Data()))

    func append(_ data: Data, error: Bool) {
        buffers.withLock { if error { $0.err.append(data) } else { $0.out.append(data) } }
    }

    var texts: (String, String) {
        buffers.withLock { (String(decoding: $0.out, as: UTF8.self), String(decoding: $0.err, as: UTF8.self)) }
    }
}
