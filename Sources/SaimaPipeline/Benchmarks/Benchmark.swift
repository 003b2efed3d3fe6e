import Foundation
import SaimaBase
import SaimaModel
import SaimaRunner
import SaimaStorage
/// The benchmark scenarios behind `saima bench`.
package enum Benchmark {
    /// A child `saima bench-endpoint` process and its port.
    package struct Endpoint {
        let process: Process
        let port: Int
        let stdin: Pipe

        package static func start(latencyMs: Int) throws -> Endpoint {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            process.arguments = ["bench-endpoint", "--latency-ms", "\(latencyMs)"]
            let out = Pipe()
            let input = Pipe()
            process.standardOutput = out
            process.standardInput = input
            try process.run()
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { throw BenchmarkError.endpointDidNotStart }
                line.append(chunk)
            }
            let text = String(decoding: line, as: UTF8.self)
            guard let port = Int(text.split(separator: " ").last?.trimmed ?? "")
            else { throw BenchmarkError.endpointDidNotStart }
            return Endpoint(process: process, port: port, stdin: input)
        }

        var url: String { "http://127.0.0.1:\(port)/v1/chat/completions" }

        package func stop() {
            try? stdin.fileHandleForWriting.close()
            process.terminate()
            process.waitUntilExit()
        }
    }

    enum BenchmarkError: Error { case endpointDidNotStart }

    /// A track of `count` short questions.
    static func syntheticTrack(count: Int) -> Track {
        let items = (0..<count).map { i in
            Item(id: "b\(i)", type: .singleChoice, prompt: "基准测试问题 \(i)：以下哪项正确？",
                 choices: [Choice(letter: "A", text: "甲"), Choice(letter: "B", text: "乙")], answer: .letters("B"),
                 raw: .null, line: i + 1)
        }
        let set = QuestionSet(
            id: "bench", trackID: "bench", file: "", path: "", trackDirectory: "/tmp",
            pilotUnit: LocalizedText(zh: "基准", en: "Bench"), split: .dev, weight: 1, items: ItemList(items), contentHash: "")
        return Track(id: "bench", name: LocalizedText(zh: "基准", en: "Bench"), description: LocalizedText(zh: "", en: ""),
                     weight: 1, questionSets: [set], datasets: [], directories: [])
    }

    /// Runs `items` requests through the whole runner path; returns (requests/s, CPU s, peak RSS MB).
    package static func runSaima(items: Int, inFlight: Int, port: Int) async throws -> (rate: Double, cpu: Double, rssMB: Double, ok: Int) {
        let folder = NSTemporaryDirectory() + "saima-bench-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let submission = Submission(
            id: "bench", team: LocalizedText(zh: "基准", en: "Bench"), contact: nil, tracks: ["bench"],
            endpoint: EndpointSettings(baseURL: "http://127.0.0.1:\(port)/v1", model: "bench", maxConcurrency: inFlight,
                                       timeoutSeconds: 30),
            path: "")
        let store = try RunStore(folder: folder)
        let plans = RunPlanner.plan(
            registry: [syntheticTrack(count: items)], submissions: [submission], trackFilter: nil, split: .dev,
            samples: 1, existing: [:], retryFailed: false)
        let transport = CurlMultiTransport()
        defer { transport.shutdown() }
        let runner = RoundRunner(
            transport: transport, writer: try ResultWriter(store: store),
            options: RunnerOptions(maxInFlight: inFlight))
        let cpuBefore = ResourceUsage.cpuSeconds()
        let start = Date()
        let summary = try await runner.run(plans)
        let seconds = Date().timeIntervalSince(start)
        let ok = summary.outcomes["bench"]?[.ok] ?? 0
        return (Double(items) / seconds, ResourceUsage.cpuSeconds() - cpuBefore, PhaseClock.peakRSSMegabytes(), ok)
    }

    /// Runs saima and `curl --parallel` alternately `repeats` times on the same endpoint (the
    /// machine is shared and noisy: medians, not single runs, are compared), then wrk once.
    package static func throughput(items: Int, inFlight: Int, latencyMs: Int, repeats: Int) async throws {
        let endpoint = try Endpoint.start(latencyMs: latencyMs)
        defer { endpoint.stop() }
        print("== scenario: \(items) items, \(inFlight) in flight, endpoint latency \(latencyMs) ms, \(repeats) rounds ==")
        print("libcurl: \(CurlMultiTransport.libcurlVersion)")
        var saimaRates: [Double] = []
        var curlRates: [Double] = []
        for round in 1...max(1, repeats) {
            let saima = try await runSaima(items: items, inFlight: inFlight, port: endpoint.port)
            saimaRates.append(saima.rate)
            print(String(format: "[%d] saima runner (build+transfer+parse+store): %8.0f req/s  CPU %.2f s  peak RSS %.1f MB  ok %d/%d",
                         round, saima.rate, saima.cpu, saima.rssMB, saima.ok, items))
            if let curl = ExternalClients.curlParallel(url: endpoint.url, requests: items, parallel: inFlight) {
                curlRates.append(curl.rate)
                print(String(format: "[%d] curl --parallel --parallel-max %d:            %8.0f req/s  CPU %.2f s",
                             round, inFlight, curl.rate, curl.cpu))
            }
        }
        let saimaMedian = median(saimaRates)
        print(String(format: "median saima: %.0f req/s", saimaMedian))
        if !curlRates.isEmpty {
            let curlMedian = median(curlRates)
            print(String(format: "median curl:  %.0f req/s  → saima = %.0f%% of curl (target ≥ 50%%)", curlMedian,
                         saimaMedian / curlMedian * 100))
        } else {
            print("curl: not available")
        }
        if let wrk = ExternalClients.wrk(url: endpoint.url, connections: inFlight, seconds: 5) {
            print(String(format: "wrk -c%d (sends only):  %.0f req/s", inFlight, wrk))
        } else {
            print("wrk: not installed (apt-get install wrk)")
        }
        if latencyMs > 0 {
            let ideal = Double(inFlight) / (Double(latencyMs) / 1000)
            print(String(format: "ideal bound in-flight/latency: %.0f req/s; saima reaches %.1f%% of it (target ≥ 90%%)",
                         ideal, saimaMedian / ideal * 100))
        }
    }

    package static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    package static func memory(items: Int) async throws {
        let endpoint = try Endpoint.start(latencyMs: 0)
        defer { endpoint.stop() }
        print("== scenario: memory, \(items) stored items, 64 in flight ==")
        let saima = try await runSaima(items: items, inFlight: 64, port: endpoint.port)
        print(String(format: "saima: %.0f req/s  CPU %.2f s  peak RSS %.1f MB for %d stored items (target < 100 MB)",
                     saima.rate, saima.cpu, saima.rssMB, saima.ok))
    }
}

/// CPU time and peak memory of this process.
enum ResourceUsage {
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// CPU time of terminated, waited-for child processes.
    static func childrenCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
    }

}
