import SaimaModel
import Foundation
import SaimaPipeline
import SaimaRunner
import SaimaStorage
import Testing

/// `fresh_items` rotation: a round draws, per set, items no earlier round sent, seeded and kept in file order; it
/// stops before anything is sent when a set has too few; a resumed round keeps the draw its manifest records.
@Suite("Fresh items (pipeline, directly)")
struct FreshItemsTests {
    /// A round over a 10-item set (q0–q9) whose run folder is `fresh`, beside an earlier run that sent q0–q5.
    static func spec(_ fixture: RunFolderFixture, seed: UInt64 = 11) throws -> RoundSpec {
        if !FileManager.default.fileExists(atPath: fixture.path("runs/earlier")) {
            try fixture.store("runs/earlier", results: (0..<6).map { RunFolderFixture.result("alpha", "q\($0)") })
        }
        return RoundSpec(
            round: "next", tracks: [RunScoringTests.track(count: 10)], submissions: [RunFolderFixture.submission("alpha")],
            split: .dev, seed: seed, folder: fixture.path("fresh"))
    }

    /// Three of the four unexposed items are drawn, in file order, recorded in the spec; the same seed draws the same
    /// items; asking for all four gives exactly the pool.
    @Test func drawsOnlyUnexposedItemsSeeded() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        var spec = try Self.spec(fixture)
        try FreshItems.apply(&spec, count: 3, exposureRuns: [fixture.path("runs")])
        let drawn = spec.tracks[0].questionSets[0].items.ids
        #expect(drawn.count == 3 && Set(drawn).isSubset(of: ["q6", "q7", "q8", "q9"]))
        #expect(drawn == drawn.sorted(), "kept in file order")
        #expect(spec.drawnItems == ["t/s": drawn])
        var again = try Self.spec(fixture)
        try FreshItems.apply(&again, count: 3, exposureRuns: [fixture.path("runs")])
        #expect(again.tracks[0].questionSets[0].items.ids == drawn, "the same seed draws the same items")
        var all = try Self.spec(fixture)
        try FreshItems.apply(&all, count: 4, exposureRuns: [fixture.path("runs")])
        #expect(all.tracks[0].questionSets[0].items.ids == ["q6", "q7", "q8", "q9"])
    }

    /// Five fresh items of a set with four unexposed stops the round, naming the set and the counts; the spec's
    /// items are unchanged by a refused draw.
    @Test func tooFewUnexposedItemsStopTheRound() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        var spec = try Self.spec(fixture)
        do {
            try FreshItems.apply(&spec, count: 5, exposureRuns: [fixture.path("runs")])
            Issue.record("five fresh items of four must be refused")
        } catch let problem as FreshItems.Problem {
            #expect(problem.lines == ["t/s: 4 of 10 items unexposed, fresh_items asks 5 / 可用未曝光题目不足"])
            #expect(problem.description.hasPrefix("not enough unexposed items for fresh_items; nothing was sent."))
        }
        #expect(spec.tracks[0].questionSets[0].items.count == 10 && spec.drawnItems.isEmpty)
    }

    /// Two tracks: the first has fresh items enough, the second (a set of another track id, nothing exposed, 2 items)
    /// has too few; the refused draw leaves the first track's set and the recorded draws exactly as they were.
    @Test func aRefusedDrawChangesNoSet() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        var spec = try Self.spec(fixture)
        var small = RunScoringTests.track(count: 2)
        small.id = "u"
        small.questionSets[0].trackID = "u"
        spec.tracks.append(small)
        #expect(throws: FreshItems.Problem.self) { try FreshItems.apply(&spec, count: 3, exposureRuns: [fixture.path("runs")]) }
        #expect(spec.tracks[0].questionSets[0].items.count == 10 && spec.tracks[1].questionSets[0].items.count == 2)
        #expect(spec.drawnItems.isEmpty)
    }

    /// A round folder whose manifest records a draw keeps it (even items exposed since), without reading the ledger.
    @Test func aResumedRoundKeepsItsRecordedDraw() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        var spec = try Self.spec(fixture)
        var manifest = RunManifest(
            round: "next", split: .dev, samples: 1, seed: 11, tracks: spec.tracks, submissions: spec.submissions)
        manifest.questionSets[0].drawnItems = ["q1", "q3"]
        try RunManifestStore.freeze(manifest, store: try RunStore(folder: spec.folder), folder: spec.folder)
        try FreshItems.apply(&spec, count: 3, exposureRuns: [fixture.path("runs")])
        #expect(spec.tracks[0].questionSets[0].items.ids == ["q1", "q3"])
        #expect(spec.drawnItems == ["t/s": ["q1", "q3"]])
    }
}
