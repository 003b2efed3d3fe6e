import SaimaSheets
import Testing

/// Where a problem in a sheet is reported: `file.xlsx:Sheet!C7` for workbooks, `file.csv:line` for CSV (the line a
/// row starts on, or row + 1 past the known lines), and column names A…Z, AA…XFD and back.
@Suite("Sheet locations")
struct SheetLocationTests {
    /// Workbook rows are located by sheet, column letters and 1-based row; without a column, by row alone.
    @Test func workbookLocations() {
        let sheet = Sheet(file: "b.xlsx", name: "表1", rows: [])
        #expect(sheet.location(row: 6, column: 27) == "b.xlsx:表1!AB7")
        #expect(sheet.location(row: 0) == "b.xlsx:表1!1")
        #expect(sheet.location(row: 1_048_575, column: 16_383) == "b.xlsx:表1!XFD1048576")
    }

    /// CSV rows are located by the line they start on; the column is not part of a CSV location.
    @Test func csvLocations() {
        let sheet = Sheet(file: "a.csv", name: nil, rows: [["x"], ["y"]], lines: [1, 4])
        #expect(sheet.location(row: 1, column: 3) == "a.csv:4")
        #expect(sheet.location(row: 5) == "a.csv:6", "past the known lines: row + 1")
    }

    /// Every column up to XFD (16,384 columns) names and parses back to itself; lower case, digits and "" do not parse.
    @Test func columnNamesRoundTrip() {
        #expect((0..<16_384).allSatisfy { Sheet.columnIndex(Sheet.columnName($0)) == $0 })
        #expect(Sheet.columnName(16_383) == "XFD" && Sheet.columnName(702) == "AAA")
        #expect(Sheet.columnIndex("a") == nil && Sheet.columnIndex("A1") == nil && Sheet.columnIndex("") == nil)
    }
}
