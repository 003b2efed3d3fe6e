import SaimaModel
import Foundation
import SaimaPipeline
import SaimaRunner
import SaimaStorage
import Testing

/// The self-test's printout (`SelfTestReport`) of a finished round: scores per track, failures by class with the
/// request and what it means, a word on multimodal input, latency percentiles, the report's path.
@Suite("The self-test printout (pipeline, directly)")
struct SelfTestReportTests {
    static let endpoint = EndpointSettings(baseURL: "http://127.0.0.1:9/v1", model: "m", timeoutSeconds: 10)

    /// `track` run for team `selftest` with `results` and finished as `RoundPipeline` finishes a round (scored,
    /// leaderboard and report written); returns the printout.
    static func render(
        _ fixture: RunFolderFixture, track: Track, results: [ItemResult], reportPath: Bool = true
    ) throws -> String {
        let folder = fixture.path("run")
        let store = try fixture.store("run", results: results, round: "selftest", tracks: [track], teams: ["selftest"])
        let spec = RoundSpec(
            round: "selftest", tracks: [track], submissions: [RunFolderFixture.submission("selftest")], split: .dev, seed: 9,
            folder: folder, resamples: 50)
        let outcome = try RoundPipeline.finish(spec, store: store, chainHead: try store.chainHead())
        return try SelfTestReport.render(
            outcome: outcome, folder: folder, tracks: [track], split: .dev, endpoint: endpoint, keyGiven: false,
            reportPath: reportPath)
    }

    static func result(_ item: String, _ outcome: Outcome = .ok, _ content: String = "答案：B", ms: Double) -> ItemResult {
        RunFolderFixture.result("selftest", item, outcome, content: content, latencyMs: ms)
    }

    /// Two right, one wrong, one timeout: the overall row (50.00 of 4 items, 3 answered, 1 failed, none
    /// unreadable); the timeout's block with the request as sent on one line, its status and attempts, and the
    /// explanation naming the 10 s timeout; latency percentiles of the answered requests (100, 200, 300 ms,
    /// interpolated); the full report's path last.
    @Test func failuresLatencyAndReportPath() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let out = try Self.render(fixture, track: AppealsTests.unshuffledTrack(), results: [
            Self.result("q0", ms: 100), Self.result("q1", .ok, "答案：A", ms: 300), Self.result("q2", ms: 200),
            Self.result("q3", .timeout, ms: 10_000),
        ])
        #expect(out.hasPrefix("自测结果 Self-test results\n"))
        let overall = try #require(out.split(separator: "\n").first { $0.hasPrefix("overall 总分") })
        let cells = overall.split(separator: " ").map(String.init)
        #expect(cells[2] == "50.00" && cells.suffix(4) == ["4", "3", "1", "0"], "\(overall)")
        #expect(out.contains(
            "\n失败分类（首个示例）Failures by class (first example):\n- 超时 timeout: 1\n"
                + "  request 请求 (t/s/q3): 第 3 题：哪一项正确？  A. 甲 B. 乙  \(OrganizerAppendixTests.instruction)…\n"
                + "  HTTP 0, attempts 尝试 0\n  请求超时（10 秒）。The request timed out after 10 s.\n"))
        #expect(out.contains("\n延迟 Latency ms: p50 200, p90 280, p95 290, p99 298, max 300\n"))
        #expect(out.hasSuffix("\n完整报告 Full report: \(fixture.path("run"))/report.html\n"))
    }

    /// With every request answered there are no failure blocks; without `reportPath` no path is printed.
    @Test func noFailuresAndNoPath() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let out = try Self.render(
            fixture, track: AppealsTests.unshuffledTrack(), results: (0..<4).map { Self.result("q\($0)", ms: 100) },
            reportPath: false)
        #expect(out.contains("\n失败 Failures: none 无\n"))
        #expect(!out.contains("完整报告") && !out.contains("多模态"))
    }

    /// When every item with an image fails while text items succeed, the printout says the endpoint does not seem to
    /// take image input and that the audiovisual track needs it.
    @Test func failedImageItemsPointAtMultimodalInput() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        var track = AppealsTests.unshuffledTrack()
        var items = try track.questionSets[0].items.all()
        let image = MediaAttachment(kind: .image, file: "a.png", mime: "image/png", path: "/nonexistent/a.png")
        for i in [2, 3] { items[i].attachments = [image] }
        track.questionSets[0].items = ItemList(items)
        let out = try Self.render(fixture, track: track, results: [
            Self.result("q0", ms: 100), Self.result("q1", ms: 100), Self.result("q2", .http4xx, ms: 5),
            Self.result("q3", .http4xx, ms: 5),
        ])
        #expect(out.contains("\n- 客户端错误 HTTP 4xx: 2\n"))
        #expect(out.contains(
            "\n⚠ 多模态 Multimodal: 所有含 image 的题目都失败，而纯文本题目成功：你的端点似乎不接受此类输入（OpenAI 格式的 content 列表：image_url / "
                + "input_audio）。视听赛道需要多模态能力。\n  Every item with image input failed while text items succeeded: your endpoint does not "
                + "seem to accept that input (OpenAI content parts: image_url / input_audio). The audiovisual track needs it.\n"))
    }

    /// A track whose answers are withheld is checked, not scored: its row and the overall row say so, and a note names
    /// the track.
    @Test func withheldAnswersAreNotScored() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        var track = AppealsTests.unshuffledTrack()
        track.questionSets[0].answersWithheld = true
        let out = try Self.render(fixture, track: track, results: (0..<4).map { Self.result("q\($0)", ms: 100) })
        let rows = out.split(separator: "\n").filter { $0.contains("not scored — answers withheld 答案未公开，未计分") }
        #expect(rows.count == 2 && rows.last?.hasPrefix("overall 总分") == true, "\(out)")
        #expect(out.contains("\nt: 答案未公开，仅检查接口与作答格式，不计分。Answers are withheld: the requests and answer formats were checked, "
            + "nothing was scored.\n"))
    }
}
