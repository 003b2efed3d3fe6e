import Foundation
/// Runs curl and wrk against the benchmark endpoint for comparison figures.
enum ExternalClients {
    package static let body = #"{"model":"bench","messages":[{"role":"user","content":"基准测试问题：以下哪项正确？\nA. 甲\nB. 乙"}]}"#

    package static func which(_ tool: String) -> String? { ExecutableSearch.which(tool) }

    package static func run(_ tool: String, _ arguments: [String], captureOutput: Bool) -> (seconds: Double, output: String)? {
        guard let path = which(tool) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = captureOutput ? pipe : FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = Date()
        guard (try? process.run()) != nil else { return nil }
        let data = captureOutput ? pipe.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        return (Date().timeIntervalSince(start), String(decoding: data, as: UTF8.self))
    }

    /// `curl --parallel --parallel-max N` over `requests` globbed URLs; requests per second and CPU seconds.
    static func curlParallel(url: String, requests: Int, parallel: Int) -> (rate: Double, cpu: Double)? {
        let bodyFile = NSTemporaryDirectory() + "saima-bench-body-\(UUID().uuidString).json"
        try? body.write(toFile: bodyFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: bodyFile) }
        let cpuBefore = ResourceUsage.childrenCPUSeconds()
        guard let r = run("curl", [
            "--parallel", "--parallel-max", "\(parallel)", "--silent", "--output", "/dev/null",
            "-H", "Content-Type: application/json", "--data-binary", "@\(bodyFile)", "\(url)?n=[1-\(requests)]",
        ], captureOutput: false) else { return nil }
        return (Double(requests) / r.seconds, ResourceUsage.childrenCPUSeconds() - cpuBefore)
    }

    /// `wrk` POSTing the same body for `seconds`; requests per second as wrk reports them.
    package static func wrk(url: String, connections: Int, seconds: Int) -> Double? {
        let script = NSTemporaryDirectory() + "saima-bench-\(UUID().uuidString).lua"
        let escaped = body.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\"", with: "\\\"")
        try? """
            wrk.method = "POST"
            wrk.body = "\(escaped)"
            wrk.headers["Content-Type"] = "application/json"
            """.write(toFile: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: script) }
        guard let r = run("wrk", ["-t2", "-c\(connections)", "-d\(seconds)s", "-s", script, url], captureOutput: true)
        else { return nil }
        for line in r.output.split(separator: "\n") where line.hasPrefix("Requests/sec:") {
            return Double(line.split(separator: " ").last ?? "")
        }
        return nil
    }
}
