import Foundation
import SaimaSheets
import Testing

/// Workbooks Saima writes (`XLSXWriter`) read back through `SheetReader`: Chinese text and characters beyond the
/// basic plane, rows wider than Z, text that looks like a formula or a number kept as the same text, surrounding
/// spaces and line breaks, empty cells and rows, and a sheet name with quotes.
@Suite("xlsx round trips")
struct XLSXRoundTripTests {
    typealias F = SheetFixture

    static func roundTrip(_ rows: [[String]], sheetName: String = "名单", file: String = "out.xlsx") throws -> Sheet {
        let folder = try F.folder()
        defer { F.remove(folder) }
        try XLSXWriter.write(rows: rows, sheetName: sheetName, to: folder + "/" + file)
        let sheets = try SheetReader.read(path: folder + "/" + file)
        #expect(sheets.count == 1)
        return try #require(sheets.first)
    }

    /// CJK, CJK extension B, emoji and full-width punctuation come back unchanged across 30 columns (past Z).
    @Test func chineseTextAcrossAWideRow() throws {
        let header = (0..<30).map { "第\($0 + 1)列" }
        let body = ["𠀋𠀌𠀎", "🐎 马到成功", "全角，标点；“引号”", "繁體字與簡体字"] + (4..<30).map { "值\($0)" }
        let sheet = try Self.roundTrip([header, body], file: "宽表.xlsx")
        #expect(sheet.name == "名单" && sheet.file == "宽表.xlsx")
        #expect(sheet.rows == [header, body])
        #expect(sheet.location(row: 1, column: 29) == "宽表.xlsx:名单!AD2")
    }

    /// Cells starting with `=`, `+`, `-` or `@` are stored as text and read back as the same text, never evaluated or
    /// prefixed; number-looking and boolean-looking text stays text.
    @Test func formulaAndNumberLikeTextStaysText() throws {
        let formulas = ["=SUM(A1:A2)", "+1", "-2", "@cmd", #"=HYPERLINK("http://x","点我")"#, "'=quoted"]
        let numbers = ["007", "1e3", "3.50", "TRUE", "0x1F", "45292"]
        let sheet = try Self.roundTrip([["公式样文本"], formulas, numbers])
        #expect(sheet.rows[1] == formulas)
        #expect(sheet.rows[2] == numbers)
    }

    /// Leading and trailing spaces, tabs and line feeds inside a cell are kept.
    @Test func spacesTabsAndLineFeedsAreKept() throws {
        let cells = ["  两端空格  ", "a\tb", "第一行\n第二行\n", "<tag attr=\"1\"> & </tag>"]
        #expect(try Self.roundTrip([["h"], cells]).rows[1] == cells)
    }

    /// Carriage returns survive (a question written on Windows, `CRLF` inside a cell, exported and imported again):
    /// the writer stores them as `&#13;`, which a parser does not fold into a line feed.
    @Test func carriageReturnsAreKept() throws {
        let cells = ["第一行\r\n第二行", "a\rb", "\r"]
        #expect(try Self.roundTrip([["h"], cells]).rows[1] == cells)
    }

    /// Empty cells are not written: a leading blank reads as "", trailing blanks are dropped, an all-blank row reads
    /// as an empty row.
    @Test func emptyCellsAndRows() throws {
        let sheet = try Self.roundTrip([["编号", "题目"], ["", "", "只有第三格", "", ""], ["", ""], ["末行"]])
        #expect(sheet.rows == [["编号", "题目"], ["", "", "只有第三格"], [], ["末行"]])
        #expect(sheet.location(row: 3) == "out.xlsx:名单!4")
    }

    /// A sheet name with double quotes, an apostrophe, `&` and `<` is escaped in the workbook and read back as given.
    @Test func aSheetNameWithQuotes() throws {
        #expect(try Self.roundTrip([["x"]], sheetName: #"他说"好" & 'ok' <1>"#).name == #"他说"好" & 'ok' <1>"#)
    }

    /// Five hundred rows come back in order and are located by row.
    @Test func manyRowsInOrder() throws {
        let rows = [["编号", "姓名", "分数"]] + (1...500).map { ["\($0)", "选手\($0)", "\($0 % 7)"] }
        let sheet = try Self.roundTrip(rows, file: "big.xlsx")
        #expect(sheet.rows == rows)
        #expect(sheet.location(row: 500, column: 2) == "big.xlsx:名单!C501")
    }

    /// Writing into a folder that does not exist throws instead of writing elsewhere.
    @Test func writingIntoAMissingFolderThrows() throws {
        let folder = try F.folder()
        defer { F.remove(folder) }
        #expect(throws: (any Error).self) {
            try XLSXWriter.write(rows: [["x"]], sheetName: "s", to: folder + "/missing/out.xlsx")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/missing"))
    }
}
