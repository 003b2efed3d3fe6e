import SaimaBase
import Foundation
import Testing

@testable import SaimaSheets

/// Reading sheets in process: a workbook written by openpyxl (a library no one here wrote) read sheet by sheet and
/// cell by cell — shared strings, a merged title, numbers, a date cell in a custom format; GBK and UTF-8 CSV with
/// line-true locations; our own writer read back cell for cell through characters XML cannot hold; problems located
/// as `file.xlsx:Sheet!C7`; limits that refuse a workbook instead of filling memory.
@Suite("Sheets")
struct SheetReadingTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../SaimaImportTests/Fixtures").standardizedFileURL.path

    @Test func aWorkbookWrittenByOpenpyxl() throws {
        let sheets = try SheetReader.read(path: Self.fixtures + "/bank-questions.xlsx")
        #expect(sheets.map(\.name) == ["单选与判断", "计算题", "说明"])
        let bank = sheets[0]
        #expect(bank.rows[0][0] == "明川农村商业银行（虚构）信贷合规题库 2026 年第一批", "the merged title keeps its text in A1")
        #expect(bank.rows[1] == ["编号", "题型", "题目", "选项A", "选项B", "选项C", "选项D", "答案", "解析", "难度"])
        #expect(bank.rows[3][7] == "A、B、D")
        #expect(bank.rows[4][3] == "" && bank.rows[4][7] == "错", "empty cells are empty strings")
        #expect(bank.rows[5][7] == "72", "a whole number is written without a fraction")
        #expect(bank.rows[6][7] == "2024-03-01", "a date cell in the yyyy/m/d format reads as an ISO date")
        #expect(sheets[1].rows[1][3] == "4350" && sheets[1].rows[1][4] == "0.001")
        #expect(bank.location(row: 6, column: 7) == "bank-questions.xlsx:单选与判断!H7")
    }

    @Test func csvInGBKAndUTF8WithTheLinesTheyStartOn() throws {
        let hotline = try SheetReader.read(path: Self.fixtures + "/hotline-gbk.csv")
        #expect(hotline.count == 1 && hotline[0].name == nil)
        #expect(hotline[0].rows[1][2] == "12345 热线受理的诉求应在几个工作日内首次回复？", "GBK decoded")
        let path = NSTemporaryDirectory() + "saima-sheet-\(UUID().uuidString).csv"
        try "id,prompt\n1,\"跨行\n的题目\"\n2,第二题\n".write(toFile: path, atomically: true, encoding: .utf8)
        let sheet = try #require(try SheetReader.read(path: path).first)
        #expect(sheet.rows.map { $0[0] } == ["id", "1", "2"])
        #expect(sheet.rows[1][1] == "跨行\n的题目", "a quoted field keeps its line break")
        #expect(sheet.location(row: 2) == "\((path as NSString).lastPathComponent):4", "row 3 starts on line 4")
    }

    @Test func ourWriterReadsBackCellForCell() throws {
        let path = NSTemporaryDirectory() + "saima-sheet-\(UUID().uuidString).xlsx"
        let rows = [["编号", "题目", "答案"], ["a<1>", "“引号” & <b>标签</b>\n第二行", "=1+1"], ["", "空首格", ""]]
        try XLSXWriter.write(rows: rows, sheetName: "题库 & <表>", to: path)
        let sheet = try #require(try SheetReader.read(path: path).first)
        #expect(sheet.name == "题库 & <表>")
        #expect(sheet.rows[0] == rows[0] && sheet.rows[1] == rows[1], "escaped on writing, unescaped on reading")
        #expect(sheet.rows[2][1] == "空首格" && sheet.rows[2][0] == "")
        try XLSXWriter.write(rows: [["bell\u{7}tab\tend"]], sheetName: "s", to: path)
        #expect(try SheetReader.read(path: path)[0].rows[0][0] == "belltab\tend", "a control character XML cannot hold is dropped")
    }

    @Test func problemsAreLocatedAndLimitsRefuse() throws {
        let folder = NSTemporaryDirectory() + "saima-sheet-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("PK\u{3}\u{4}not a zip at all".utf8).write(to: URL(fileURLWithPath: folder + "/fake.xlsx"))
        #expect(throws: SheetError.self) { try SheetReader.read(path: folder + "/fake.xlsx") }
        try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/old.xls"))
        do {
            _ = try SheetReader.read(path: folder + "/old.xls")
            Issue.record("an .xls file was read")
        } catch {
            #expect(error.location == "old.xls" && error.message.contains("xlsx"), "\(error)")
        }
        var tight = SheetLimits()
        tight.cells = 20
        #expect(throws: SheetError.self, "more cells than the limit") {
            try XLSXReader.read(path: Self.fixtures + "/bank-questions.xlsx", limits: tight)
        }
        #expect(Sheet.columnName(0) == "A" && Sheet.columnName(25) == "Z" && Sheet.columnName(26) == "AA" && Sheet.columnName(701) == "ZZ")
        #expect(Sheet.columnIndex("AA") == 26 && Sheet.columnIndex("ZZ") == 701 && Sheet.columnIndex("1") == nil)
    }
}
