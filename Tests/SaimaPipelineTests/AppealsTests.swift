import Foundation
import SaimaBase
import SaimaModel
import SaimaPipeline
import SaimaRunner
import SaimaStorage
import Testing

/// `saima appeals template` and `import` in process (`Appeals`, through `RunFolder`): which answers a sheet lists and
/// exactly how, and an import that stores every valid reading in the appeals chain or, with any problem, nothing.
@Suite("Appeals sheets (pipeline, directly)")
struct AppealsTests {
    /// Set t/s of `RunScoringTests.track(count: 4)` (answer B), shown to every team in its own order.
    static func unshuffledTrack() -> Track {
        var track = RunScoringTests.track(count: 4)
        track.questionSets[0].shuffleChoices = false
        return track
    }

    /// A scored run in `<fixture>/run`: alpha answered q0 `答案：B` (answer line), q1 `看起来B说得通` (a stray letter: a
    /// weak, uncertain reading), q2 with nothing readable, and timed out on q3; beta answered q0 `A` (bare letter).
    static func scoredRun(_ fixture: RunFolderFixture) throws -> (folder: String, tracks: [Track], store: RunStore) {
        let tracks = [unshuffledTrack()]
        let store = try fixture.store(
            "run",
            results: [
                RunFolderFixture.result("alpha", "q0", content: "分析略。\n答案：B"),
                RunFolderFixture.result("alpha", "q1", content: "看起来B说得通"),
                RunFolderFixture.result("alpha", "q2", content: "这道题我无法判断。"),
                RunFolderFixture.result("alpha", "q3", .timeout),
                RunFolderFixture.result("beta", "q0", content: "A"),
            ], round: "appeals", tracks: tracks, teams: ["alpha", "beta"])
        _ = try RunScoring.score(store: store, tracks: tracks)
        return (fixture.path("run"), tracks, store)
    }

    static func key(_ team: String, _ item: String) -> ResultKey {
        ResultKey(team: team, track: "t", set: "s", item: item, sample: 0)
    }

    /// The records of a CSV sheet (byte-order mark dropped), header first.
    static func rows(_ path: String) throws -> [[String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return CSVTable.parse(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text).map(\.fields)
    }

    /// Writes `rows` (header first) as the UTF-8 sheet `name` in the fixture's root; returns its path.
    static func sheet(_ fixture: RunFolderFixture, _ name: String, _ rows: [[String]]) throws -> String {
        let path = fixture.path(name)
        try ("\u{FEFF}" + rows.map { CSVTable.line($0) }.joined()).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// An issued row with the judge's three cells filled.
    static func filled(_ row: [String], _ reading: String, judge: String = "王评委", reason: String = "复核") -> [String] {
        var r = row
        (r[14], r[15], r[16]) = (reading, judge, reason)
        return r
    }

    /// The default (weak) sheet: BOM and header, then alpha's stray-letter reading and its unreadable answer in key
    /// order, each with the question, the choices as shown, the reply, the reading and rule, why it is listed, no
    /// reader's reading (no LLM reader was asked), the sheet's id and the row's fingerprint (16 hex digits of SHA-256 over the answer, the reply's hash, the reading
    /// and the rule); the judge's cells empty. Right answers, beta's bare letter and the timeout are left off.
    @Test func weakSheetListsGuessedAndUnreadableAnswers() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let run = try Self.scoredRun(fixture)
        let (path, count) = try RunFolder.appealsTemplate(folder: run.folder, tracks: run.tracks, selection: .weak, teams: [])
        #expect(path == run.folder + "/appeals/appeals.csv" && count == 2)
        // Read as bytes: Foundation's String(contentsOfFile:) drops a BOM.
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        #expect(text.hasPrefix(
            "\u{FEFF}team,track,set,item,sample,question,choices,reply,current_reading,rule,why,reader_reading,sheet,row_hash,"
                + "judge_reading,judge,reason\r\n"))
        let rows = try Self.rows(path)
        try #require(rows.count == 3)
        let sheet = rows[1][12]
        #expect(sheet.wholeMatch(of: /S[0-9]{14}-[0-9a-f]{6}/) != nil, "\(sheet)")
        #expect(rows[1] == [
            "alpha", "t", "s", "q1", "0", "第 1 题：哪一项正确？", "A. 甲\nB. 乙", "看起来B说得通", "B", "stray_letter",
            "weak rule 猜测读取; uncertain reading 读取存疑", "", sheet, "689fd5c47ca298d6", "", "", "",
        ])
        #expect(rows[2] == [
            "alpha", "t", "s", "q2", "0", "第 2 题：哪一项正确？", "A. 甲\nB. 乙", "这道题我无法判断。", "", "unextractable",
            "unextractable 无法抽取", "", sheet, "70b9021f0ff0f839", "", "", "",
        ])
    }

    /// `all` lists every answered choice item (the timeout has no reply to re-read), `uncertain` only the reading
    /// the scorer doubted, and a team filter keeps that team's answers.
    @Test func selectionsAndTeamFilter() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let run = try Self.scoredRun(fixture)
        func listed(_ selection: Appeals.Selection, _ teams: [String] = []) throws -> [String] {
            let (path, count) = try RunFolder.appealsTemplate(
                folder: run.folder, tracks: run.tracks, selection: selection, teams: teams)
            let answers = try Self.rows(path).dropFirst().map { "\($0[0])/\($0[3])" }
            #expect(answers.count == count)
            return answers
        }
        #expect(try listed(.all) == ["alpha/q0", "alpha/q1", "alpha/q2", "beta/q0"])
        #expect(try listed(.uncertain) == ["alpha/q1"])
        #expect(try listed(.all, ["beta"]) == ["beta/q0"])
    }

    /// A filled sheet's readings are stored as read (letters upper-cased, `无` as no answer), each with the reading it
    /// replaces and its `file:line` (a row's line is where it starts: the choices cell spans two lines); the appeals
    /// chain's head and length go into the manifest, and re-scoring reads the answer as the judge did.
    @Test func importStoresReadingsInTheAppealsChain() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let run = try Self.scoredRun(fixture)
        let issued = try Self.rows(
            try RunFolder.appealsTemplate(folder: run.folder, tracks: run.tracks, selection: .weak, teams: []).path)
        let filled = try Self.sheet(fixture, "filled.csv", [
            issued[0], Self.filled(issued[1], "a", reason: "回复倾向甲"), Self.filled(issued[2], "无", reason: "未作答"),
        ])
        let readings = try Appeals.importSheets(store: run.store, tracks: run.tracks, paths: [filled], folder: run.folder)
        #expect(readings.map(\.key) == [Self.key("alpha", "q1"), Self.key("alpha", "q2")])
        #expect(readings.map(\.reading) == ["A", ""])
        #expect(readings.map(\.previous) == ["B", ""])
        #expect(readings.map(\.source) == ["filled.csv:2", "filled.csv:4"])
        #expect(readings.map(\.reason) == ["回复倾向甲", "未作答"])
        #expect(readings.allSatisfy { $0.judge == "王评委" })
        let head = readings.reduce(RunStore.chainGenesis) { $1.chainHash(previous: $0) }
        let manifest = try #require(try RunManifestStore.load(store: run.store))
        #expect(manifest.appealsHead == head && manifest.appealsRows == 2)
        _ = try RunScoring.score(store: run.store, tracks: run.tracks)
        let q1 = try #require(try run.store.currentScores()[Self.key("alpha", "q1")])
        #expect(q1.score == 0 && q1.extracted == "A" && q1.rule == "judge_reading")
    }

    /// Every problem of a sheet is reported at its line, and then nothing is stored: letters the item does not offer,
    /// a changed row (its fingerprint), a row the sheet never issued (with its empty judge and reason), an answer
    /// that failed, a sample that is not a number.
    @Test func importRefusesEveryProblemAndStoresNothing() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let run = try Self.scoredRun(fixture)
        let issued = try Self.rows(
            try RunFolder.appealsTemplate(folder: run.folder, tracks: run.tracks, selection: .weak, teams: []).path)
        let sheetID = issued[1][12]
        var changed = Self.filled(issued[2], "none")
        changed[13] = "0000000000000000"
        func row(_ team: String, _ item: String, sample: String = "0", judge: String = "", reason: String = "") -> [String] {
            [team, "t", "s", item, sample, "", "", "", "", "", "", "", sheetID, "0123456789abcdef", "A", judge, reason]
        }
        let path = try Self.sheet(fixture, "bad.csv", [
            issued[0], Self.filled(issued[1], "C"), changed, row("beta", "q0"), row("alpha", "q3", judge: "王", reason: "r"),
            row("alpha", "q1", sample: "x", judge: "王", reason: "r"),
        ])
        let error = try #require(throws: DiagnosticsError.self) {
            try Appeals.importSheets(store: run.store, tracks: run.tracks, paths: [path], folder: run.folder)
        }
        #expect(error.diagnostics.map { "\($0.line): \($0.message)" } == [
            "2: judge_reading `C` must be letters of this item (AB) or `none`/`无` / 复核结果须为本题选项字母或“无”",
            "4: the row for alpha/t/s/q2#0 differs from the row issued on sheet \(sheetID) (row_hash) / 该行与发放时不一致",
            "6: judge is empty: every reading needs the judge's name / 缺少评委姓名",
            "6: reason is empty: every reading needs a reason / 缺少复核理由",
            "6: beta/t/s/q0#0 was not issued on sheet `\(sheetID)` (rows come only from saima appeals template) / 该行不在已发放的复核表中",
            "7: no answer alpha/t/s/q3#0 in this run / 本轮没有此回答",
            "8: sample `x` must be a whole number / 采样序号须为整数",
        ])
        #expect(error.diagnostics.allSatisfy { $0.path == path })
        #expect(try run.store.overrideRows().isEmpty)
        #expect(try RunManifestStore.load(store: run.store)?.appealsHead == nil)
    }

    /// A sheet without the columns an import needs and an empty sheet are each reported once, at line 1.
    @Test func unusableSheetsAreReported() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let run = try Self.scoredRun(fixture)
        let columns = try Self.sheet(fixture, "columns.csv", [
            ["team", "track", "set", "item", "sample", "sheet", "judge", "reason"],
            ["alpha", "t", "s", "q1", "0", "S1", "王", "r"],
        ])
        let empty = fixture.path("empty.csv")
        try "".write(toFile: empty, atomically: true, encoding: .utf8)
        let error = try #require(throws: DiagnosticsError.self) {
            try Appeals.importSheets(store: run.store, tracks: run.tracks, paths: [columns, empty], folder: run.folder)
        }
        #expect(error.diagnostics.map(\.description) == [
            "\(columns):1: error: missing column(s) row_hash, judge_reading / 缺少列",
            "\(empty):1: error: the sheet is empty / 表格为空",
        ])
    }

    /// A reading a human judge already made is replaced only with `supersede`: without it the row is refused naming
    /// the earlier judge and sheet line; with it the new reading is stored, its reason recording the one it replaces.
    @Test func aHumanReadingIsReplacedOnlyWithSupersede() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let run = try Self.scoredRun(fixture)
        let issued = try Self.rows(
            try RunFolder.appealsTemplate(folder: run.folder, tracks: run.tracks, selection: .weak, teams: []).path)
        let first = try Self.sheet(fixture, "first.csv", [issued[0], Self.filled(issued[1], "A", reason: "回复倾向甲")])
        _ = try Appeals.importSheets(store: run.store, tracks: run.tracks, paths: [first], folder: run.folder)
        let second = try Self.sheet(fixture, "second.csv", [issued[0], Self.filled(issued[1], "B", judge: "李评委", reason: "再读")])
        let error = try #require(throws: DiagnosticsError.self) {
            try Appeals.importSheets(store: run.store, tracks: run.tracks, paths: [second], folder: run.folder)
        }
        #expect(error.diagnostics.map(\.description) == [
            "\(second):2: error: alpha/t/s/q1#0 was already re-read by 王评委 (first.csv:2); pass --supersede \"reason\" "
                + "to replace that reading / 该回答已复核，替换须使用 --supersede 并说明理由"
        ])
        let replaced = try Appeals.importSheets(
            store: run.store, tracks: run.tracks, paths: [second], folder: run.folder, supersede: " 复议结论 ")
        #expect(replaced.map(\.reason) == ["再读 [supersedes 王评委's reading A (first.csv:2): 复议结论]"])
        #expect(replaced.map(\.previous) == ["A"])
        #expect(try run.store.currentOverrides()[Self.key("alpha", "q1")]?.reading == "B")
        #expect(try run.store.overrideRows().count == 2)
    }
}
