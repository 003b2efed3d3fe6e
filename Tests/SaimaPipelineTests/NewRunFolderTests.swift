import Foundation
import SaimaBase
import SaimaModel
import SaimaPipeline
import SaimaRunner
import SaimaStorage
import Testing

/// A run folder written whole from results made elsewhere (`NewRunFolder`, for merges and pulls): refused over a
/// folder that holds anything, and otherwise the manifest frozen, the parts appended in order as one chain, and the
/// chain's head and row count recorded in the manifest.
@Suite("Writing a new run folder (pipeline, directly)")
struct NewRunFolderTests {
    /// A missing or empty folder may be written; a folder holding a file is refused with its path and the command.
    @Test func refusalOnlyOverAFolderThatHoldsAnything() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let out = fixture.path("out")
        #expect(NewRunFolder.refusal(out, what: "a merge") == nil)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        #expect(NewRunFolder.refusal(out, what: "a merge") == nil)
        try "x".write(toFile: out + "/note.txt", atomically: true, encoding: .utf8)
        #expect(NewRunFolder.refusal(out, what: "a merge") == "\(out) exists and is not empty: a merge writes a new run folder / 输出目录非空")
    }

    /// Two parts' results land in the given order as one chain from genesis: the returned head is the last row's
    /// chain hash computed afresh, the store holds every row, and the manifest on disk and in the database records
    /// that head and the row count.
    @Test func partsBecomeOneChainWithItsHeadRecorded() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let out = fixture.path("out")
        let first = [RunFolderFixture.result("alpha", "q0"), RunFolderFixture.result("alpha", "q1", .timeout)]
        let second = [RunFolderFixture.result("beta", "q0")]
        let manifest = RunManifest(
            round: "merged", split: .dev, samples: 1, seed: 3, tracks: [RunScoringTests.track(count: 2)],
            submissions: [RunFolderFixture.submission("alpha"), RunFolderFixture.submission("beta")])
        let (store, head) = try NewRunFolder.write(out: out, manifest: manifest, parts: [(first, []), (second, [])])
        let expected = (first + second).reduce(RunStore.chainGenesis) { $1.chainHash(previous: $0) }
        #expect(head == expected)
        #expect(try store.chainHead() == expected)
        #expect(try store.rowCount() == 3)
        #expect(try store.currentResults().map(\.key.team) == ["alpha", "alpha", "beta"])
        let stored = try #require(try RunManifestStore.load(store: store))
        #expect(stored.chainHead == head && stored.chainRows == 3 && stored.round == "merged")
        let published = try RunManifest(json: JSONValue.parse(try String(contentsOfFile: out + "/manifest.json", encoding: .utf8)))
        #expect(published == stored)
    }
}
