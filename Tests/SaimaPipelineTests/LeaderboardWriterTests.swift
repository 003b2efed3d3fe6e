import Foundation
import SaimaLeaderboard
import SaimaBase
import SaimaModel
import SaimaPipeline
import SaimaReports
import SaimaRunner
import SaimaStorage
import Testing

/// The leaderboard files of a run folder (`LeaderboardWriter`): versions that never overwrite an earlier board, no
/// writing through links, and the appeals and failure examples the report lists.
@Suite("Writing leaderboard files (pipeline, directly)")
struct LeaderboardWriterTests {
    static let outputs = ["leaderboard.json", "leaderboard.csv", "leaderboard.md", "report.html"]

    /// The scored appeals run of `AppealsTests` with its board, input and manifest.
    static func board(_ fixture: RunFolderFixture) throws
        -> (folder: String, board: Leaderboard, input: LeaderboardInput, manifest: RunManifest?)
    {
        let run = try AppealsTests.scoredRun(fixture)
        let input = try LeaderboardAssembly.input(store: run.store, tracks: run.tracks, folder: run.folder)
        let board = LeaderboardBuilder(seed: 9, resamples: 50).build(input)
        return (run.folder, board, input, try RunManifestStore.load(store: run.store))
    }

    static func json(_ folder: String) throws -> JSONValue {
        try JSONValue.parse(try String(contentsOfFile: folder + "/leaderboard.json", encoding: .utf8))
    }

    /// The first build is version 1 (its JSON says so, and that no answer was re-read); each later build moves the
    /// four files it replaces, unchanged, to `history/v<N>/` and writes version N + 1.
    @Test func earlierBuildsMoveToHistory() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let b = try Self.board(fixture)
        let first = try LeaderboardWriter.write(b.board, input: b.input, folder: b.folder, manifest: b.manifest)
        #expect(first.files == Self.outputs.map { b.folder + "/" + $0 })
        let v1 = try String(contentsOfFile: b.folder + "/leaderboard.json", encoding: .utf8)
        #expect(try Self.json(b.folder)["version"] == .number(1))
        #expect(try Self.json(b.folder)["appeals"] == .object(["answers_re_read": .number(0)]))
        try LeaderboardWriter.write(b.board, input: b.input, folder: b.folder, manifest: b.manifest)
        #expect(try Self.json(b.folder)["version"] == .number(2))
        #expect(try FileManager.default.contentsOfDirectory(atPath: b.folder + "/history/v1").sorted() == Self.outputs.sorted())
        #expect(try String(contentsOfFile: b.folder + "/history/v1/leaderboard.json", encoding: .utf8) == v1)
        try LeaderboardWriter.write(b.board, input: b.input, folder: b.folder, manifest: b.manifest)
        #expect(try Self.json(b.folder)["version"] == .number(3))
        #expect(try FileManager.default.contentsOfDirectory(atPath: b.folder + "/history").sorted() == ["v1", "v2"])
    }

    /// A `history` planted as a link is refused before anything moves or is written.
    @Test func aLinkedHistoryIsRefused() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let b = try Self.board(fixture)
        let outside = fixture.path("outside")
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: b.folder + "/history", withDestinationPath: outside)
        let refused = try #require(throws: RunFolderFile.Refused.self) {
            try LeaderboardWriter.write(b.board, input: b.input, folder: b.folder, manifest: b.manifest)
        }
        #expect(refused.description == "\(b.folder)/history: is a symbolic link; Saima never writes through links in a run "
            + "folder / 是符号链接，结果目录内不经链接写入")
        #expect(!FileManager.default.fileExists(atPath: b.folder + "/leaderboard.json"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    }

    /// The report's appeals: the latest reading of each answer re-read, in answer order, with the reading it replaced.
    @Test func appealLinesAreTheLatestReadings() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let store = try fixture.store("run", results: [])
        func reading(_ team: String, _ item: String, _ letters: String, previous: String, judge: String) -> ReadingOverride {
            ReadingOverride(key: AppealsTests.key(team, item), reading: letters, judge: judge, reason: "\(judge)的理由",
                            previous: previous, source: "appeals.csv:2", decidedAt: Date(timeIntervalSince1970: 1_800_000_000))
        }
        try store.appendOverrides([
            reading("beta", "q0", "B", previous: "A", judge: "王"), reading("alpha", "q1", "A", previous: "B", judge: "王"),
            reading("alpha", "q1", "", previous: "A", judge: "李"),
        ])
        let lines = try LeaderboardWriter.appeals(store: store)
        #expect(lines.map { [$0.team, $0.answer, $0.previous, $0.reading, $0.judge, $0.reason] } == [
            ["alpha", "t/s/q1#0", "A", "", "李", "李的理由"], ["beta", "t/s/q0#0", "A", "B", "王", "王的理由"],
        ])
    }

    /// The report's failure examples: the first failure of each team and class, with the raw response, else the
    /// failure's detail, as its excerpt.
    @Test func oneFailureExamplePerTeamAndClass() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        var slow = RunFolderFixture.result("alpha", "q1", .timeout)
        slow.detail = "deadline exceeded"
        var down = RunFolderFixture.result("alpha", "q3", .http5xx)
        (down.httpStatus, down.rawResponse) = (502, "upstream <b>down</b>")
        let store = try fixture.store("run", results: [
            RunFolderFixture.result("alpha", "q0"), slow, RunFolderFixture.result("alpha", "q2", .timeout), down,
            RunFolderFixture.result("beta", "q0", .timeout),
        ])
        let examples = try LeaderboardWriter.failureExamples(store: store)
        #expect(examples.map { "\($0.team) \($0.outcome.rawValue) \($0.item) \($0.httpStatus) \($0.excerpt)" } == [
            "alpha timeout t/s/q1 0 deadline exceeded", "alpha http_5xx t/s/q3 502 upstream <b>down</b>",
            "beta timeout t/s/q0 0 ",
        ])
    }
}
