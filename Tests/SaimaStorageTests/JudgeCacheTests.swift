import Foundation
import SaimaModel
import SaimaStorage
import Testing

/// The judge cache in a run folder: a verdict is found only by its full key (judge model, template version, item
/// key, answer hash), saving a verdict with the same key replaces it (as `VerdictCache` defines), and a model's
/// verdicts are read at once keyed by item key + U+001F + answer hash.
@Suite("Judge cache")
struct JudgeCacheTests {
    typealias F = StorageFixture

    static func verdict(_ answer: String, score: Double?, model: String = "qwen-judge", template: String = "pw-1")
        -> JudgeCacheEntry
    {
        JudgeCacheEntry(
            judgeModel: model, templateVersion: template, itemKey: "law/s/q1@c0ffee", answerHash: answer,
            status: score == nil ? .judgeError : .ok, score: score,
            verdict: score.map { #"{"score":\#($0),"理由":"要点齐全"}"# } ?? "timeout after 3 calls",
            calls: score == nil ? 3 : 1)
    }

    static func lookup(
        _ store: RunStore, model: String = "qwen-judge", template: String = "pw-1", item: String = "law/s/q1@c0ffee",
        answer: String = "h1"
    ) throws -> JudgeCacheEntry? {
        try store.judgeCache(model: model, template: template, itemKey: item, answerHash: answer)
    }

    /// A saved verdict is read back field for field; any other part of the key finds nothing.
    @Test func aVerdictIsFoundByItsFullKeyOnly() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        let entry = Self.verdict("h1", score: 0.75)
        try store.saveJudgeCache(entry)
        #expect(try Self.lookup(store) == entry)
        #expect(try Self.lookup(store, model: "other") == nil)
        #expect(try Self.lookup(store, template: "pw-2") == nil)
        #expect(try Self.lookup(store, item: "law/s/q1@beef") == nil)
        #expect(try Self.lookup(store, answer: "h2") == nil)
    }

    /// Saving a verdict under an existing key replaces it: one entry, the later one.
    @Test func aLaterVerdictReplacesTheEarlier() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        try store.saveJudgeCache(Self.verdict("h1", score: nil))
        let retried = Self.verdict("h1", score: 0.25)
        try store.saveJudgeCache(retried)
        #expect(try Self.lookup(store) == retried)
        #expect(try store.judgeCacheEntries(model: "qwen-judge", template: "pw-1").count == 1)
    }

    /// All verdicts of one model and template, keyed by item key + U+001F + answer hash; a failed verdict keeps its
    /// nil score and error text; other templates stay out.
    @Test func entriesOfOneModelAndTemplate() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        let good = Self.verdict("h1", score: 1)
        let failed = Self.verdict("h2", score: nil)
        try store.saveJudgeCache(good)
        try store.saveJudgeCache(failed)
        try store.saveJudgeCache(Self.verdict("h1", score: 0, template: "pw-2"))
        let entries = try store.judgeCacheEntries(model: "qwen-judge", template: "pw-1")
        #expect(entries == ["law/s/q1@c0ffee\u{1F}h1": good, "law/s/q1@c0ffee\u{1F}h2": failed])
        #expect(entries["law/s/q1@c0ffee\u{1F}h2"]?.verdict == "timeout after 3 calls")
        #expect(try store.judgeCacheEntries(model: "nobody", template: "pw-1").isEmpty)
    }
}
