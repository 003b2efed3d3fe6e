import Foundation
import SaimaBase
import SaimaModel
import SaimaStorage
import Testing

/// Human judging in the store: an import replaces only the named judges' scores and chains a row holding the digest
/// of every human score after it; judges' anonymous answer ids are replaced per judge.
@Suite("Human scores")
struct HumanScoresTests {
    typealias F = StorageFixture

    /// One line of the digest text: judge, team, track, set, item, sample, score (Swift's `\(Double)`), unit-separated.
    static func line(_ judge: String, _ item: String, _ score: String) -> String {
        [judge, "t", "law", "s", item, "0", score].joined(separator: "\u{1F}") + "\n"
    }

    /// The digest of no scores is SHA-256 of nothing, and an import's hash is SHA-256(previous + "\n" + judges + U+001F
    /// + digest).
    @Test func theDigestAndChainDefinitions() throws {
        #expect(RunStore.emptyHumanScoresDigest == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(RunStore.humanChainHash(previous: "p", judges: "j1,j2", digest: "d") == SHA256Digest.hex("p\nj1,j2\u{1F}d"))
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        #expect(try store.humanScoresDigest() == RunStore.emptyHumanScoresDigest && store.humanScoreImports().isEmpty)
    }

    /// Each import digests every stored score in key order and extends the chain; re-importing one judge replaces
    /// that judge's scores only.
    @Test func importsReplaceOneJudgesScoresAndChain() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        let j1a = HumanScore(judge: "j1", key: F.key("a"), score: 0.5)
        let j1b = HumanScore(judge: "j1", key: F.key("b"), score: 1)
        let j2a = HumanScore(judge: "j2", key: F.key("a"), score: 0.25)
        let first = try store.replaceHumanScores([j2a, j1b, j1a], judges: ["j2", "j1"])
        let digest1 = SHA256Digest.hex(
            Self.line("j1", "a", "0.5") + Self.line("j1", "b", "1.0") + Self.line("j2", "a", "0.25"))
        #expect(try store.humanScoresDigest() == digest1)
        #expect(try store.humanScores() == [j1a, j1b, j2a], "ordered by judge, then answer")
        #expect(first.imports == 1)
        #expect(first.head == RunStore.humanChainHash(previous: RunStore.chainGenesis, judges: "j1,j2", digest: digest1))

        let j1aAgain = HumanScore(judge: "j1", key: F.key("a"), score: 0)
        let second = try store.replaceHumanScores([j1aAgain], judges: ["j1"])
        #expect(try store.humanScores() == [j1aAgain, j2a], "j1's b is gone, j2 untouched")
        let digest2 = SHA256Digest.hex(Self.line("j1", "a", "0.0") + Self.line("j2", "a", "0.25"))
        #expect(second.imports == 2)
        #expect(second.head == RunStore.humanChainHash(previous: first.head, judges: "j1", digest: digest2))
        let imports = try store.humanScoreImports()
        #expect(imports.map { $0.seq } == [1, 2] && imports.map { $0.judges } == ["j1,j2", "j1"])
        #expect(imports.map { $0.digest } == [digest1, digest2])
        #expect(imports.map { $0.chainHash } == [first.head, second.head])
        #expect(try store.humanScoresDigest() == imports.last?.digest, "what round verify compares")
    }

    /// An import that clears a judge's scores digests to the empty digest and is still chained.
    @Test func anEmptyImportIsChainedToo() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        let first = try store.replaceHumanScores([HumanScore(judge: "j1", key: F.key("a"), score: 1)], judges: ["j1"])
        let cleared = try store.replaceHumanScores([], judges: ["j1"])
        #expect(try store.humanScores().isEmpty)
        #expect(cleared.imports == 2)
        #expect(cleared.head == RunStore.humanChainHash(
            previous: first.head, judges: "j1", digest: RunStore.emptyHumanScoresDigest))
    }

    /// Saving a judge's answer ids replaces that judge's earlier sheet and leaves other judges' sheets alone.
    @Test func answerIdsAreReplacedPerJudge() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        try store.saveHumanAssignments(
            judge: "j1", [(answerID: "A001", key: F.key("a"), maxPoints: 10), (answerID: "A002", key: F.key("b"), maxPoints: 5)])
        try store.saveHumanAssignments(judge: "j2", [(answerID: "B001", key: F.key("a"), maxPoints: 10)])
        let moved = F.key("c", team: "u", sample: 1)
        try store.saveHumanAssignments(judge: "j1", [(answerID: "A003", key: moved, maxPoints: 8)])
        let j1 = try store.humanAssignments(judge: "j1")
        #expect(j1.keys.sorted() == ["A003"])
        #expect(j1["A003"]?.key == moved && j1["A003"]?.maxPoints == 8)
        let j2 = try store.humanAssignments(judge: "j2")
        #expect(j2.keys.sorted() == ["B001"] && j2["B001"]?.key == F.key("a") && j2["B001"]?.maxPoints == 10)
        #expect(try store.humanAssignments(judge: "nobody").isEmpty)
    }
}
