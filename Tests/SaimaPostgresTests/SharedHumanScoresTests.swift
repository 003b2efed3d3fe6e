import Foundation
import SaimaBase
import SaimaModel
import SaimaStorage
import SaimaTestSupport
import Testing

@testable import SaimaPostgres

/// Human scores of a shared round in PostgreSQL (a real server started here): imports from two hosts form one chain
/// under the round's lock, each import replaces only its judges' scores, and a run folder replaying the imports in order
/// reaches exactly the store's chain heads and digests (what `saima pull` relies on); an unknown round is refused.
@Suite("Shared human scores", .serialized)
struct SharedHumanScoresTests {
    static func score(_ judge: String, _ item: String, _ value: Double, team: String = "alpha") -> HumanScore {
        HumanScore(judge: judge, key: ResultKey(team: team, track: "law", set: "open", item: item, sample: 0), score: value)
    }

    @Test func importsChainAndReplayIntoARunFolder() async throws {
        let pg = try PostgresServer.start()
        defer { pg.stop() }
        let shared = try await SharedRunStore.open(try StoreLocation.parse(pg.url).get(), connectSeconds: 120)
        _ = try await shared.join(round: "r1", planned: "{}", manifest: "{}", teams: [])

        // Host A imports judges 李 and wang; host B then imports 李 again (replacing 李's scores only); host A imports zoe,
        // who graded nothing (her earlier scores, none, are replaced by none).
        let first = [Self.score("李", "q1", 1), Self.score("李", "q2", 0.5), Self.score("wang", "q1", 0.75)]
        let a = try await shared.publishHumanScores(round: "r1", scores: first, judges: ["李", "wang"])
        let second = [Self.score("李", "q1", 0.25, team: "beta")]
        let b = try await shared.publishHumanScores(round: "r1", scores: second, judges: ["李"])
        let c = try await shared.publishHumanScores(round: "r1", scores: [], judges: ["zoe"])
        #expect(a.imports == 1 && b.imports == 2 && c.imports == 3)

        let afterFirst = HumanScoreLedger.digest(first)
        #expect(a.head == HumanScoreLedger.chainHash(previous: ItemResult.chainGenesis, judges: "wang,李", digest: afterFirst))
        let afterSecond = HumanScoreLedger.digest([Self.score("wang", "q1", 0.75)] + second)
        #expect(b.head == HumanScoreLedger.chainHash(previous: a.head, judges: "李", digest: afterSecond))
        #expect(c.head == HumanScoreLedger.chainHash(previous: b.head, judges: "zoe", digest: afterSecond))

        let imports = try await shared.humanScoreImports(round: "r1")
        #expect(imports.map(\.seq) == [1, 2, 3] && imports.map(\.judges) == ["wang,李", "李", "zoe"])
        #expect(imports.map(\.chainHash) == [a.head, b.head, c.head])
        #expect(Set(imports[0].scores) == Set(first) && imports[1].scores == second && imports[2].scores.isEmpty)

        // A run folder replaying the imports reaches every head, and holds what the store holds.
        let folder = NSTemporaryDirectory() + "saima-human-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try RunStore(folder: folder)
        for i in imports {
            let (head, n) = try store.replaceHumanScores(i.scores, judges: Set(i.judges.split(separator: ",").map(String.init)))
            #expect(head == i.chainHash && n == i.seq)
        }
        #expect(try Set(store.humanScores()) == Set([Self.score("wang", "q1", 0.75)] + second))
        #expect(try store.humanScoresDigest() == imports.last?.digest)

        await #expect(throws: StoreError.self) {
            try await shared.publishHumanScores(round: "no-such-round", scores: first, judges: ["李"])
        }
        await shared.close()
    }

    /// The digest orders scores by the UTF-8 bytes of judge, team, track, set and item, then by sample — SQLite's
    /// order — whatever order they come in.
    @Test func theDigestIsOrderFree() {
        let scores = [Self.score("李", "q2", 0.5), Self.score("wang", "q10", 1), Self.score("wang", "q1", 0), Self.score("Wang", "q1", 1)]
        #expect(HumanScoreLedger.digest(scores) == HumanScoreLedger.digest(scores.reversed()))
        let text = ["Wang\u{1F}alpha\u{1F}law\u{1F}open\u{1F}q1\u{1F}0\u{1F}1.0", "wang\u{1F}alpha\u{1F}law\u{1F}open\u{1F}q1\u{1F}0\u{1F}0.0",
                    "wang\u{1F}alpha\u{1F}law\u{1F}open\u{1F}q10\u{1F}0\u{1F}1.0", "李\u{1F}alpha\u{1F}law\u{1F}open\u{1F}q2\u{1F}0\u{1F}0.5"]
        #expect(HumanScoreLedger.digest(scores) == SHA256Digest.hex(text.map { $0 + "\n" }.joined()))
    }

    /// A score of -0 is stored as 0, so a run folder (where SQLite keeps it as the integer 0) and the store hash alike.
    @Test func minusZeroIsZero() {
        #expect(Self.score("李", "q1", -0.0).score.sign == .plus)
        #expect(HumanScoreLedger.digest([Self.score("李", "q1", -0.0)]) == HumanScoreLedger.digest([Self.score("李", "q1", 0)]))
    }
}
