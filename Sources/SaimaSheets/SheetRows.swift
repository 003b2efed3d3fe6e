import SaimaBase
import Foundation
/// The rows of the first sheet of a file people send back (judge sheets, appeal sheets): `.xlsx`, or CSV in
/// UTF-8 or GBK, with the line (CSV) or row number (xlsx) each row is reported at.
package enum SheetRows {
    package static func first(_ path: String) throws(SheetError) -> [(line: Int, fields: [String])] {
        guard let sheet = try SheetReader.read(path: path).first else { throw SheetError(path, "the workbook has no sheet") }
        return sheet.rows.enumerated().map { (sheet.lines.isEmpty ? $0.offset + 1 : sheet.lines[$0.offset], $0.element) }
    }
}

extension SheetRows {
    /// The rows of the first sheet handed over one at a time: a CSV file in UTF-8 is streamed (`CSVRecordStream`,
    /// never held whole), any other sheet (xlsx, GBK CSV) is read whole within its limits first.
    package static func forEach(_ path: String, _ body: (Int, [String]) throws -> Void) throws {
        let lower = path.lowercased()
        let isWorkbook = lower.hasSuffix(".xlsx") || lower.hasSuffix(".xls")
            || (FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: 4) }.map { $0.starts(with: [0x50, 0x4B, 0x03, 0x04]) } ?? false)
        if !isWorkbook {
            do {
                try CSVRecordStream.forEach(path: path, body)
                return
            } catch CSVRecordStream.Failure.notUTF8 {
                // Not UTF-8: decoded whole below (GBK sheets are small).
            } catch CSVRecordStream.Failure.unterminatedQuote(let line) {
                throw SheetError("\((path as NSString).lastPathComponent):\(line)", "a quoted field starting here never closes (an unmatched \") / 引号未闭合")
            } catch CSVRecordStream.Failure.unreadable {
                throw SheetError(path, "file not found or unreadable")
            }
        }
        for row in try first(path) { try body(row.line, row.fields) }
    }
}
