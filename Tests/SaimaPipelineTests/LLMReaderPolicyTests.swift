import Foundation
import SaimaEndpointServer
import SaimaBase
import SaimaModel
import SaimaPipeline
import SaimaRunner
import SaimaStorage
import Synchronization
import Testing

/// `saima judge`'s LLM reader over a run folder, end to end through a real local reader server: with the default
/// policy (`confirms`) a reading that names the rules' letters settles the answer (rule `llm_reader`) and one that
/// names other letters leaves it uncertain on the appeals sheet; with `--reader-replaces` both settle it.
@Suite("LLM reader policy over a run", .serialized)
struct LLMReaderPolicyTests {
    /// alpha answered q0 `看起来B说得通` and q1 `看起来A说得通` (stray letters: uncertain B and A); beta answered q0 `A`.
    static func run(_ fixture: RunFolderFixture) throws -> (folder: String, tracks: [Track], store: RunStore) {
        let tracks = [AppealsTests.unshuffledTrack()]
        let store = try fixture.store(
            "run",
            results: [
                RunFolderFixture.result("alpha", "q0", content: "看起来B说得通"),
                RunFolderFixture.result("alpha", "q1", content: "看起来A说得通"),
                RunFolderFixture.result("beta", "q0", content: "A"),
            ], round: "reader", tracks: tracks, teams: ["alpha", "beta"])
        _ = try RunScoring.score(store: store, tracks: tracks)
        return (fixture.path("run"), tracks, store)
    }

    /// Reads B for both replies: as the rules read the first, and otherwise than the second (read A), quoting each.
    static let calls = Mutex(0)
    static let responder: LocalEndpointServer.Responder = { request in
        calls.withLock { $0 += 1 }
        let body = (try? JSONValue.parse(request.body)) ?? .null
        let instruction = body["messages"]?.arrayValue?.dropFirst().first?["content"]?.stringValue ?? ""
        let reply = instruction.contains("看起来B说得通")
            ? #"{"quote": "B说得通", "letters": "B"}"# : #"{"quote": "看起来A说得通", "letters": "B"}"#
        return .json(200, ChatCompletionJSON.completion(content: reply, model: "reader"))
    }

    /// Judges the run once (twice with `again`: the second time is answered from the reader's cache), returning what
    /// the last judging printed, the scores and the answers on the uncertain appeals sheet.
    func judged(replaces: Bool, again: Bool = false) async throws
        -> (lines: [String], scores: [ResultKey: StoredScore], uncertain: [String], readerNotes: [String], queued: [String])
    {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let run = try Self.run(fixture)
        let server = try await LocalEndpointServer.start(responder: Self.responder)
        var lines: [String] = []
        for _ in 0...(again ? 1 : 0) {
            lines = try await JudgingPipeline.judgeAndRescoreLines(
                folder: run.folder, tracks: run.tracks, judge: EndpointSettings(baseURL: server.baseURL, model: "reader"),
                readerReplaces: replaces)
        }
        await server.stop()
        let (path, _) = try RunFolder.appealsTemplate(folder: run.folder, tracks: run.tracks, selection: .uncertain, teams: [])
        let rows = try AppealsTests.rows(path)
        let note = try #require(rows.first?.firstIndex(of: "reader_reading"))
        let listed = rows.dropFirst().map { "\($0[0])/\($0[3])" }
        return (
            lines, try RunStore(folder: run.folder).currentScores(), listed, rows.dropFirst().map { $0[note] },
            try AppealsEntry.queue(folder: run.folder).map(\.readerReading)
        )
    }

    @Test func theReaderConfirmsByDefaultAndReplacesOnlyWhenAsked() async throws {
        let q0 = AppealsTests.key("alpha", "q0"), q1 = AppealsTests.key("alpha", "q1")

        let before = Self.calls.withLock { $0 }
        let confirms = try await judged(replaces: false, again: true)
        #expect(Self.calls.withLock { $0 } == before + 2, "the reader was asked once per answer: the second judging used its cache")
        #expect(confirms.lines[1].contains("1 uncertain readings 存疑 (1 from cache 缓存), 0 re-read 已复核, 1 left for judges"),
                "the second judging: alpha/q1 is still uncertain, its differing reading taken from the cache: \(confirms.lines[1])")
        #expect(confirms.scores[q0]?.rule == "llm_reader" && confirms.scores[q0]?.extracted == "B" && confirms.scores[q0]?.score == 1)
        #expect(confirms.scores[q1]?.rule == "stray_letter" && confirms.scores[q1]?.extracted == "A", "the rules' reading stands")
        #expect(confirms.uncertain == ["alpha/q1"], "the answer the reader read otherwise is on the uncertain sheet")
        #expect(confirms.readerNotes == ["B «看起来A说得通» (llm_reader:reader)"],
                "the judge sees the reader's differing reading and its quote beside the rules' reading")
        #expect(confirms.queued == confirms.readerNotes, "and so does a judge re-reading it in the portal's queue")

        let replaces = try await judged(replaces: true)
        #expect(replaces.lines[1].contains("2 uncertain readings 存疑 (0 from cache 缓存), 2 re-read 已复核, 0 left for judges"), "\(replaces.lines[1])")
        #expect(replaces.scores[q1]?.rule == "llm_reader" && replaces.scores[q1]?.extracted == "B" && replaces.scores[q1]?.score == 1)
        #expect(replaces.uncertain.isEmpty, "every uncertain reading was settled by the reader")
    }
}
