import Foundation
import SaimaBase
import SaimaEndpointServer
import SaimaModel
import SaimaRunner
import SaimaScoring
import Synchronization
import Testing

@testable import SaimaJudging

/// The LLM reader measured on a corpus (`saima agreement --reader-model`): uncertain readings go to a real local
/// reader server through the libcurl judge client, its replies are recorded and replayed without the server, and
/// the two policies (the reader replaces a provisional reading, or only confirms it) are counted as defined.
@Suite("LLM reader measured on a corpus", .serialized)
struct ReaderAgreementTests {
    static let choices = [("A", "杭州"), ("B", "上海"), ("C", "广州"), ("D", "南京")]

    /// Four replies the extractor reads as uncertain, each with a careful human's reading and what the reader says.
    static let cases: [(reply: String, human: String, reader: String)] = [
        ("我觉得应该是上海吧，毕竟它是直辖市，而杭州、广州都不是。", "B", #"{"letters": "B", "quote": "应该是上海"}"#),
        ("答案：A\n答案：C", "C", #"{"letters": "C", "quote": "答案：C"}"#),
        ("答案是B。\n解释：A选项中杭州是省会，C选项广州也是省会，所以D。", "B", #"{"letters": "D", "quote": "所以D"}"#),
        ("我觉得应该是广州吧，毕竟它是一线城市，比杭州和南京发展得更早。", "C", "不知道"),
    ]

    static func corpus() throws -> String {
        let folder = NSTemporaryDirectory() + "reader-corpus-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let lines = cases.enumerated().map { i, c in
            JSONValue.object([
                "id": .string("t/\(i)"), "source": .string("t"), "type": .string("single_choice"), "answer": .string("B"),
                "choices": .array(choices.map { .object(["letter": .string($0.0), "text": .string($0.1)]) }),
                "reply": .string(c.reply), "human": .string(c.human), "model": .string("m"), "kind": .string("chat"),
            ]).canonicalJSON
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: folder + "/t.jsonl", atomically: true, encoding: .utf8)
        return folder
    }

    /// A reader that answers each reply as `cases` says (matched by the reply's text in the instruction).
    static let responder: LocalEndpointServer.Responder = { request in
        let body = (try? JSONValue.parse(request.body)) ?? .null
        let instruction = body["messages"]?.arrayValue?.dropFirst().first?["content"]?.stringValue ?? ""
        let reply = cases.first { instruction.contains($0.reply) }?.reader ?? "不知道"
        return .json(200, ChatCompletionJSON.completion(content: reply, model: "reader"))
    }

    @Test func uncertainReadingsAreReadRecordedReplayedAndCountedPerPolicy() async throws {
        let folder = try Self.corpus()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let measured = ReadingAgreement.measure(try ReplyCorpusCase.load(folder: folder))
        #expect(measured.map(\.confidence) == [.uncertain, .uncertain, .uncertain, .uncertain], "all four are uncertain")
        #expect(measured.map(\.letters) == ["", "C", "D", ""], "provisional readings")

        let server = try await LocalEndpointServer.start(responder: Self.responder)
        let transport = CurlMultiTransport()
        let recording = folder + "/replies.jsonl"
        let live = JudgeClient(
            endpoint: EndpointSettings(baseURL: server.baseURL, model: "reader", maxConcurrency: 2), apiKey: nil,
            transport: transport, retry: RetryPolicy(maxAttempts: 1, baseDelay: 0.01))
        let recorded = try RecordedChat(path: recording, model: "reader", live: live)
        let outcomes = await ReaderAgreement.read(measured, client: recorded) { _, _ in }
        transport.shutdown()
        await server.stop()
        #expect(outcomes[0] == .read(letters: "B", quote: "应该是上海"))
        #expect(outcomes[1] == .read(letters: "C", quote: "答案：C"))
        #expect(outcomes[2] == .read(letters: "D", quote: "所以D"))
        #expect(outcomes[3] == .rejected, "a reply without the JSON object, twice, is refused")
        #expect(recorded.usage == (recorded: 0, asked: 5), "four asks and one re-ask went to the server")

        // Replayed from the file alone: same outcomes, nothing asked.
        let replay = try RecordedChat(path: recording, model: "reader", live: nil)
        let again = await ReaderAgreement.read(measured, client: replay) { _, _ in }
        #expect(again == outcomes)
        #expect(replay.usage == (recorded: 5, asked: 0))
        // Another model's replies are not in the file: every call fails, nothing is read.
        let other = try RecordedChat(path: recording, model: "other", live: nil)
        #expect(await ReaderAgreement.read(measured, client: other) { _, _ in }.values.allSatisfy { $0 == .failed })

        let replaces = ReadingAgreement(ReaderAgreement.apply(.replaces, to: measured, outcomes: outcomes), by: .kind).total
        #expect((replaces.agree, replaces.wrongConfident, replaces.uncertain) == (2, 1, 1),
            "the reader's B and C agree, its D is wrong and settled, the refused one stays uncertain")
        let confirms = ReadingAgreement(ReaderAgreement.apply(.confirms, to: measured, outcomes: outcomes), by: .kind).total
        #expect((confirms.agree, confirms.wrongConfident, confirms.uncertain) == (1, 1, 2),
            "only C and D name the provisional letters; the reader's B over no reading stays for a judge")
        let table = ReaderAgreement.table(measured, outcomes: outcomes)
        #expect(table.contains("| **all** | 4 | 3 | 1 / 0 | 2 | 1 | 2 (1) |"), "\(table)")
    }

    @Test func aMalformedRecordingIsReportedByLine() async throws {
        let path = NSTemporaryDirectory() + "recording-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "{\"key\": \"k\", \"model\": \"m\", \"reply\": \"r\"}\nnot json\n{\"key\": 3}\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            try RecordedChat(path: path, model: "m", live: nil)
        } throws: { error in
            "\(error)" == "\(path):2: error: not a recorded reply {\"key\", \"model\", \"reply\"}\n"
                + "\(path):3: error: not a recorded reply {\"key\", \"model\", \"reply\"}"
        }
        // A last line cut off by an interrupted write is left out, and ended before the next line is appended.
        try "{\"key\": \"k\", \"model\": \"m\", \"reply\": \"r\"}\n{\"key\": \"k2\", \"mo".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try await RecordedChat(path: path, model: "m", live: nil).complete([]) == .failure(
            JudgeCallError(outcome: .connectError, detail: "no live reader; call not recorded in \(path)")))
        try RecordedChat.append("{\"key\": \"k3\", \"model\": \"m\", \"reply\": \"r3\"}\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("\"mo\n{\"key\": \"k3\", \"model\": \"m\", \"reply\": \"r3\"}\n"))
        // Nothing to replay: refused rather than read as a reader that always fails.
        #expect(throws: DiagnosticsError.self) { try RecordedChat(path: path + ".missing", model: "m", live: nil) }
    }

    /// The README's reader figures for the development part, replayed from the recorded replies of the real
    /// Qwen2.5-Coder-1.5B reader (`RealReplies/llm-reader/`) without the model: a changed reader instruction or
    /// check, or a changed rule, shows here until the recording is made again (`Scripts/measure-llm-reader.sh`).
    @Test func theRecordedSmallReaderGivesTheReadmeFigures() async throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SaimaScoringTests/RealReplies").path
        let measured = ReadingAgreement.measure(try ReplyCorpusCase.load(folder: corpus))
        let chat = try RecordedChat(path: corpus + "/llm-reader/qwen2.5-coder-1.5b.jsonl", model: "qwen2.5-coder-1.5b", live: nil)
        let outcomes = await ReaderAgreement.read(measured, client: chat) { _, _ in }
        #expect(chat.usage.asked == 0 && !outcomes.values.contains(.failed), "every call was recorded")
        #expect(ReaderAgreement.table(measured, outcomes: outcomes).contains("| **all** | 265 | 232 | 33 / 0 | 63 | 198 | 60 (53) |"))
        let confirms = ReadingAgreement(ReaderAgreement.apply(.confirms, to: measured, outcomes: outcomes), by: .kind).total
        let replaces = ReadingAgreement(ReaderAgreement.apply(.replaces, to: measured, outcomes: outcomes), by: .kind).total
        #expect((confirms.agree, confirms.wrongConfident, confirms.uncertain) == (4_402, 19, 205), "98.85% / 0.43% / 4.60% of 4,453")
        #expect((replaces.agree, replaces.wrongConfident, replaces.uncertain) == (4_267, 181, 33), "95.82% / 4.06% / 0.74% of 4,453")
    }
}
