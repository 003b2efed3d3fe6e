import Foundation
import SaimaLeaderboard
import SaimaBase
import SaimaModel
import SaimaPipeline
import SaimaStorage
import Testing

/// The appeals queue of the web page (`AppealsEntry`): the issued sheet read back as the answers still to re-read, and
/// a judge's readings saved as that sheet filled in and imported by the same importer as a mailed sheet.
@Suite("Appeals entered on a web page (pipeline, directly)")
struct AppealsEntryTests {
    static let guessed = "689fd5c47ca298d6"
    static let unreadable = "70b9021f0ff0f839"

    /// Before a sheet is issued there is no queue; issuing lists the weak answers (as `AppealsTests` checks the sheet),
    /// and the queue shows each with what a judge needs, named by its row fingerprint.
    @Test func theIssuedSheetIsTheQueue() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let run = try AppealsTests.scoredRun(fixture)
        #expect(!AppealsEntry.issued(folder: run.folder))
        #expect(try AppealsEntry.queue(folder: run.folder).isEmpty)
        #expect(try AppealsEntry.issue(folder: run.folder, tracks: run.tracks, selection: .weak) == 2)
        #expect(AppealsEntry.issued(folder: run.folder))
        let queue = try AppealsEntry.queue(folder: run.folder)
        #expect(queue.map(\.rowHash) == [Self.guessed, Self.unreadable])
        #expect(queue.map(\.key) == [AppealsTests.key("alpha", "q1"), AppealsTests.key("alpha", "q2")])
        #expect(queue.map(\.question) == ["第 1 题：哪一项正确？", "第 2 题：哪一项正确？"])
        #expect(queue.map(\.choices) == ["A. 甲\nB. 乙", "A. 甲\nB. 乙"])
        #expect(queue.map(\.reply) == ["看起来B说得通", "这道题我无法判断。"])
        #expect(queue.map(\.currentReading) == ["B", ""])
        #expect(queue.map(\.rule) == ["stray_letter", "unextractable"])
        #expect(queue.map(\.why) == ["weak rule 猜测读取; uncertain reading 读取存疑", "unextractable 无法抽取"])
    }

    /// A reading saved from the page is stored under the judge's name with the sheet line it came from, the row leaves
    /// the queue, the run is re-scored (alpha's guessed B becomes the judge's A: 1 of 4 right, 25), and the filled
    /// sheet is kept as `appeals/entered/<judge>-<time>.csv` with no pending copy left.
    @Test func aSavedReadingIsImportedAndLeavesTheQueue() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let run = try AppealsTests.scoredRun(fixture)
        _ = try AppealsEntry.issue(folder: run.folder, tracks: run.tracks, selection: .weak)
        let rebuilt = try AppealsEntry.save(
            folder: run.folder, tracks: run.tracks, judge: "王评委", readings: [Self.guessed: (reading: "A", reason: "回复倾向甲")])
        #expect(try AppealsEntry.queue(folder: run.folder).map(\.rowHash) == [Self.unreadable])
        let entered = try FileManager.default.contentsOfDirectory(atPath: run.folder + "/appeals/entered")
        #expect(entered.count == 1 && entered.allSatisfy { $0.wholeMatch(of: /王评委-[0-9]{14}\.csv/) != nil }, "\(entered)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: run.folder + "/appeals/entered-pending").isEmpty)
        let stored = try #require(try RunStore(folder: run.folder).currentOverrides()[AppealsTests.key("alpha", "q1")])
        #expect(stored.reading == "A" && stored.judge == "王评委" && stored.reason == "回复倾向甲" && stored.previous == "B")
        #expect(stored.source == (entered.first ?? "") + ":2")
        let alpha = try #require(rebuilt.leaderboard.overall.entries.first { $0.team == "alpha" })
        #expect(abs(alpha.score - 25) < 1e-9)
    }

    /// A refused save (a letter the item does not offer) throws the importer's diagnostic and leaves no trace: nothing
    /// stored, no file kept under `appeals/entered/`, the queue unchanged.
    @Test func aRefusedSaveLeavesNoTrace() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let run = try AppealsTests.scoredRun(fixture)
        _ = try AppealsEntry.issue(folder: run.folder, tracks: run.tracks, selection: .weak)
        let error = try #require(throws: DiagnosticsError.self) {
            try AppealsEntry.save(
                folder: run.folder, tracks: run.tracks, judge: "王评委", readings: [Self.guessed: (reading: "Z", reason: "随手")])
        }
        #expect(error.diagnostics.map { "\($0.line): \($0.message)" } == [
            "2: judge_reading `Z` must be letters of this item (AB) or `none`/`无` / 复核结果须为本题选项字母或“无”"
        ])
        #expect(try FileManager.default.contentsOfDirectory(atPath: run.folder + "/appeals/entered").isEmpty)
        #expect(try RunStore(folder: run.folder).overrideRows().isEmpty)
        #expect(try AppealsEntry.queue(folder: run.folder).map(\.rowHash) == [Self.guessed, Self.unreadable])
    }
}
