package import Foundation
import SaimaBase
/// Reads a CSV file (UTF-8 or GBK) into a `Sheet`.
package enum CSVSheetReader {
    package static func read(path: String, data: Data) throws(SheetError) -> Sheet {
        let file = (path as NSString).lastPathComponent
        guard let (text, _) = TextDecoding.decode(data) else {
            throw SheetError(file, "not UTF-8 or GBK/GB18030 text (save the sheet as CSV UTF-8 or as CSV from Excel/WPS) / 无法识别的文本编码")
        }
        let (rows, unterminated) = CSVTable.parseChecked(text)
        if let unterminated { throw SheetError("\(file):\(unterminated)", "a quoted field starting here never closes (an unmatched \") / 引号未闭合") }
        return Sheet(file: file, name: nil, rows: rows.map(\.fields), lines: rows.map(\.line))
    }
}
