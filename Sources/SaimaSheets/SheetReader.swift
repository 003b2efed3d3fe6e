import SaimaBase
import Foundation
/// Reads any sheet people send: `.xlsx` (every sheet), or CSV in UTF-8 or GBK (one sheet).
package enum SheetReader {
    package static func read(path: String) throws(SheetError) -> [Sheet] {
        let file = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else { throw SheetError(path, "file not found or unreadable") }
        guard data.count <= 200 << 20 else { throw SheetError(file, "larger than 200 MiB") }
        if path.lowercased().hasSuffix(".xlsx") || data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return try XLSXReader.read(path: path)
        }
        if path.lowercased().hasSuffix(".xls") {
            throw SheetError(file, "the old binary .xls format is not read; save it as .xlsx or CSV / 请另存为 xlsx 或 CSV")
        }
        return [try CSVSheetReader.read(path: path, data: data)]
    }
}
