import Foundation
import SaimaBase
import SaimaModel
import SaimaSheets
import SaimaStorage
import Testing

@testable import SaimaJudging

@Suite("Human judges: sheets, import and agreement")
struct HumanJudgingTests {
    @Test func alphaAndSpearmanMatchHandComputedValues() throws {
        // Units [1,2], [3,3], [2,4]: D_o = 10/6, D_e = 66/30, alpha = 1 − 300/396 = 96/396.
        let alpha = try #require(Agreement.krippendorffAlphaInterval([[1, 2], [3, 3], [2, 4], [5]]))
        #expect(abs(alpha - 96.0 / 396.0) < 1e-12)
        #expect(Agreement.krippendorffAlphaInterval([[1, 1], [2, 2]]) == 1)
        // Ranks differ in one swapped pair: rho = 1 − 6·2/(4·15) = 0.8.
        #expect(abs(try #require(Agreement.spearman([1, 2, 3, 4], [1, 3, 2, 4])) - 0.8) < 1e-12)
        // Ties get average ranks: [1,1,2] ranks [1.5,1.5,3].
        #expect(Agreement.ranks([1, 1, 2]) == [1.5, 1.5, 3])
        #expect(Agreement.combined([0.2, 0.4, 0.6, 0.8, 1.0]) == 0.6)  // five judges: drop highest and lowest
        #expect(Agreement.combined([0.2, 1.0]) == 0.6)
    }

    /// Judges who work in Excel or WPS send .xlsx, or "CSV" that Chinese Windows saves in GBK: both import.
    @Test func judgeSheetsAsXlsxAndGBKCSVImport() async throws {
        let (store, folder) = try await PairwiseJudgeTests.store(answers: ["team-a": "甲队的回答", "team-b": "乙队的回答"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (track, _, _) = PointwiseJudgeTests.fixture()
        let paths = try HumanJudging.writeTemplates(store: store, tracks: [track], judges: ["alice", "bob"],
                                                    folder: folder + "/sheets", seed: 2)
        func filled(_ path: String, score: String) throws -> [[String]] {
            let rows = CSVTable.parse(try String(contentsOfFile: path, encoding: .utf8)).map(\.fields)
            return [rows[0]] + rows.dropFirst().map { var r = $0; r[9] = score; return r }
        }
        try XLSXWriter.write(rows: try filled(paths[0], score: "4"), sheetName: "评分", to: folder + "/alice.xlsx")
        let bobText = try filled(paths[1], score: "2").map { CSVTable.line($0, neutralizeFormulas: false) }.joined()
        try #require(TextDecoding.gb18030Data(bobText)).write(to: URL(fileURLWithPath: folder + "/bob.csv"))
        #expect(TextDecoding.decode(try Data(contentsOf: URL(fileURLWithPath: folder + "/bob.csv")))?.encoding == .gb18030)
        let imported = try HumanJudging.importSheets(store: store, paths: [folder + "/alice.xlsx", folder + "/bob.csv"]).scores
        #expect(imported.filter { $0.judge == "alice" }.count == 2)
        #expect(imported.filter { $0.judge == "bob" }.count == 2)
        #expect(Set(imported.filter { $0.judge == "alice" }.map(\.score)) == [0.8])
    }

    @Test func sheetsAreAnonymousAndImportsAreValidated() async throws {
        let (store, folder) = try await PairwiseJudgeTests.store(answers: [
            "secret-team-alpha": "甲队的回答", "secret-team-beta": "乙队的回答", "secret-team-gamma": "丙队的回答",
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (track, _, _) = PointwiseJudgeTests.fixture()
        let paths = try HumanJudging.writeTemplates(store: store, tracks: [track], judges: ["alice", "bob"],
                                                    folder: folder + "/sheets", seed: 5)
        let alice = try String(contentsOfFile: paths[0], encoding: .utf8)
        let bob = try String(contentsOfFile: paths[1], encoding: .utf8)
        #expect(try Data(contentsOf: URL(fileURLWithPath: paths[0])).prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        #expect(alice.contains("answer_id,track,set,item"))
        #expect(!alice.contains("secret-team") && !bob.contains("secret-team"))
        let aliceRows = CSVTable.parse(alice).dropFirst().map(\.fields)
        let bobRows = CSVTable.parse(bob).dropFirst().map(\.fields)
        #expect(aliceRows.count == 3 && bobRows.count == 3)
        #expect(Set(aliceRows.map { $0[0] }).isDisjoint(with: bobRows.map { $0[0] }))  // ids differ per judge

        // Fill: alice gives 5, 3, 1 in sheet order; bob gives 4 to everything.
        func filled(_ rows: [[String]], _ scores: [String]) -> String {
            "\u{FEFF}" + CSVTable.line(HumanJudging.columns)
                + zip(rows, scores).map { row, score in var r = row; r[9] = score; return CSVTable.line(r) }.joined()
        }
        try filled(aliceRows, ["5", "3", "1"]).write(toFile: folder + "/alice.csv", atomically: true, encoding: .utf8)
        try filled(bobRows, ["4", "4", ""]).write(toFile: folder + "/bob.csv", atomically: true, encoding: .utf8)
        let imported = try HumanJudging.importSheets(store: store, paths: [folder + "/alice.csv", folder + "/bob.csv"]).scores
        #expect(imported.count == 5)  // bob left one blank
        #expect(imported.filter { $0.judge == "alice" }.map(\.score).sorted() == [0.2, 0.6, 1.0])

        // A malformed sheet: unknown id, duplicate, out of range, not a number — all reported with file:line.
        var bad = "\u{FEFF}" + CSVTable.line(HumanJudging.columns)
        var row = aliceRows[0]
        row[9] = "9"
        bad += CSVTable.line(row)
        bad += CSVTable.line(row)
        var unknown = aliceRows[1]
        unknown[0] = "A9999-ffffff"
        unknown[9] = "1"
        bad += CSVTable.line(unknown)
        var text = aliceRows[2]
        text[9] = "良好"
        bad += CSVTable.line(text)
        try bad.write(toFile: folder + "/alice.csv", atomically: true, encoding: .utf8)
        // Questions span several physical lines: a row is reported at the line it starts on.
        let starts = CSVTable.parse(bad).map(\.line)
        do {
            _ = try HumanJudging.importSheets(store: store, paths: [folder + "/alice.csv"])
            Issue.record("a malformed sheet was accepted")
        } catch let error as DiagnosticsError {
            let lines = error.diagnostics.map(\.description)
            #expect(starts[0] == 1 && starts[1] == 2)
            #expect(lines.contains { $0.contains("alice.csv:\(starts[1]):") && $0.contains("from 0 to 5") })
            #expect(lines.contains { $0.contains("alice.csv:\(starts[2]):") && $0.contains("graded twice (first on line \(starts[1]))") })
            #expect(lines.contains { $0.contains("alice.csv:\(starts[3]):") && $0.contains("unknown answer_id") })
            #expect(lines.contains { $0.contains("alice.csv:\(starts[4]):") && $0.contains("`良好`") })
        }
        #expect(try store.humanScores().count == 5)  // the rejected sheet changed nothing

        // Issue 11 row 14: an unterminated quote or a hexadecimal score is refused, and alice's scores stay.
        var hex = aliceRows[0]
        hex[9] = "0x3"
        try ("\u{FEFF}" + CSVTable.line(HumanJudging.columns) + CSVTable.line(hex)).write(
            toFile: folder + "/alice.csv", atomically: true, encoding: .utf8)
        #expect(throws: DiagnosticsError.self) { try HumanJudging.importSheets(store: store, paths: [folder + "/alice.csv"]) }
        try ("\u{FEFF}" + CSVTable.line(HumanJudging.columns) + "\"" + aliceRows[0][0] + ",x,3\n").write(
            toFile: folder + "/alice.csv", atomically: true, encoding: .utf8)
        do {
            _ = try HumanJudging.importSheets(store: store, paths: [folder + "/alice.csv"])
            Issue.record("an unterminated quote was accepted")
        } catch let error as DiagnosticsError {
            #expect(error.diagnostics.first?.description.contains("alice.csv:2: error: a quoted field starting here never closes") == true)
        }
        #expect(try store.humanScores().filter { $0.judge == "alice" }.count == 3, "row 14: nothing deleted")
    }
}
