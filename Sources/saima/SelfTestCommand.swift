import ArgumentParser
import Foundation
import SaimaModel
import SaimaPipeline
import SaimaRegistry
import SaimaReports
import SaimaRunner
import SaimaStorage

/// `saima selftest`: a contestant's endpoint through the same runner, scorer and aggregation as an
/// official round, on the public dev sets by default.
struct SelfTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selftest",
        abstract: "Self-test an endpoint exactly as an official round would score it. 参赛方自测",
        discussion: "Same runner, scorer and aggregation as `saima run`; the numbers match an official run on the same sets.")

    @OptionGroup var target: EndpointOptions
    @Option(name: .customLong("tracks"), help: "A tracks root; repeatable (default ./Tracks). 赛道根目录") var trackRoots: [String] = []
    @Option(name: .customLong("track"), help: "Only this track; repeatable. 指定赛道") var trackIDs: [String] = []
    @Option(help: "dev (default) or test. 数据划分") var split: Split = .dev
    @Option(help: "Transfers in flight. 并发数") var concurrency = 8
    @Flag(help: "Stream answers. 流式请求") var stream = false
    @Option(help: "Run folder (default runs/selftest-<time>). 输出目录") var out: String?

    func validate() throws {
        try OptionBounds.check(concurrency, 1...256, "concurrency")
    }

    static func apiKey(_ variable: String?) throws -> String? {
        guard let variable else { return nil }
        if let problem = APIKeyEnvCheck.problem(with: variable) { throw ValidationError(problem) }
        guard let key = ProcessInfo.processInfo.environment[variable], !key.isEmpty else {
            throw ValidationError("environment variable \(variable) is not set / 环境变量 \(variable) 未设置")
        }
        return key
    }

    func run() async throws {
        _ = try Self.apiKey(target.apiKeyEnv)
        let roots = trackRoots.isEmpty ? ["Tracks"] : trackRoots
        let registry: TrackRegistry
        do { registry = try TrackRegistry.load(roots: roots) } catch { throw reportDiagnostics(error.diagnostics) }
        let tracks = try RoundSelection.tracks(registry: registry, ids: trackIDs)
            .filter { !$0.questionSets(split: split).isEmpty }
        guard !tracks.isEmpty else { throw ValidationError("no \(split.rawValue) question sets in the chosen tracks / 没有可用题集") }
        let submission = Submission(
            id: "selftest", team: LocalizedText(zh: "自测", en: "Self-test \(target.model)"), contact: nil,
            tracks: tracks.map(\.id), endpoint: target.settings(maxConcurrency: concurrency, stream: stream), path: "")
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        let folder = out ?? "runs/selftest-\(stamp)"
        let spec = RoundSpec(
            round: "selftest", tracks: tracks, submissions: [submission], split: split, seed: 20_241_001, folder: folder)
        let outcome = try await RunExecution.runRound(spec, quiet: true)
        print(try SelfTestSummary.render(outcome: outcome, folder: folder, tracks: tracks))
    }
}

extension Split: ExpressibleByArgument {}

/// The self-test's printout: scores per track, failures with examples, latency percentiles.
enum SelfTestSummary {
    static func render(outcome: RoundPipeline.Outcome, folder: String, tracks: [Track]) throws -> String {
        var table = TerminalTable(
            headers: ["track 赛道", "score 得分", "95% CI", "items 题数", "ok 成功", "failed 失败", "unextr. 无法抽取"],
            alignments: [.left, .right, .left, .right, .right, .right, .right])
        for board in outcome.leaderboard.tracks {
            guard let e = board.entries.first else { continue }
            table.append([
                board.name.bilingual, Format.score(e.score), "[\(Format.score(e.ci95.low)), \(Format.score(e.ci95.high))]",
                "\(e.items)", "\(e.answered)", "\(e.failed)", "\(e.unextractable)",
            ])
        }
        if let e = outcome.leaderboard.overall.entries.first {
            table.append(["overall 总分", Format.score(e.score), "[\(Format.score(e.ci95.low)), \(Format.score(e.ci95.high))]",
                          "\(e.items)", "\(e.answered)", "\(e.failed)", "\(e.unextractable)"])
        }
        var out = "自测结果 Self-test results\n" + table.render() + "\n"
        let store = try RunStore(folder: folder)
        let results = try store.currentResults()
        let items = Dictionary(tracks.flatMap { t in t.questionSets.flatMap { s in s.items.map { ("\(t.id)/\(s.id)/\($0.id)", ($0, t)) } } },
                               uniquingKeysWith: { a, _ in a })
        var seen: Set<Outcome> = []
        var failures: [String] = []
        for r in results where r.outcome != .ok && seen.insert(r.outcome).inserted {
            let count = results.filter { $0.outcome == r.outcome }.count
            var lines = ["- \(r.outcome.label): \(count)"]
            if let (item, track) = items["\(r.key.track)/\(r.key.set)/\(r.key.item)"] {
                let prompt = ChatRequestBuilder(track: track).userText(for: item).replacingOccurrences(of: "\n", with: " ")
                lines.append("  request 请求 (\(r.key.track)/\(r.key.set)/\(r.key.item)): \(prompt.prefix(120))…")
            }
            lines.append("  HTTP \(r.httpStatus), attempts 尝试 \(r.attempts.count), detail: \(r.detail ?? "-")")
            let body = (r.rawResponse ?? "").replacingOccurrences(of: "\n", with: " ")
            lines.append("  body 响应: \(body.isEmpty ? "(empty 空)" : String(body.prefix(200)))")
            failures.append(lines.joined(separator: "\n"))
        }
        out += failures.isEmpty ? "\n失败 Failures: none 无\n" : "\n失败分类（首个示例）Failures by class (first example):\n" + failures.joined(separator: "\n") + "\n"
        let latencies = results.filter { $0.outcome == .ok }.map(\.latencyMs).sorted()
        if !latencies.isEmpty {
            func p(_ q: Double) -> String { Format.latencyPercentile(latencies, q) }
            out += "\n延迟 Latency ms: p50 \(p(0.5)), p90 \(p(0.9)), p95 \(p(0.95)), p99 \(p(0.99)), max \(Format.milliseconds(latencies.last!))\n"
        }
        if let advice = AnswerReadability.advice(try AnswerReadability.summarize(store: store, tracks: tracks)) {
            out += "\n" + advice
        }
        let report = URL(fileURLWithPath: folder).appendingPathComponent("report.html").standardizedFileURL.path
        out += "\n完整报告 Full report: \(report)\n"
        return out
    }
}
