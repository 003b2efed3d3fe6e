import Foundation
import SaimaEndpointServer
import SaimaBase
import SaimaTestSupport
import Testing

/// Issue 12, point 3: a text-only endpoint is told it lacks multimodal input (by `check-endpoint` and
/// `selftest`), failures are explained in both languages, and a kit's test sets are "not scored".
@Suite("Self-test and endpoint check, clearer", .serialized)
struct SelfTestClarityTests {
    /// Answers text; refuses content lists the way llama-cpp-python does (HTTP 500).
    static func textOnly() async throws -> LocalEndpointServer {
        try await LocalEndpointServer.start { request in
            let body = (try? JSONValue.parse(request.body)) ?? .null
            if body["messages"]?.arrayValue?.contains(where: { $0["content"]?.arrayValue != nil }) == true {
                return .json(500, #"{"error":{"message":"can only concatenate str (not \"list\") to str"}}"#)
            }
            return .json(200, ChatCompletionJSON.completion(content: "分析如上。\n答案：A", model: "text"))
        }
    }

    @Test func aTextOnlyEndpointIsToldItLacksMultimodalInput() async throws {
        let server = try await Self.textOnly()
        let out = RoundWorkflowTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let check = try await SaimaBinary.run(
            ["check-endpoint", "--endpoint", server.baseURL, "--model", "text"], directory: SaimaBinary.repositoryRoot)
        let selftest = try await SaimaBinary.run(
            ["selftest", "--endpoint", server.baseURL, "--model", "text", "--track", "audiovisual", "--out", out],
            directory: SaimaBinary.repositoryRoot)
        await server.stop()
        #expect(check.stdout.contains("Your endpoint does not accept image input"), "\(check.stdout)")
        #expect(check.stdout.contains("Your endpoint does not accept audio input"))
        #expect(check.stdout.contains("long prompt 长提示"))
        #expect(selftest.status == 0, "\(selftest.stderr)")
        #expect(selftest.stdout.contains("your endpoint does not seem to accept that input"), "\(selftest.stdout)")
        #expect(selftest.stdout.contains("服务端返回 HTTP 500。The server answered HTTP 500."), "bilingual explanation")
    }

    @Test func aKitsTestSetsAreNotScored() async throws {
        let root = try RoundWorkflowTests.copyOfRepository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let hidden = root + "/private/legal"
        try FileManager.default.createDirectory(atPath: hidden + "/questions", withIntermediateDirectories: true)
        try "id: legal\nquestion_sets:\n  - {id: hidden, file: questions/hidden.jsonl, pilot_unit: 测试法院, split: test}\n"
            .write(toFile: hidden + "/track.yaml", atomically: true, encoding: .utf8)
        try #"{"id":"h1","type":"single_choice","prompt":"隐藏题","choices":{"A":"甲","B":"乙"},"answer":"B"}"#
            .write(toFile: hidden + "/questions/hidden.jsonl", atomically: true, encoding: .utf8)
        let kit = root + "/kit"
        #expect(try await SaimaBinary.run(
            ["bundle", "--tracks", root + "/Tracks", "--tracks", root + "/private", "--out", kit], directory: root).status == 0)
        let server = try await Self.textOnly()
        let selftest = try await SaimaBinary.run(
            ["selftest", "--endpoint", server.baseURL, "--model", "text", "--tracks", kit + "/Tracks", "--track", "legal",
             "--split", "test", "--out", root + "/self"],
            directory: root)
        await server.stop()
        #expect(selftest.status == 0, "\(selftest.stderr)")
        #expect(selftest.stdout.contains("not scored — answers withheld"), "\(selftest.stdout)")
        #expect(!selftest.stdout.contains(" 0.00 "))
    }
}
