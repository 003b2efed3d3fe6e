import Foundation
import SaimaSheets
import Testing

/// How cells of a workbook Saima did not write are read: shared strings (rich-text runs joined, phonetic guides
/// left out), booleans, formula results as stored (never the formula), error values, numbers the shortest way, dates
/// by cell style in Excel's 1900 system, and where rows and cells land when `r` references skip or are missing.
@Suite("xlsx cell types")
struct XLSXCellTypesTests {
    typealias F = SheetFixture

    static let shared = [
        "<sst \(F.ns)><si><t>甲乙</t><rPh sb=\"0\" eb=\"1\"><t>ジャ</t></rPh></si>",
        "<si><r><rPr><b/></rPr><t>粗体</t></r><r><t>普通</t></r></si></sst>",
    ].joined()

    static let styles = [
        "<styleSheet \(F.ns)><numFmts count=\"3\">",
        #"<numFmt numFmtId="164" formatCode="yyyy/m/d"/>"#,
        #"<numFmt numFmtId="165" formatCode="0.0&quot; md&quot;"/>"#,
        #"<numFmt numFmtId="166" formatCode="[$-804]yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts>"#,
        #"<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/>"#,
        #"<xf numFmtId="166"/></cellXfs></styleSheet>"#,
    ].joined()

    static let values = F.sheet([
        #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>7</v></c>"#,
        #"<c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c>"#,
        #"<c r="F1" t="str"><f>CONCAT("a","b")</f><v>ab</v></c><c r="G1" t="e"><v>#N/A</v></c></row>"#,
        #"<row r="2"><c r="A2"><v>3.0</v></c><c r="B2"><v>0.1</v></c><c r="C2"><v>1E3</v></c>"#,
        #"<c r="D2"><f>SUM(A2:C2)</f><v>1003.1</v></c><c r="E2"><v>-2.5</v></c></row>"#,
        #"<row r="4"><c r="B4" t="inlineStr"><is><t>第四行</t></is></c></row>"#,
        #"<row><c t="inlineStr"><is><t>无引用</t></is></c><c t="inlineStr"><is><t>次格</t></is></c></row>"#,
    ].joined())

    static let dates = F.sheet([
        #"<row r="1"><c r="A1" s="1"><v>45292</v></c><c r="B1" s="2"><v>45292.75</v></c>"#,
        #"<c r="C1" s="3"><v>45292</v></c><c r="D1" s="4"><v>61</v></c><c r="E1" s="1"><v>59</v></c>"#,
        #"<c r="F1" s="1"><v>1</v></c><c r="G1" s="0"><v>45292</v></c></row>"#,
    ].joined())

    static func read() throws -> [Sheet] {
        let folder = try F.folder()
        defer { F.remove(folder) }
        let data = try F.workbook(
            [(name: "数据", xml: values), (name: "日期", xml: dates)], sharedStrings: shared, styles: styles, absolute: true)
        return try SheetReader.read(path: try F.file(data, "types.xlsx", in: folder))
    }

    /// Text, booleans, formula string results and error values; an out-of-range shared string reads as "".
    @Test func textBooleansFormulasAndErrors() throws {
        let sheets = try Self.read()
        #expect(sheets.map(\.name) == ["数据", "日期"], "sheets in the workbook's order, parts found by absolute targets")
        #expect(sheets[0].rows[0] == ["甲乙", "粗体普通", "", "TRUE", "FALSE", "ab", "#N/A"])
    }

    /// Numbers are written the shortest way, and a formula cell reads as its cached value, not its formula.
    @Test func numbersAndFormulaResults() throws {
        #expect(try Self.read()[0].rows[1] == ["3", "0.1", "1000", "1003.1", "-2.5"])
    }

    /// A skipped row is an empty row, a cell is placed by its reference, and cells without references follow on
    /// from column A of a row numbered after the last.
    @Test func rowsAndCellsLandWhereTheirReferencesSay() throws {
        let rows = try Self.read()[0].rows
        #expect(rows.count == 5)
        #expect(rows[2] == [] && rows[3] == ["", "第四行"] && rows[4] == ["无引用", "次格"])
    }

    /// Built-in and custom date formats read as ISO dates (45292 is 2024-01-01, a time of day dropped, serials from
    /// 61 on one day late for Excel's phantom 1900-02-29); a format whose only "m d" is quoted text stays a number,
    /// and so does the general format.
    @Test func datesByCellStyle() throws {
        let sheet = try Self.read()[1]
        #expect(sheet.rows[0] == ["2024-01-01", "2024-01-01", "45292", "1900-03-01", "1900-02-28", "1900-01-01", "45292"])
        #expect(sheet.location(row: 0, column: 3) == "types.xlsx:日期!D1")
    }
}
