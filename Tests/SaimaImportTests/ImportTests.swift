import SaimaBase
import Foundation
import SaimaModel
import SaimaRegistry
import SaimaSheets
import Testing

@testable import SaimaImport

/// `saima import`'s library: every format imports its sample into a set that validates; malformed sheets give
/// located errors, all at once; an exported set imports back to the same content hash.
@Suite("Importing pilot units' questions")
struct ImportTests {
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }

    /// Imports `file` into a fresh root and loads it back through the track registry.
    static func importAndLoad(_ format: ImportFormat, _ file: String, set: String = "s") throws -> (ImportResult, QuestionSet) {
        let root = NSTemporaryDirectory() + "saima-import-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = Importer.read(format: format, files: [file], layout: SheetLayout(), idPrefix: set)
        #expect(result.problems.isEmpty, "\(result.problems)")
        let request = SetWriter.Request(
            root: root, track: "t", set: set, split: .dev, pilotUnit: LocalizedText(zh: "测试单位", en: "Test unit"),
            format: format, files: [file], licence: nil, replace: false)
        _ = try SetWriter.write(result.items, request)
        let registry = try TrackRegistry.load(roots: [root])
        return (result, try #require(registry.tracks.first?.questionSets.first { $0.id == set }))
    }

    @Test(arguments: [
        (ImportFormat.xlsx, "bank-questions.xlsx", 6), (.csv, "hotline-gbk.csv", 2), (.gaokaoBench, "gaokao-physics.json", 15),
        (.agieval, "agieval-physics.jsonl", 30), (.lawbench, "lawbench-1-1.json", 30), (.lexeval, "lexeval-1_3.json", 30),
        (.ceval, "ceval-sample.csv", 2), (.cmmlu, "cmmlu-sample.csv", 2),
    ])
    func everyFormatImportsItsSampleIntoAValidSet(format: ImportFormat, file: String, count: Int) throws {
        let (_, set) = try Self.importAndLoad(format, Self.fixture(file))
        #expect(set.items.count == count)
    }

    @Test func excelCellsAreReadAsExcelStoresThem() throws {
        let (_, set) = try Self.importAndLoad(.xlsx, Self.fixture("bank-questions.xlsx"))
        let byID = Dictionary(try set.items.all().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byID["cc-002"]?.type == .multiChoice && byID["cc-002"]?.answer == .letters("ABD"), "A、B、D")
        #expect(byID["cc-003"]?.answer == .truth(false), "错")
        #expect(byID["cc-004"]?.answer == .number(72), "a number cell")
        #expect(byID["cc-005"]?.answer == .texts(["2024-03-01"]), "a date cell")
        #expect(byID["cc-101"]?.tolerance == 0.001 && byID["cc-101"]?.tags == ["计算", "利息"], "the second sheet")
        #expect(byID["cc-001"]?.raw["explanation"]?.stringValue == "三查为调查、审查、检查。")
    }

    @Test func gaokaoBenchSplitsInlineOptionsAndKeepsItsFields() throws {
        let (_, set) = try Self.importAndLoad(.gaokaoBench, Self.fixture("gaokao-physics.json"))
        #expect(try set.items.all().allSatisfy { $0.type == .multiChoice }, "a multi-answer set is 不定项 throughout")
        let first = try #require(try set.items.all().first)
        #expect(first.choices.map(\.letter) == ["A", "B", "C", "D"])
        #expect(first.raw["metadata"]?["year"]?.stringValue == "2010" && first.raw["metadata"]?["score"] != nil)
        #expect(first.raw["explanation"] != nil)
    }

    @Test func brokenSheetsReportEveryProblemAtItsCell() throws {
        let r = Importer.read(format: .xlsx, files: [Self.fixture("broken.xlsx")], layout: SheetLayout(), idPrefix: "b")
        #expect(r.problems.contains { $0.location == "broken.xlsx:Sheet1!F2" && $0.message.hasPrefix("answer `C` names no offered option") })
        #expect(r.problems.contains { $0.location == "broken.xlsx:Sheet1!A3" && $0.message.hasPrefix("duplicate id `x-1`") })
        #expect(r.problems.contains { $0.location == "broken.xlsx:Sheet1!B4" && $0.message.hasPrefix("unknown question type `填空题型`") })
        #expect(r.problems.contains { $0.location == "broken.xlsx:Sheet1!C5" && $0.message.hasPrefix("the question is empty") })
        #expect(r.problems.count == 4, "\(r.problems)")
    }

    @Test func missingColumnsEmptySheetsAndWrongEncodingsAreLocatedErrors() throws {
        let dir = NSTemporaryDirectory() + "saima-bad-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try XLSXWriter.write(rows: [["编号", "答案"], ["1", "A"]], sheetName: "Sheet1", to: dir + "/nocolumn.xlsx")
        try XLSXWriter.write(rows: [], sheetName: "Sheet1", to: dir + "/empty.xlsx")
        try Data([0xFF, 0xFE, 0xFF, 0x2C, 0xFF]).write(to: URL(fileURLWithPath: dir + "/binary.csv"))
        for (file, expected) in [("nocolumn.xlsx", "no sheet has a header row"), ("empty.xlsx", "no sheet has a header row"),
                                 ("binary.csv", "binary.csv: error: not UTF-8 or GBK/GB18030 text")] {
            let format: ImportFormat = file.hasSuffix(".csv") ? .csv : .xlsx
            let r = Importer.read(format: format, files: [dir + "/" + file], layout: SheetLayout(), idPrefix: "x")
            #expect(r.problems.contains { $0.description.contains(expected) }, "\(file): \(r.problems)")
            #expect(r.items.isEmpty)
        }
    }

    @Test(arguments: ["xlsx", "csv"])
    func anExportedSetImportsBackToTheSameContentHash(format: String) throws {
        let (_, original) = try Self.importAndLoad(.xlsx, Self.fixture("bank-questions.xlsx"))
        let out = NSTemporaryDirectory() + "saima-export-\(UUID().uuidString).\(format)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let (rows, dropped) = SetExporter.rows(try original.items.all().map(\.raw))
        #expect(dropped.isEmpty)
        try SetExporter.write(rows: rows, sheetName: "bank", to: out)
        let (_, again) = try Self.importAndLoad(format == "xlsx" ? .xlsx : .csv, out)
        #expect(again.contentHash == original.contentHash)
    }

    @Test func reimportIsANoOpAndAChangedSourceNeedsReplace() throws {
        let root = NSTemporaryDirectory() + "saima-reimport-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "-src.csv"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try "编号,题目,答案\n1,一加一等于几？,2\n".write(toFile: file, atomically: true, encoding: .utf8)
        func run(replace: Bool = false) throws -> SetWriter.Outcome {
            let r = Importer.read(format: .csv, files: [file], layout: SheetLayout(), idPrefix: "s")
            return try SetWriter.write(r.items, .init(
                root: root, track: "t", set: "s", split: .dev, pilotUnit: LocalizedText(zh: "单位", en: "Unit"),
                format: .csv, files: [file], licence: "written for the test", replace: replace))
        }
        guard case .written = try run() else { Issue.record("first import not written"); return }
        #expect(try run() == .unchanged)
        try "编号,题目,答案\n1,一加一等于几？,3\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect {
            try run()
        } throws: { ($0 as? SetWriter.Refusal)?.description.contains("the source changed; give --replace") == true }
        guard case .written = try run(replace: true) else { Issue.record("--replace not written"); return }
        let yaml = try String(contentsOfFile: root + "/t/track.yaml", encoding: .utf8)
        #expect(yaml.components(separatedBy: "- id: \"s\"").count == 2, "one entry, replaced in place")
        #expect(yaml.contains("licence: \"written for the test\""))
    }

    @Test func gbkAndUTF8DecodeAndOldXlsIsRefusedPlainly() throws {
        let gbk = try #require(TextDecoding.gb18030Data("题目，答案"))
        #expect(TextDecoding.decode(gbk)?.encoding == .gb18030)
        #expect(TextDecoding.decode(gbk)?.text == "题目，答案")
        let path = NSTemporaryDirectory() + "old-\(UUID().uuidString).xls"
        try Data([0xD0, 0xCF, 0x11, 0xE0]).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: SheetError.self) { try SheetReader.read(path: path) }
    }
}
