import Foundation
import SaimaEndpointServer
import SaimaModel
import Testing

@testable import SaimaRunner

/// Time to first token from real servers' streams (issue 12, point 5): `Streams/` holds streams recorded from
/// real OpenAI-compatible servers, byte for byte.
struct FirstTokenTests {
    static func recorded(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Streams").appendingPathComponent(name))
    }

    /// The byte offset at which the detector fires when fed `data` in pieces of `chunk` bytes.
    static func firingOffset(_ data: Data, chunk: Int) -> Int? {
        var detector = FirstTokenDetector()
        var offset = 0
        while offset < data.count {
            let piece = data[offset..<min(data.count, offset + chunk)]
            offset += piece.count
            if piece.withUnsafeBytes({ detector.feed($0) }) { return offset }
        }
        return nil
    }

    @Test(arguments: [1, 7, 64, 4096])
    func llamaCppSpacedDeltasAreSeenWhateverTheChunking(chunk: Int) throws {
        // llama-cpp-python 0.3.36 writes `"delta": {"content": "2"}` with spaces, after a role-only chunk.
        let data = try Self.recorded("llama-cpp-python-0.3.36.sse")
        let text = String(decoding: data, as: UTF8.self)
        let events = text.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        #expect(events[0].contains(#""delta": {"role": "assistant"}"#), "the first event carries no content")
        let endOfSecond = events[0].utf8.count + 2 + events[1].utf8.count + 1
        let fired = try #require(Self.firingOffset(data, chunk: chunk))
        #expect(fired >= endOfSecond && fired < endOfSecond + chunk + 1, "fires when the first content event ends")
    }

    @Test func roleOnlyKeepAlivesDoneAndEmptyContentDoNotCount() {
        let stream = ": keep-alive\r\n\r\ndata: {\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\r\n\r\n"
            + "data: {\"choices\" : [ { \"delta\" : { \"content\" : null } } ] }\n\ndata: [DONE]\n\n"
        #expect(Self.firingOffset(Data(stream.utf8), chunk: 5) == nil)
        let parts = "data: {\"choices\":[{\"delta\":{\"content\":[{\"type\":\"text\",\"text\":\"答\"}]}}]}\n"
        #expect(Self.firingOffset(Data(parts.utf8), chunk: 3) == parts.utf8.count)
    }

    @Test func aStreamedRunRecordsTheTimeToFirstTokenOfTheRealServersStream() async throws {
        let data = try Self.recorded("llama-cpp-python-0.3.36.sse")
        let payloads = String(decoding: data, as: UTF8.self).components(separatedBy: "\n\n")
            .compactMap { $0.hasPrefix("data: ") ? String($0.dropFirst(6)) : nil }
        let server = try await LocalEndpointServer.start { _ in .eventStream(events: payloads, delay: .milliseconds(40)) }
        let harness = RunnerHarness()
        defer { harness.remove() }
        let results = try await harness.run(
            prompts: ["问题一", "问题二"], submissions: [RunnerHarness.submission(server, stream: true)])
        await server.stop()
        for r in results.values {
            #expect(r.outcome == .ok)
            let ttft = try #require(r.ttftMs, "a time to first token for every streamed reply")
            #expect(ttft >= 35 && ttft <= r.latencyMs, "the second event, one delay after the role-only first")
        }
    }
}
