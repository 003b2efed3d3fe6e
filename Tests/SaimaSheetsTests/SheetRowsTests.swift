import SaimaBase
import Foundation
import SaimaSheets
import Testing

/// The first sheet's rows with the line each is reported at: a UTF-8 CSV streamed (BOM skipped, CRLF and lone CR line
/// ends, quoted line breaks counted, blank lines skipped), a workbook by row number, and errors located as the whole-
/// file reader locates them.
@Suite("Sheet rows")
struct SheetRowsTests {
    typealias F = SheetFixture

    static func streamed(_ path: String) throws -> [String] {
        var out: [String] = []
        try SheetRows.forEach(path) { line, fields in out.append("\(line):" + fields.joined(separator: "|")) }
        return out
    }

    /// Records come with the line they start on, in a file mixing CRLF, LF and a lone CR, with a blank line.
    @Test func aStreamedCSVKeepsItsLines() throws {
        let folder = try F.folder()
        defer { F.remove(folder) }
        let text = "\u{FEFF}编号,题目\r\n1,\"多行\r\n题目\"\r\n\r\n2,\"含,逗号\"\n3,末\r4,尾"
        let path = try F.file(Data(text.utf8), "申诉.csv", in: folder)
        #expect(try Self.streamed(path) == ["1:编号|题目", "2:1|多行\r\n题目", "5:2|含,逗号", "6:3|末", "7:4|尾"])
    }

    /// An unclosed quote in a streamed CSV is located at its line; a missing CSV is named by its path.
    @Test func streamedErrorsAreLocated() throws {
        let folder = try F.folder()
        defer { F.remove(folder) }
        let path = try F.file(Data("a,b\n\"open,2\nmore\n".utf8), "open.csv", in: folder)
        do {
            _ = try Self.streamed(path)
            Issue.record("an unclosed quote was streamed")
        } catch let error as SheetError {
            #expect(error.location == "open.csv:2" && error.message.hasPrefix("a quoted field starting here never closes"))
        }
        do {
            _ = try Self.streamed(folder + "/none.csv")
            Issue.record("a missing file was streamed")
        } catch let error as SheetError {
            #expect(error.location == folder + "/none.csv" && error.message == "file not found or unreadable")
        }
    }

    /// A workbook's rows are numbered from 1, a skipped row included as an empty row.
    @Test func aWorkbooksRowsAreNumbered() throws {
        let folder = try F.folder()
        defer { F.remove(folder) }
        let xml = F.sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t>首</t></is></c></row>"#
            + #"<row r="3"><c r="B3"><v>2.50</v></c></row>"#)
        let path = try F.file(try F.workbook([(name: "一", xml: xml), (name: "二", xml: F.sheet(""))]), "判分.xlsx", in: folder)
        let rows = try SheetRows.first(path)
        #expect(rows.map(\.line) == [1, 2, 3] && rows.map(\.fields) == [["首"], [], ["", "2.5"]])
        #expect(try Self.streamed(path) == ["1:首", "2:", "3:|2.5"])
    }
}
