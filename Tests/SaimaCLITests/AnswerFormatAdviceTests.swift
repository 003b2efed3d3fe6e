import Foundation
import SaimaEndpointServer
import SaimaTestSupport
import Testing

/// A contestant whose endpoint answers in hard-to-read ways is told so, with examples from its own replies,
/// by both `selftest` and `check-endpoint`; a well-formatted endpoint is not.
@Suite("Answer-format advice for contestants", .serialized)
struct AnswerFormatAdviceTests {
    @Test func selftestAndCheckEndpointWarnAHardToReadEndpoint() async throws {
        let server = try await BaselineServer.start(persona: .rambling, port: 0, model: "rambling")
        let out = RoundWorkflowTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let selftest = try await SaimaBinary.run(
            ["selftest", "--endpoint", server.baseURL, "--model", "rambling", "--track", "legal", "--out", out],
            directory: SaimaBinary.repositoryRoot)
        let check = try await SaimaBinary.run(
            ["check-endpoint", "--endpoint", server.baseURL, "--model", "rambling"], directory: SaimaBinary.repositoryRoot)
        await server.stop()
        #expect(selftest.status == 0, "\(selftest.stderr)")
        #expect(selftest.stdout.contains("of your choice answers could not be read or were only guessed"), "\(selftest.stdout)")
        #expect(selftest.stdout.contains("end each reply with a line of its own: 答案：X"))
        #expect(selftest.stdout.contains("legal/"), "examples from the contestant's own replies")
        #expect(check.stdout.contains("answer format 答案格式"), "\(check.stdout)")
        #expect(check.stdout.contains("答案：X"))
    }

    @Test func aWellFormattedEndpointGetsNoAdvice() async throws {
        let server = try await BaselineServer.start(persona: .keyword, port: 0, model: "keyword")
        let out = RoundWorkflowTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let selftest = try await SaimaBinary.run(
            ["selftest", "--endpoint", server.baseURL, "--model", "keyword", "--track", "legal", "--out", out],
            directory: SaimaBinary.repositoryRoot)
        await server.stop()
        #expect(selftest.status == 0)
        #expect(!selftest.stdout.contains("Answer format"))
    }
}
