import SaimaModel
import Foundation
import SaimaEndpointServer
import SaimaRunner
import SaimaStorage
import Testing

@testable import SaimaPipeline

/// Scoring while requests run: a round through `RoundExecution` against a real local endpoint whose replies are right,
/// wrong, unreadable or HTTP 500 takes every score from live scoring, and the scores and the summary are exactly what
/// a full scoring pass computes afresh; nothing live remains after the pass, and the folder verifies. Live scores of
/// another invocation, or of another result for the same request, are never taken.
@Suite("Live scoring (pipeline, directly)", .serialized)
struct LiveScoringTests {
    static let count = 600

    @Test func liveScoresEqualAFreshPass() async throws {
        let server = try await LocalEndpointServer.start { request in
            let text = String(decoding: request.body, as: UTF8.self)
            let i = text.firstRange(of: /第 (\d+) 题/).map { Int(text[$0].dropFirst(2).dropLast(2))! } ?? 0
            switch i % 4 {
            case 0: return .json(200, ChatCompletionJSON.completion(content: "分析略。\n答案：B", model: "m"))
            case 1: return .json(200, ChatCompletionJSON.completion(content: "A", model: "m"))
            case 2: return .json(200, ChatCompletionJSON.completion(content: "这道题我无法判断。", model: "m"))
            default: return .json(500, "{}")
            }
        }
        let folder = NSTemporaryDirectory() + "saima-live-\(UUID().uuidString)"
        let tracks = [RunScoringTests.track(count: Self.count)]
        let submission = Submission(
            id: "alpha", team: LocalizedText(zh: "阿尔法", en: "Alpha"), contact: nil, tracks: ["t"],
            endpoint: EndpointSettings(baseURL: server.baseURL, model: "m", apiKeyEnv: nil, maxConcurrency: 16,
                                       requestsPerMinute: nil, timeoutSeconds: 10, connectTimeoutSeconds: 2, stream: false),
            path: "")
        var spec = RoundSpec(round: "live", tracks: tracks, submissions: [submission], split: .dev, seed: 3, folder: folder, resamples: 100)
        spec.options = RunnerOptions(retry: RetryPolicy(maxAttempts: 1))
        let outcome = try await RoundExecution.run(spec)
        await server.stop()

        #expect(outcome.scoring.taken == Self.count, "every score was made live: \(outcome.scoring.taken)")
        let store = try RunStore(folder: folder)
        #expect(try store.liveScoreCount() == 0, "nothing live outlives the pass")
        let live = try store.currentScores()
        let fresh = try RunScoring.score(store: store, tracks: tracks)
        #expect(fresh.taken == 0)
        #expect(try store.currentScores() == live, "the live scores are exactly the scores a fresh pass computes")
        #expect(fresh.scored == outcome.scoring.scored && fresh.failures == outcome.scoring.failures
                && fresh.unextractable == outcome.scoring.unextractable && fresh.failures == Self.count / 4,
                "and so is the summary")
        let report = try RunVerification.verify(folder: folder, tracks: tracks)
        #expect(report.ok && report.checkedScores == Self.count, "\(report.problems)")

        // A live score of another invocation, or of another result, is never taken.
        let results = try store.currentResults()
        var wrong = try #require(live[results[0].key])
        wrong.score = 1 - wrong.score
        try store.saveLiveScores([(results[0], wrong, 0)], invocation: "another")
        #expect(try RunScoring.score(store: store, tracks: tracks, invocation: "this").taken == 0)
        #expect(try store.currentScores() == live, "another invocation's live score is not taken")
        var older = results[1]
        older.finishedAt = older.finishedAt.addingTimeInterval(-60)
        try store.saveLiveScores([(older, wrong, 0)], invocation: "this")
        #expect(try RunScoring.score(store: store, tracks: tracks, invocation: "this").taken == 0)
        #expect(try store.currentScores() == live, "a live score of another result for the same request is not taken")
    }
}
