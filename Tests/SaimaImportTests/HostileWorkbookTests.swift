import SaimaBase
import Foundation
import Testing

@testable import SaimaSheets

/// Issue 19 rows 9–12: workbooks built to exhaust memory, stack or time are refused with a located error, within
/// limits (`SheetLimits`) that the tests shrink so that each hostile file stays a few kilobytes.
struct HostileWorkbookTests {
    static let ns = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#

    /// A workbook whose sheets all name `xl/worksheets/sheet1.xml` unless `distinct`, with the given sheet part.
    static func workbook(sheetXML: String, sheets: Int = 1) throws -> Data {
        try workbook(sheetBytes: Data(sheetXML.utf8), sheets: sheets)
    }

    static func workbook(sheetBytes: Data, sheets: Int = 1) throws -> Data {
        let list = (1...sheets).map { #"<sheet name="S\#($0)" sheetId="\#($0)" r:id="rId1"/>"# }.joined()
        let parts: [(name: String, data: Data)] = [
            ("xl/workbook.xml", Data(#"<?xml version="1.0"?><workbook \#(ns)><sheets>\#(list)</sheets></workbook>"#.utf8)),
            ("xl/_rels/workbook.xml.rels", Data(#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8)),
            ("xl/worksheets/sheet1.xml", sheetBytes),
        ]
        return try XLSXWriter.archive(parts)
    }

    static func read(_ data: Data, limits: SheetLimits) -> SheetError? {
        let path = NSTemporaryDirectory() + "saima-" + UUID().uuidString + "-hostile.xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            try data.write(to: URL(fileURLWithPath: path))
            _ = try XLSXReader.read(path: path, limits: limits)
            return nil
        } catch let error as SheetError {
            return error
        } catch {
            return SheetError(path, "\(error)")
        }
    }

    @Test func aPlainWorkbookReadsWithinTheLimits() throws {
        let data = try Self.workbook(sheetXML: #"<worksheet \#(Self.ns)><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>甲</t></is></c></row></sheetData></worksheet>"#)
        let path = NSTemporaryDirectory() + "saima-" + UUID().uuidString + ".xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try data.write(to: URL(fileURLWithPath: path))
        let sheets = try XLSXReader.read(path: path)
        #expect(sheets.first?.rows == [["甲"]])
    }

    @Test func row9APartThatInflatesBeyondItsDeclaredSizeIsStoppedWhileInflating() throws {
        // 2 MB of one repeated cell, deflated to a few kilobytes; the headers are then patched to declare 100 bytes.
        let cell = #"<row><c t="inlineStr"><is><t>x</t></is></c></row>"#
        let big = #"<worksheet \#(Self.ns)><sheetData>"# + String(repeating: cell, count: 40_000) + "</sheetData></worksheet>"
        var data = try Self.workbook(sheetXML: big)
        #expect(data.count < 64 << 10, "the hostile file is small")
        data = Self.declaringSize(100, of: "xl/worksheets/sheet1.xml", in: data)
        var limits = SheetLimits()
        limits.partBytes = 1 << 20
        let error = try #require(Self.read(data, limits: limits))
        #expect(error.location.hasSuffix("hostile.xlsx:S1"), "located at the sheet")
        #expect(error.message.contains("inflates beyond") || error.message.contains("cannot be read"), "\(error)")
    }

    @Test func row10ManyElementsAndCellsFarToTheRightAreBounded() throws {
        var limits = SheetLimits()
        limits.elements = 10_000
        let tiny = #"<worksheet \#(Self.ns)><sheetData>"# + String(repeating: "<row/>", count: 20_000) + "</sheetData></worksheet>"
        let many = try #require(Self.read(try Self.workbook(sheetXML: tiny), limits: limits))
        #expect(many.message.contains("more than 10000 XML elements"), "\(many)")
        // Column XFD on many rows: each row would be laid out 16,384 cells wide.
        var cells = SheetLimits()
        cells.cells = 100_000
        let far = #"<worksheet \#(Self.ns)><sheetData>"#
            + (1...50).map { #"<row r="\#($0)"><c r="XFD\#($0)"><v>1</v></c></row>"# }.joined() + "</sheetData></worksheet>"
        let wide = try #require(Self.read(try Self.workbook(sheetXML: far), limits: cells))
        #expect(wide.location.hasSuffix("hostile.xlsx:S1"))
        #expect(wide.message.contains("cells"), "\(wide)")
    }

    @Test func row11DeepNestingIsALocatedErrorNotACrash() throws {
        let deep = String(repeating: "<a>", count: 50_000) + String(repeating: "</a>", count: 50_000)
        let error = try #require(Self.read(try Self.workbook(sheetXML: deep), limits: SheetLimits()))
        #expect(error.message.contains("deeper than 64"), "\(error)")
    }

    @Test func anEntryRunningPastTheEndOfTheFileIsRefusedNotReadForever() throws {
        // ZIPFoundation looped at end of file on such an entry; found by the fuzz run's xlsx target (seed 1796595211).
        var bytes = [UInt8](try Self.workbook(sheetXML: #"<worksheet \#(Self.ns)><sheetData/></worksheet>"#))
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        var i = 0
        while i + 46 < bytes.count {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x01, bytes[i + 3] == 0x02 {
                let n = Int(bytes[i + 28]) | Int(bytes[i + 29]) << 8
                if Array(bytes[(i + 46)..<(i + 46 + n)]) == name { for k in 0..<4 { bytes[i + 20 + k] = 0x7F } }
            }
            i += 1
        }
        let error = try #require(Self.read(Data(bytes), limits: SheetLimits()))
        #expect(error.message.contains("damaged ZIP archive"), "\(error)")
    }

    @Test func invalidUTF8InAPartIsALocatedErrorNotACrash() throws {
        // FoundationXML traps on some invalid names; found by the fuzz run's xlsx target (seed 7).
        var bytes = Data("<worksheet><sheetData><row><c r=\"A1\" ".utf8)
        bytes.append(contentsOf: [0xC3, 0x28, 0xFF])
        bytes.append(contentsOf: Data("=\"1\"><v>1</v></c></row></sheetData></worksheet>".utf8))
        let error = try #require(Self.read(try Self.workbook(sheetBytes: bytes), limits: SheetLimits()))
        #expect(error.message.contains("not well-formed XML"), "\(error)")
    }

    @Test func row12ThousandsOfSheetsNamingOnePartAreRefusedAtOnce() throws {
        let sheet = #"<worksheet \#(Self.ns)><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>"#
        let start = Date()
        let error = try #require(Self.read(try Self.workbook(sheetXML: sheet, sheets: 5_000), limits: SheetLimits()))
        #expect(error.message.contains("5000 sheets"), "\(error)")
        let few = try #require(Self.read(try Self.workbook(sheetXML: sheet, sheets: 2), limits: SheetLimits()))
        #expect(few.location.hasSuffix("hostile.xlsx:S2") && few.message.contains("already uses"), "\(few)")
        #expect(Date().timeIntervalSince(start) < 30)
    }

    /// The archive with the uncompressed size of entry `name` set to `size` in its local and central headers.
    static func declaringSize(_ size: UInt32, of name: String, in data: Data) -> Data {
        var bytes = [UInt8](data)
        let nameBytes = Array(name.utf8)
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func put32(_ i: Int, _ v: UInt32) { for k in 0..<4 { bytes[i + k] = UInt8((v >> (8 * UInt32(k))) & 0xFF) } }
        var i = 0
        while i + 46 < bytes.count {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x03, bytes[i + 3] == 0x04 {
                let n = u16(i + 26)
                if Array(bytes[(i + 30)..<(i + 30 + n)]) == nameBytes { put32(i + 22, size) }
            } else if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x01, bytes[i + 3] == 0x02 {
                let n = u16(i + 28)
                if Array(bytes[(i + 46)..<(i + 46 + n)]) == nameBytes { put32(i + 24, size) }
            }
            i += 1
        }
        return Data(bytes)
    }
}
