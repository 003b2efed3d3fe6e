import Foundation
import SaimaModel
import SaimaPipeline
import SaimaStorage
import Testing

@Suite("Scoring a run folder (pipeline, directly)")
struct RunScoringTests {
    /// One track, one set of `count` single-choice items whose answer is B.
    static func track(count: Int) -> Track {
        let items = (0..<count).map { i in
            Item(id: "q\(i)", type: .singleChoice, prompt: "第 \(i) 题：哪一项正确？",
                 choices: [Choice(letter: "A", text: "甲"), Choice(letter: "B", text: "乙")], answer: .letters("B"),
                 raw: .object(["id": .string("q\(i)")]), line: i + 1)
        }
        let set = QuestionSet(
            id: "s", trackID: "t", file: "", path: "", trackDirectory: "/tmp",
            pilotUnit: LocalizedText(zh: "试点", en: "Pilot"), split: .dev, weight: 1, items: items, contentHash: "")
        return Track(id: "t", name: LocalizedText(zh: "赛道", en: "Track"), description: LocalizedText(zh: "", en: ""),
                     weight: 1, questionSets: [set], datasets: [], directories: [])
    }

    /// Reply i: right (`答案：B`) when i % 4 == 0, wrong (`A`) when 1, unreadable when 2, a timeout when 3.
    static func results(count: Int) -> [ItemResult] {
        (0..<count).map { i in
            let key = ResultKey(team: "team", track: "t", set: "s", item: "q\(i)", sample: 0)
            switch i % 4 {
            case 0: return ItemResult(key: key, outcome: .ok, httpStatus: 200, attempts: [], latencyMs: 1,
                                      content: "分析略。\n答案：B", promptHash: "h", templateVersion: "v")
            case 1: return ItemResult(key: key, outcome: .ok, httpStatus: 200, attempts: [], latencyMs: 1,
                                      content: "A", promptHash: "h", templateVersion: "v")
            case 2: return ItemResult(key: key, outcome: .ok, httpStatus: 200, attempts: [], latencyMs: 1,
                                      content: "这道题我无法判断。", promptHash: "h", templateVersion: "v")
            default: return ItemResult(key: key, outcome: .timeout, httpStatus: 0, attempts: [], latencyMs: 1,
                                       promptHash: "h", templateVersion: "v")
            }
        }
    }

    /// 9,001 results span three of the 4,096-result chunks that scoring reads, scores on every core and writes:
    /// every result gets exactly the score the in-memory computation gives, in the right class.
    @Test func chunkedParallelScoringStoresWhatComputeGives() async throws {
        let count = 9_001
        let folder = NSTemporaryDirectory() + "saima-scoring-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try RunStore(folder: folder)
        let writer = try ResultWriter(store: store, maxBatch: 512)
        for r in Self.results(count: count) { writer.append(r) }
        _ = try await writer.finish()
        let tracks = [Self.track(count: count)]

        let summary = try RunScoring.score(store: store, tracks: tracks)
        let stored = try store.currentScores()
        let (computed, computedSummary) = try RunScoring.compute(store: store, tracks: tracks)

        #expect(summary.scored == count)
        #expect(stored.count == count)
        #expect(summary.failures == 2250)
        #expect(summary.unextractable == 2250)
        #expect(computedSummary.failures == summary.failures)
        #expect(computed.count == count)
        for s in computed { #expect(stored[s.key] == s, "\(s.key)") }
        let right = stored.values.filter { $0.score == 1 }.count
        #expect(right == 2251)  // i % 4 == 0 for i in 0...9_000
        #expect(stored[ResultKey(team: "team", track: "t", set: "s", item: "q3", sample: 0)]?.reason == "timeout")

        // Scoring again replaces, never duplicates.
        _ = try RunScoring.score(store: store, tracks: tracks)
        #expect(try store.currentScores().count == count)
    }
}
