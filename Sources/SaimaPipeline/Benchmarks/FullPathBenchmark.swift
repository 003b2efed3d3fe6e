import Foundation
/// The whole command, not just the request phase: `saima run` as a child process on a tracks root of `items`
/// questions (load, validate, plan, request, store, score, aggregate, write the report), its wall time and peak
/// RSS beside `curl --parallel` making the same number of requests to the same endpoint. With an endpoint latency,
/// each time is also printed as a ratio to the in-flight/latency bound (`items × latency / in-flight`: no client can
/// finish sooner), the target for a latency-bound endpoint being within 3% of it.
package enum FullPathBenchmark {
    package static func run(items: Int, inFlight: Int, latencyMs: Int = 0, repeats: Int) throws {
        let endpoint = try Benchmark.Endpoint.start(latencyMs: latencyMs)
        defer { endpoint.stop() }
        let root = NSTemporaryDirectory() + "saima-fullpath-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write(root: root, items: items, port: endpoint.port, inFlight: inFlight)
        print("== scenario: whole `saima run`, \(items) items, \(inFlight) in flight, endpoint latency \(latencyMs) ms ==")
        let bound = Double(items) * Double(latencyMs) / 1000 / Double(inFlight)
        func ratio(_ seconds: Double) -> String { bound > 0 ? String(format: " = %.4f × the bound %.2f s", seconds / bound, bound) : "" }
        var saimaSeconds: [Double] = []
        var saimaRates: [Double] = []
        var curlRates: [Double] = []
        var requestRates: [Double] = []
        var peaks: [Double] = []
        for round in 1...max(1, repeats) {
            let out = root + "/run-\(round)"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            process.arguments = [
                "run", "--round", "bench", "--tracks", root + "/Tracks", "--submissions", root + "/Submissions",
                "--out", out, "--max-in-flight", String(inFlight),
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let start = Date()
            try process.run()
            process.waitUntilExit()
            let seconds = Date().timeIntervalSince(start)
            saimaRates.append(Double(items) / seconds)
            saimaSeconds.append(seconds)
            print(String(format: "[%d] saima run, whole command:  %6.2f s  %8.0f items/s  (exit %d)", round, seconds,
                         Double(items) / seconds, process.terminationStatus) + ratio(seconds))
            if let phases = Self.phases(folder: out) {
                let requests = phases.first { $0.name == "requests" }?.seconds ?? 0
                requestRates.append(requests > 0 ? Double(items) / requests : 0)
                print(String(format: "    request phase %.2f s = %.0f req/s; ", requests, requestRates.last ?? 0)
                      + phases.map { "\($0.name) " + String(format: "%.3f", $0.seconds) }.joined(separator: ", "))
                if let phasePeaks = phaseLine(folder: out).flatMap({ PhaseClock.parsePeaks($0) }) {
                    print("    peak RSS after each phase (MB): "
                          + phasePeaks.map { "\($0.name) " + String(format: "%.1f", $0.megabytes) }.joined(separator: ", "))
                    peaks.append(phasePeaks.map(\.megabytes).max() ?? 0)
                }
            }
            if let curl = ExternalClients.curlParallel(url: endpoint.url, requests: items, parallel: inFlight) {
                curlRates.append(curl.rate)
                print(String(format: "[%d] curl --parallel-max %d:     %8.0f req/s", round, inFlight, curl.rate)
                      + ratio(Double(items) / curl.rate))
            }
        }
        // The command's own peak (VmHWM, from its run.log): the kernel's `ru_maxrss` of a child would include this
        // process's peak, which it inherits through `execve`.
        print(String(format: "peak RSS of saima run (its own VmHWM): %.1f MB at most, target < 64 MB at 100,000 items",
                     peaks.max() ?? 0))
        if bound > 0 {
            let median = Benchmark.median(saimaSeconds)
            print(String(format: "median: saima whole command %.2f s = %.4f × the in-flight/latency bound %.2f s (target ≤ 1.03)",
                         median, median / bound, bound))
        }
        let s = Benchmark.median(saimaRates)
        if !curlRates.isEmpty {
            let c = Benchmark.median(curlRates)
            print(String(format: "median: saima whole command %.0f items/s, curl %.0f req/s → %.0f%% of curl (target ≥ 100%%)",
                         s, c, s / c * 100))
            if !requestRates.isEmpty {
                let r = Benchmark.median(requestRates)
                print(String(format: "median: saima request phase %.0f req/s → %.0f%% of curl", r, r / c * 100))
            }
        }
    }

    /// The phase times `saima run` appended to the run folder's `run.log` (the last such line).
    package static func phases(folder: String) -> [(name: String, seconds: Double)]? {
        phaseLine(folder: folder).flatMap { PhaseClock.parse($0) }
    }

    static func phaseLine(folder: String) -> Substring? {
        guard let log = try? String(contentsOfFile: folder + "/run.log", encoding: .utf8) else { return nil }
        return log.split(separator: "\n").last { $0.contains(PhaseClock.prefix) }
    }

    /// One track of `items` choice questions and one submission pointing at the endpoint.
    package static func write(root: String, items: Int, port: Int, inFlight: Int) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/Tracks/bench/questions", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/Submissions/bench", withIntermediateDirectories: true)
        try """
            id: bench
            name: {zh: 基准, en: Bench}
            question_sets:
              - {id: bench, file: questions/bench.jsonl, pilot_unit: 基准, split: dev}
            """.write(toFile: root + "/Tracks/bench/track.yaml", atomically: true, encoding: .utf8)
        var lines = ""
        lines.reserveCapacity(items * 120)
        for i in 0..<items {
            lines += #"{"id":"b\#(i)","type":"single_choice","prompt":"基准测试问题 \#(i)：以下哪项正确？","choices":{"A":"甲","B":"乙"},"answer":"B"}"#
            lines += "\n"
        }
        try lines.write(toFile: root + "/Tracks/bench/questions/bench.jsonl", atomically: true, encoding: .utf8)
        try """
            team: {zh: 基准, en: Bench}
            tracks: [bench]
            endpoint: {base_url: "http://127.0.0.1:\(port)/v1", model: bench, max_concurrency: \(min(inFlight, 1024)), timeout_seconds: 30}
            """.write(toFile: root + "/Submissions/bench/submission.yaml", atomically: true, encoding: .utf8)
    }
}
