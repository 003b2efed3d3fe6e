import Foundation
import SaimaBase
import SaimaModel
import Testing

@testable import SaimaRegistry

/// Items read back on demand from a private copy of their lines are the items the loader checked: the same
/// values, ids, content hashes, traits and warnings as items held in memory, and untouched by later edits.
@Suite("Items on demand: the same items as in memory")
struct OnDemandItemsTests {
    static let repoTracks = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tracks").path

    /// Writes track `t` declaring question sets `questions/<id>.jsonl` of the given splits (`extra`: more fields of
    /// each set).
    static func writeTrack(_ fixture: TrackFixture, sets: [(id: String, split: String)], extra: String = "") throws {
        let declared = sets.map {
            "  - {id: \($0.id), file: questions/\($0.id).jsonl, pilot_unit: 单位, split: \($0.split)\(extra)}"
        }
        try fixture.write("Tracks/t/track.yaml", """
            id: t
            name: {zh: 赛道, en: Track}
            question_sets:
            \(declared.joined(separator: "\n"))
            """)
    }

    /// Every set of the project's seven tracks (choice, numeric, extraction, rubric, cited, multimodal items).
    @Test func theProjectsTracksReadBackIdentically() throws {
        let resident = try TrackRegistry.load(roots: [Self.repoTracks])
        let onDemand = try TrackRegistry.load(roots: [Self.repoTracks], items: .onDemand)
        #expect(resident.tracks.count == 7)
        #expect(onDemand.tracks.count == 7)
        var compared = 0
        for (a, b) in zip(resident.tracks, onDemand.tracks) {
            #expect(a.id == b.id)
            #expect(a.questionSets.count == b.questionSets.count)
            for (x, y) in zip(a.questionSets, b.questionSets) {
                #expect(!x.items.isOnDemand)
                #expect(y.items.isOnDemand)
                #expect(x.contentHash == y.contentHash)
                #expect(x.items.ids == y.items.ids)
                #expect(try x.items.all() == y.items.all())
                for trait in [ItemTraits.citation, .metric, .multiChoice] {
                    #expect(x.items.positions(with: trait) == y.items.positions(with: trait))
                }
                compared += y.items.count
            }
        }
        #expect(compared > 500)
        #expect(resident.warnings.map(\.description) == onDemand.warnings.map(\.description))
    }

    /// Rewriting the question file after loading changes nothing a run asks or scores; the set's multi-choice
    /// items keep the set's `min_correct`; an item with an attachment stays in memory.
    @Test func laterEditsOfTheFileDoNotReachTheRun() throws {
        let fixture = try TrackFixture()
        defer { fixture.remove() }
        try Self.writeTrack(fixture, sets: [("s", "dev")], extra: ", min_correct: 2")
        try fixture.write("Tracks/t/media/a.png", "png")
        let lines = [
            #"{"id":"m","type":"multi_choice","prompt":"选两项","choices":{"A":"甲","B":"乙","C":"丙"},"answer":"AC"}"#,
            #"{"id":"p","type":"single_choice","prompt":"看图","choices":{"A":"是","B":"否"},"answer":"A","attachments":[{"kind":"image","file":"media/a.png"}]}"#,
            #"{"id":"n","type":"numeric","prompt":"多少？","answer":72.5,"tolerance":0.01}"#,
        ]
        let file = try fixture.write("Tracks/t/questions/s.jsonl", lines.joined(separator: "\n") + "\n")
        let registry = try TrackRegistry.load(roots: [fixture.path("Tracks")], items: .onDemand)
        let items = registry.tracks[0].questionSets[0].items
        let before = try items.all()
        try #"{"id":"m","type":"single_choice","prompt":"改过了","choices":{"A":"甲","B":"乙"},"answer":"B"}"#
            .write(toFile: file, atomically: false, encoding: .utf8)
        #expect(try items.all() == before)
        #expect(items.ids == ["m", "p", "n"])
        #expect(try items.item(at: 0).minimumCorrect == 2)
        #expect(try items.item(at: 0).answer == .letters("AC"))
        #expect(try items.item(at: 1).attachments.count == 1)
        #expect(try items.item(at: 2).answer == .number(72.5))
        #expect(items.positions(with: .multiChoice) == [0])
    }

    /// Two sets of 12,000 items each (3 MB of lines, so the copy is written in several parts, and both sets share
    /// one file), with items holding an attachment (kept in memory) among them: every item reads back as loaded in
    /// memory.
    @Test func largeSetsSharingOneCopyReadBackIdentically() throws {
        let fixture = try TrackFixture()
        defer { fixture.remove() }
        try Self.writeTrack(fixture, sets: [("a", "dev"), ("b", "test")])
        try fixture.write("Tracks/t/media/a.png", "png")
        for set in ["a", "b"] {
            let lines = (0..<12_000).map { i in
                i % 4_001 == 17
                    ? #"{"id":"\#(set)\#(i)","type":"true_false","prompt":"图中是猫？","answer":true,"attachments":[{"kind":"image","file":"media/a.png"}]}"#
                    : i % 3 == 0
                    ? #"{"id":"\#(set)\#(i)","type":"numeric","prompt":"第 \#(i) 题：多少？","answer":\#(i).25}"#
                    : #"{"id":"\#(set)\#(i)","type":"single_choice","prompt":"第 \#(i) 题（\#(set)）：以下哪项正确？请说明理由。","choices":{"A":"甲\#(i)","B":"乙"},"answer":"\#(i % 2 == 0 ? "A" : "B")"}"#
            }
            try fixture.write("Tracks/t/questions/\(set).jsonl", lines.joined(separator: "\n"))
        }
        let resident = try TrackRegistry.load(roots: [fixture.path("Tracks")])
        let onDemand = try TrackRegistry.load(roots: [fixture.path("Tracks")], items: .onDemand)
        for (x, y) in zip(resident.tracks[0].questionSets, onDemand.tracks[0].questionSets) {
            #expect(y.items.isOnDemand)
            #expect(y.items.count == 12_000)
            #expect(x.contentHash == y.contentHash)
            #expect(try x.items.all() == y.items.all())
            #expect(try y.items.all().filter { !$0.attachments.isEmpty }.count == 3)
        }
    }

    /// A number beyond ±1.8e308 (`1e400` reads as infinity, which JSON cannot write back) is a located error in
    /// either mode, never an item that cannot be read back.
    @Test func numbersOutOfRangeAreLocatedErrors() throws {
        let fixture = try TrackFixture()
        defer { fixture.remove() }
        try Self.writeTrack(fixture, sets: [("s", "dev")])
        try fixture.write("Tracks/t/questions/s.jsonl", [
            #"{"id":"ok","type":"numeric","prompt":"多少？","answer":1e300}"#,
            #"{"id":"big","type":"numeric","prompt":"多少？","answer":1e400}"#,
            #"{"id":"tol","type":"numeric","prompt":"多少？","answer":1,"tolerance":-1e999}"#,
            #"{"id":"deep","type":"extraction","prompt":"抽取","answer":{"金额":{"值":[1,2e400]}}}"#,
        ].joined(separator: "\n"))
        for storage in [TrackRegistry.ItemStorage.resident, .onDemand] {
            var diagnostics: [Diagnostic] = []
            let registry = TrackRegistry.load(roots: [fixture.path("Tracks")], items: storage, diagnostics: &diagnostics)
            // Every problem is reported (line 3's tolerance is also negative); each bad line names the range.
            #expect(Set(diagnostics.map(\.line)) == [2, 3, 4])
            for line in [2, 3, 4] {
                #expect(diagnostics.contains { $0.line == line && $0.message.contains("out of range") })
            }
            #expect(registry.tracks.first?.questionSets.first?.items.ids == ["ok"])
        }
    }
}
