/// The rows of the first sheet of a file people send back (judge sheets, appeal sheets): `.xlsx`, or CSV in
/// UTF-8 or GBK, with the line (CSV) or row number (xlsx) each row is reported at.
package enum SheetRows {
    package static func first(_ path: String) throws(SheetError) -> [(line: Int, fields: [String])] {
        guard let sheet = try SheetReader.read(path: path).first else { throw SheetError(path, "the workbook has no sheet") }
        return sheet.rows.enumerated().map { (sheet.lines.isEmpty ? $0.offset + 1 : sheet.lines[$0.offset], $0.element) }
    }
}
