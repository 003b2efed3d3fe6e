import Foundation
import SaimaModel
import SaimaStorage
import Testing

/// What a run sent, read from another round's folder (exposure ledger): every request in row order, superseded
/// ones included, with the variant its answer was scored on and the manifest; and per-variant score means.
@Suite("Sent items")
struct SentItemsTests {
    typealias F = StorageFixture

    /// A folder without `run.sqlite` has nothing to report.
    @Test func aFolderWithoutADatabaseGivesNil() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(try RunStore.sentItems(folder: folder) == nil)
    }

    /// Every row in `seq` order with its finishing time, the scored variant of its answer, and the manifest text.
    @Test func everyRequestInRowOrder() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        _ = try store.appendResults([
            F.result("a", .http5xx, content: nil, finishedAt: 1_800_000_100), F.result("b", finishedAt: 1_800_000_200),
        ])
        _ = try store.appendResults([F.result("a", finishedAt: 1_800_000_300)])
        try store.setMeta("manifest", #"{"round":"初赛"}"#)
        try store.replaceScores([F.score(F.key("a"), 1, variant: 1), F.score(F.key("b"), 0)])
        let sent = try #require(try RunStore.sentItems(folder: folder))
        #expect(sent.items.map(\.item) == ["a", "b", "a"])
        #expect(sent.items.map(\.finishedAt) == [1_800_000_100, 1_800_000_200, 1_800_000_300])
        #expect(sent.items.map(\.variant) == [1, nil, 1])
        #expect(sent.items.allSatisfy { $0.team == "t" && $0.track == "law" && $0.set == "s" && $0.sample == 0 })
        #expect(sent.manifest == #"{"round":"初赛"}"#)
    }

    /// Per item and variant shown: answers and mean score, in track, set, item, variant order; items without
    /// variants are left out.
    @Test func variantScoresAreMeansPerVariant() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        try store.replaceScores([
            F.score(F.key("q1", team: "t1"), 1, variant: 0), F.score(F.key("q1", team: "t2"), 0, variant: 0),
            F.score(F.key("q1", team: "t3"), 1, variant: 1), F.score(F.key("q2", team: "t1"), 1),
            F.score(F.key("q0", team: "t1"), 0.5, variant: 3),
        ])
        let means = try store.variantScores().map {
            "\($0.track)/\($0.set)/\($0.item)#\($0.variant):\($0.answers):\($0.meanScore)"
        }
        #expect(means == ["law/s/q0#3:1:0.5", "law/s/q1#0:2:0.5", "law/s/q1#1:1:1.0"])
    }
}
