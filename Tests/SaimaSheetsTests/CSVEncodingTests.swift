import SaimaBase
import Foundation
import SaimaSheets
import Testing

/// CSV as people send it: UTF-8 with or without a byte-order mark, GBK/GB18030 from Excel or WPS on Chinese Windows,
/// bytes that are neither refused with the file named, an unclosed quote located at its line, formula-like text read
/// as text, and a workbook saved under a `.csv` name still read as a workbook.
@Suite("CSV encodings")
struct CSVEncodingTests {
    typealias F = SheetFixture

    /// A byte-order mark is dropped and the text is UTF-8; GBK bytes decode as GB18030, four-byte sequences included.
    @Test func utf8AndGB18030AreTold() throws {
        let utf8 = try #require(TextDecoding.decode(Data("\u{FEFF}题目,答案\n".utf8)))
        #expect(utf8.text == "题目,答案\n" && utf8.encoding == .utf8)
        #expect(TextDecoding.gb18030Data("中") == Data([0xD6, 0xD0]), "中 in GBK")
        let text = "编号,题目\n1,\"全角，标点；𠀋 € ¥\"\n"
        let gbk = try #require(TextDecoding.gb18030Data(text))
        #expect(String(data: gbk, encoding: .utf8) == nil, "the GBK bytes are not UTF-8")
        let back = try #require(TextDecoding.decode(gbk))
        #expect(back.text == text && back.encoding == .gb18030)
        #expect(TextDecoding.decode(Data("plain,ascii\n".utf8))?.encoding == .utf8, "ASCII is read as UTF-8")
    }

    /// Bytes valid in neither encoding are refused, located at the file's name.
    @Test func undecodableBytesAreRefused() {
        #expect(TextDecoding.decode(Data([0x61, 0xFF, 0x0A])) == nil)
        do {
            _ = try CSVSheetReader.read(path: "/somewhere/坏文件.csv", data: Data([0x61, 0x2C, 0xFF, 0x0A]))
            Issue.record("undecodable bytes were read")
        } catch {
            #expect(error.location == "坏文件.csv" && error.message.hasPrefix("not UTF-8 or GBK/GB18030 text"))
        }
    }

    /// A quoted field that never closes is reported at the line it opens on.
    @Test func anUnclosedQuoteIsLocated() {
        do {
            _ = try CSVSheetReader.read(path: "q.csv", data: Data("a,b\n1,2\n3,\"never\nclosed,4\n".utf8))
            Issue.record("an unclosed quote was read")
        } catch {
            #expect(error.location == "q.csv:3" && error.message.hasPrefix("a quoted field starting here never closes"))
        }
    }

    /// A GBK file read through `SheetReader`: quoted commas, doubled quotes and line breaks, formula-like text kept
    /// verbatim, rows located by the line they start on.
    @Test func aGBKFileReadWhole() throws {
        let folder = try F.folder()
        defer { F.remove(folder) }
        let text = "编号,题目,备注\r\n1,\"甲,乙\",\"他说\"\"好\"\"\"\r\n2,\"跨\r\n行\",=1+1\r\n3,'=A1,@SUM(A1)\r\n"
        let path = try F.file(try #require(TextDecoding.gb18030Data(text)), "热线.csv", in: folder)
        let sheet = try #require(try SheetReader.read(path: path).first)
        #expect(sheet.name == nil && sheet.file == "热线.csv")
        #expect(sheet.rows == [
            ["编号", "题目", "备注"], ["1", "甲,乙", "他说\"好\""], ["2", "跨\r\n行", "=1+1"], ["3", "'=A1", "@SUM(A1)"],
        ])
        #expect(sheet.lines == [1, 2, 3, 5])
        #expect(sheet.location(row: 3, column: 1) == "热线.csv:5")
    }

    /// A workbook saved under a `.csv` name is recognised by its ZIP signature and read as a workbook.
    @Test func aWorkbookNamedCSVIsReadAsAWorkbook() throws {
        let folder = try F.folder()
        defer { F.remove(folder) }
        let cell = #"<row r="1"><c r="A1" t="inlineStr"><is><t>伪装</t></is></c></row>"#
        let data = try F.workbook([(name: "表", xml: F.sheet(cell))])
        let sheets = try SheetReader.read(path: try F.file(data, "disguised.csv", in: folder))
        #expect(sheets.map(\.name) == ["表"] && sheets.first?.rows == [["伪装"]])
    }

    /// A missing file is named by its full path.
    @Test func aMissingFileIsNamedByItsPath() throws {
        let path = try F.folder() + "/none.csv"
        defer { F.remove((path as NSString).deletingLastPathComponent) }
        do {
            _ = try SheetReader.read(path: path)
            Issue.record("a missing file was read")
        } catch {
            #expect(error.location == path && error.message == "file not found or unreadable")
        }
    }
}
