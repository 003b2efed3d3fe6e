import Foundation

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
    /// Never blocks a Swift concurrency thread: each pipe is read to its end on a thread of its own, and the exit is
    /// awaited through the termination handler. (Blocking waits here once starved the in-process test servers
    /// that the child was talking to.) Reading to the end, not through readability handlers, keeps the output
    /// whole and in order: a handler still running when the process ended could append its chunk after the rest,
    /// which broke a line of a large export under load.
    package static func run(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil)
        async throws -> (status: Int32, stdout: String, stderr: String)
    {
        await (try launch(arguments, environment: environment, directory: directory)).wait()
    }

    /// A `saima` process started and not yet awaited (a test may signal it before it ends).
    package struct Launched: Sendable {
        package let pid: Int32
        let exits: AsyncStream<Int32>
        let output: Task<(Data, Data), Never>

        /// The exit status (a signal's number when killed by one) and both outputs.
        package func wait() async -> (status: Int32, stdout: String, stderr: String) {
            var status: Int32 = -1
            for await s in exits { status = s }
            let (out, err) = await output.value
            return (status, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
        }
    }

    /// Starts `saima` with `arguments`; `wait()` gives what `run` gives.
    package static func launch(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil) throws
        -> Launched
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
        let (exits, exited) = AsyncStream.makeStream(of: Int32.self)
        process.terminationHandler = { process in
            exited.yield(process.terminationStatus)
            exited.finish()
        }
        try process.run()
        let output = Task {
            async let stdout = Self.readToEnd(out.fileHandleForReading)
            async let stderr = Self.readToEnd(err.fileHandleForReading)
            return (await stdout, await stderr)
        }
        return Launched(pid: process.processIdentifier, exits: exits, output: output)
    }

    /// Everything `handle` yields until its end, read on a thread of its own: not a Dispatch worker, which on
    /// Linux shares its pool with Swift concurrency, so two blocked reads per child starved the in-process test
    /// servers.
    private static func readToEnd(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: handle.readDataToEndOfFile()) }.start()
        }
    }
}
