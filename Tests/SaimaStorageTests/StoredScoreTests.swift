import Foundation
import SaimaModel
import SaimaStorage
import Testing

/// Scores in the store: every field read back, a replacement removing what it does not repeat, scoring the current
/// results chunk by chunk in key order, and the leaderboard's walk joining each current answer with its score.
@Suite("Stored scores")
struct StoredScoreTests {
    typealias F = StorageFixture

    static let full = StoredScore(
        key: F.key("a"), score: 0.5, reason: "部分正确", extracted: "B", metric: "choice", metricVersion: 2,
        unextractable: false, autoScore: 1, llmScore: 0.25, humanScore: 0.5, rule: "answer_line", confidence: "explicit",
        choiceOrder: "CABD", answerMoved: true, variant: 2)
    static let bare = StoredScore(
        key: F.key("b"), score: 0, reason: "无法提取", extracted: nil, metric: "choice", metricVersion: 2, unextractable: true)

    /// Every field, optional ones included, is read back; a second replacement keeps only what it names; `filter`
    /// skips keys.
    @Test func scoresAreReplacedAsAWhole() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        try store.replaceScores([Self.full, Self.bare])
        #expect(try store.currentScores() == [Self.full.key: Self.full, Self.bare.key: Self.bare])
        #expect(try store.currentScores(filter: { $0.item == "b" }) == [Self.bare.key: Self.bare])
        try store.replaceScores([Self.bare])
        #expect(try store.currentScores() == [Self.bare.key: Self.bare])
    }

    /// The scorer gets current results only, in key order, `chunkSize` at a time and without attempts; a retried key
    /// is scored on its current row.
    @Test func currentResultsAreScoredChunkByChunk() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        _ = try store.appendResults([
            F.result("c"), F.result("a", .timeout, content: nil), F.result("e"), F.result("b"),
            F.result("d", .http5xx, content: nil),
        ])
        _ = try store.appendResults([F.result("a", content: "A2")])
        var chunks: [[String]] = []
        var attempts = 0
        let taken = try store.replaceScores(chunkSize: 2) { results in
            chunks.append(results.map(\.key.item))
            attempts += results.reduce(0) { $0 + $1.attempts.count }
            return results.map { F.score($0.key, $0.outcome == .ok ? 1 : 0, reason: $0.content ?? "none") }
        }
        #expect(taken.isEmpty, "no invocation, no live scores taken")
        #expect(chunks == [["a", "b"], ["c", "d"], ["e"]])
        #expect(attempts == 0)
        let scores = try store.currentScores()
        #expect(scores.count == 5 && scores[F.key("a")]?.reason == "A2" && scores[F.key("d")]?.score == 0)
    }

    /// Each current answer comes with its score (every field, its variant included) or nil, usage when both token
    /// counts are known, in key order; superseded rows never appear.
    @Test func theScoredAnswerWalkJoinsScores() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        _ = try store.appendResults([F.result("a", .timeout, content: nil)])
        _ = try store.appendResults([
            F.result("a", latencyMs: 900, usage: (prompt: 100, completion: 20)), F.result("b", .timeout, content: nil),
        ])
        let scoreA = Self.full
        #expect(scoreA.variant == 2)
        try store.replaceScores([scoreA])
        var seen: [ScoredAnswerRow] = []
        try store.forEachScoredAnswer { seen.append($0) }
        #expect(seen.map(\.key.item) == ["a", "b"])
        #expect(seen.map(\.outcome) == [.ok, .timeout] && seen.map(\.latencyMs) == [900, 12.5])
        #expect(seen.first?.usage?.prompt == 100 && seen.first?.usage?.completion == 20)
        #expect(seen.first?.score == scoreA)
        #expect(seen.last.map { $0.score == nil && $0.usage == nil } == true)
    }
}
