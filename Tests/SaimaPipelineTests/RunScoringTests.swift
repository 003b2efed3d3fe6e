import SaimaBase
import SaimaModel
import Foundation
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
            pilotUnit: LocalizedText(zh: "试点", en: "Pilot"), split: .dev, weight: 1, items: ItemList(items), contentHash: "")
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

    /// A blended set: each answer's score is the weighted mean of the sources that have a score for it, weights
    /// renormalized over them (here automatic 0.5 and human 0.25; no LLM verdict). Answers no human graded keep
    /// their automatic score; the per-source scores are stored beside the blend.
    @Test func blendWeighsTheSourcesAnAnswerHas() async throws {
        let folder = NSTemporaryDirectory() + "saima-blend-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try RunStore(folder: folder)
        let writer = try ResultWriter(store: store)
        let results = Self.results(count: 4)  // q0 right, q1 wrong, q2 unreadable, q3 timeout
        for r in results { writer.append(r) }
        _ = try await writer.finish()
        var track = Self.track(count: 4)
        track.questionSets[0].scoring = .blend(auto: 0.5, llmJudge: 0.25, human: 0.25)
        let key = { (i: Int) in ResultKey(team: "team", track: "t", set: "s", item: "q\(i)", sample: 0) }
        // Two judges on q0 and q1 (combined: their mean); nobody graded q2.
        try store.replaceHumanScores(
            [HumanScore(judge: "j1", key: key(0), score: 0.4), HumanScore(judge: "j2", key: key(0), score: 0.6),
             HumanScore(judge: "j1", key: key(1), score: 1), HumanScore(judge: "j2", key: key(1), score: 0.5)],
            judges: ["j1", "j2"])

        _ = try RunScoring.score(store: store, tracks: [track])
        let stored = try store.currentScores()
        let q0 = try #require(stored[key(0)])
        #expect(abs(q0.score - (0.5 * 1 + 0.25 * 0.5) / 0.75) < 1e-12)
        #expect(q0.autoScore == 1 && q0.humanScore == 0.5 && q0.llmScore == nil)
        #expect(q0.reason.hasPrefix("blend(auto 0.5, llm_judge 0.25, human 0.25)"))
        let q1 = try #require(stored[key(1)])
        #expect(abs(q1.score - (0.5 * 0 + 0.25 * 0.75) / 0.75) < 1e-12)
        #expect(stored[key(2)]?.score == 0)  // unreadable, no human score: the automatic 0 alone
        #expect(stored[key(3)]?.score == 0 && stored[key(3)]?.reason == "timeout")
    }
}
