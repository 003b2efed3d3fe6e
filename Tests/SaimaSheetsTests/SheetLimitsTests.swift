import SaimaBase
import Foundation
import SaimaSheets
import Testing

/// Workbooks refused with a located error: each `SheetLimits` bound exceeded (depth, cells counted across sheets,
/// sheet count, a part's inflated size), a sheet whose part is missing, an archive without a workbook, and a
/// workbook without sheets read as first rows.
@Suite("Sheet limits")
struct SheetLimitsTests {
    typealias F = SheetFixture

    /// A row of `count` numeric cells.
    static func row(_ r: Int, cells count: Int) -> String {
        "<row r=\"\(r)\">" + (0..<count).map { "<c r=\"\(Sheet.columnName($0))\(r)\"><v>\($0)</v></c>" }.joined() + "</row>"
    }

    /// The error reading `data` as `name` within `limits`, or nil when it reads.
    static func problem(_ data: Data, _ name: String = "limits.xlsx", limits: SheetLimits = .standard) throws -> SheetError? {
        let folder = try F.folder()
        defer { F.remove(folder) }
        let path = try F.file(data, name, in: folder)
        do {
            _ = try XLSXReader.read(path: path, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    /// An element nested deeper than the limit is refused at the sheet, naming the part and the depth.
    @Test func nestingDeeperThanTheLimit() throws {
        var limits = SheetLimits()
        limits.depth = 3
        let data = try F.workbook([(name: "S1", xml: F.sheet(Self.row(1, cells: 1)))])
        let error = try #require(try Self.problem(data, limits: limits))
        #expect(error.location == "limits.xlsx:S1")
        #expect(error.message == "the part xl/worksheets/sheet1.xml nests elements deeper than 3 / XML 嵌套过深")
        #expect(try Self.problem(data) == nil, "the standard depth reads it")
    }

    /// The cell budget is shared by the workbook's sheets: the sheet that exceeds what the earlier ones left is named.
    @Test func cellsAreCountedAcrossSheets() throws {
        let data = try F.workbook([
            (name: "第一页", xml: F.sheet(Self.row(1, cells: 4))), (name: "第二页", xml: F.sheet(Self.row(1, cells: 4))),
        ])
        var tight = SheetLimits()
        tight.cells = 6
        let error = try #require(try Self.problem(data, limits: tight))
        #expect(error.location == "limits.xlsx:第二页")
        #expect(error.message == "the sheets hold more than 6 cells once laid out (rows × columns) / 单元格过多")
        var roomy = SheetLimits()
        roomy.cells = 20
        #expect(try Self.problem(data, limits: roomy) == nil)
    }

    /// The budget counts every laid-out row and cell the same way for each sheet and across sheets: two sheets of one
    /// row of 4 cells (5 each) fit a limit of 10 and not of 9, and the second sheet is the one named.
    @Test func theCellBudgetCountsRowsAndCellsAlike() throws {
        let data = try F.workbook([
            (name: "甲", xml: F.sheet(Self.row(1, cells: 4))), (name: "乙", xml: F.sheet(Self.row(1, cells: 4))),
        ])
        var exact = SheetLimits()
        exact.cells = 10
        #expect(try Self.problem(data, limits: exact) == nil)
        exact.cells = 9
        #expect(try Self.problem(data, limits: exact)?.location == "limits.xlsx:乙")
    }

    /// More sheets than the limit are refused before any is read.
    @Test func moreSheetsThanTheLimit() throws {
        let data = try F.workbook([(name: "A", xml: F.sheet("")), (name: "B", xml: F.sheet(""))])
        var limits = SheetLimits()
        limits.sheets = 1
        let error = try #require(try Self.problem(data, limits: limits))
        #expect(error.location == "limits.xlsx")
        #expect(error.message == "the workbook lists 2 sheets; at most 1 are read / 工作表过多")
    }

    /// A part that inflates beyond `partBytes` is stopped while inflating, located at its sheet.
    @Test func aPartLargerThanTheLimit() throws {
        let big = F.sheet((1...80).map { Self.row($0, cells: 3) }.joined())
        #expect(big.utf8.count > 4_096)
        var limits = SheetLimits()
        limits.partBytes = 2_048
        let error = try #require(try Self.problem(try F.workbook([(name: "大表", xml: big)]), limits: limits))
        #expect(error.location == "limits.xlsx:大表")
        #expect(error.message == "the part xl/worksheets/sheet1.xml inflates beyond 2 KiB / 解压后部件过大")
    }

    /// A sheet whose relationship is missing, and an archive without `xl/workbook.xml`, are named as such.
    @Test func missingPartsAreNamed() throws {
        let workbook = "<workbook \(F.ns)><sheets><sheet name=\"幽灵\" sheetId=\"1\" r:id=\"rId9\"/></sheets></workbook>"
        let ghost = try XLSXWriter.archive([(name: "xl/workbook.xml", data: Data(workbook.utf8))])
        let missing = try #require(try Self.problem(ghost))
        #expect(missing.location == "limits.xlsx:幽灵" && missing.message == "the sheet's XML part is missing / 工作表缺失")
        let notExcel = try XLSXWriter.archive([(name: "word/document.xml", data: Data("<document/>".utf8))])
        let error = try #require(try Self.problem(notExcel, "report.xlsx"))
        #expect(error.location == "report.xlsx" && error.message == "no xl/workbook.xml: not an Excel workbook")
    }

    /// A workbook that lists no sheet reads as no sheets, and asking for its first rows is a located error.
    @Test func aWorkbookWithoutSheets() throws {
        let folder = try F.folder()
        defer { F.remove(folder) }
        let path = try F.file(try F.workbook([]), "empty.xlsx", in: folder)
        #expect(try XLSXReader.read(path: path).isEmpty)
        do {
            _ = try SheetRows.first(path)
            Issue.record("rows were read from a workbook without sheets")
        } catch {
            #expect(error.location == path && error.message == "the workbook has no sheet")
        }
    }
}
