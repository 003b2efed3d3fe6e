import Foundation
import SaimaModel
import SaimaStorage
import Testing

/// Live scores (computed while a run is still going) are taken by the scoring pass only when they belong to the
/// pass's invocation and scored the request's current result; the rest is scored by the pass, and the live table is
/// emptied either way.
@Suite("Live scores")
struct LiveScoresTests {
    typealias F = StorageFixture

    /// A live score of a result since retried, or of another invocation, is not taken; what is not taken is scored.
    @Test func onlyLiveScoresOfTheCurrentResultInThisInvocationAreTaken() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        let a = F.result("a"), b = F.result("b", .timeout, content: nil), c = F.result("c")
        _ = try store.appendResults([a, b, c])
        let liveA = F.score(a.key, 1, reason: "live")
        try store.saveLiveScores(
            [(result: a, score: liveA, flags: 3), (result: b, score: F.score(b.key, 0, reason: "live"), flags: 3)],
            invocation: "inv1")
        try store.saveLiveScores([(result: c, score: F.score(c.key, 1, reason: "live"), flags: 1)], invocation: "inv0")
        _ = try store.appendResults([F.result("b", content: "B2", finishedAt: 1_800_000_060)])
        #expect(try store.liveScoreCount() == 3)
        var scored: [String] = []
        let taken = try store.replaceScores(invocation: "inv1") { results in
            scored += results.map(\.key.item)
            return results.map { F.score($0.key, 0.5, reason: "pass") }
        }
        #expect(taken.map { "\($0.flags)/\($0.unextractable)/\($0.count)" } == ["3/false/1"])
        #expect(scored == ["b", "c"], "the retried b and the other invocation's c")
        let scores = try store.currentScores()
        #expect(scores[a.key] == liveA)
        #expect(scores[b.key]?.reason == "pass" && scores[c.key]?.reason == "pass")
        #expect(try store.liveScoreCount() == 0)
    }

    /// When live scores cover every current result the scorer is never called; the counts come by flags and by
    /// whether nothing could be extracted.
    @Test func fullyCoveredRunsSkipTheScorer() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        let a = F.result("a"), b = F.result("b")
        _ = try store.appendResults([a, b])
        var unextractable = F.score(b.key, 0, reason: "live")
        unextractable.unextractable = true
        try store.saveLiveScores(
            [(result: a, score: F.score(a.key, 1, reason: "live"), flags: 0), (result: b, score: unextractable, flags: 2)],
            invocation: "x")
        var calls = 0
        let taken = try store.replaceScores(invocation: "x") { _ in
            calls += 1
            return []
        }
        #expect(calls == 0)
        #expect(taken.map { "\($0.flags)/\($0.unextractable)/\($0.count)" }.sorted() == ["0/false/1", "2/true/1"])
        #expect(try store.currentScores() == [a.key: F.score(a.key, 1, reason: "live"), b.key: unextractable])
        #expect(try store.liveScoreCount() == 0)
    }

    /// A scoring pass without an invocation takes nothing and still empties the live table.
    @Test func aPassWithoutAnInvocationDiscardsLiveScores() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        let a = F.result("a")
        _ = try store.appendResults([a])
        try store.saveLiveScores([(result: a, score: F.score(a.key, 1, reason: "live"), flags: 0)], invocation: "x")
        let taken = try store.replaceScores { results in results.map { F.score($0.key, 0, reason: "pass") } }
        #expect(try taken.isEmpty && store.liveScoreCount() == 0)
        #expect(try store.currentScores()[a.key]?.reason == "pass")
    }
}
