import Foundation
import SaimaSheets

/// Temporary folders and hand-built workbooks (through `XLSXWriter.archive`) for the sheet tests.
enum SheetFixture {
    static let ns = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
        + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#

    /// A new folder under the system's temporary directory; remove it with `remove(_:)`.
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("saima-sheets-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func remove(_ folder: String) { try? FileManager.default.removeItem(atPath: folder) }

    /// A `<worksheet>` around the given `<row>` elements.
    static func sheet(_ rows: String) -> String { "<worksheet \(ns)><sheetData>\(rows)</sheetData></worksheet>" }

    /// A workbook listing `sheets` in order, sheet i's part at `xl/worksheets/sheet<i>.xml`, named in the relationships
    /// by an absolute target (`/xl/…`) when `absolute` holds and relative to `xl/` otherwise.
    static func workbook(
        _ sheets: [(name: String, xml: String)], sharedStrings: String? = nil, styles: String? = nil, absolute: Bool = false
    ) throws -> Data {
        let list = sheets.indices.map { #"<sheet name="\#(sheets[$0].name)" sheetId="\#($0 + 1)" r:id="rId\#($0 + 1)"/>"# }
        let relations = sheets.indices.map { i in
            let target = (absolute ? "/xl/" : "") + "worksheets/sheet\(i + 1).xml"
            return #"<Relationship Id="rId\#(i + 1)" Type="worksheet" Target="\#(target)"/>"#
        }
        let relationships = #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        var parts: [(name: String, data: Data)] = [
            ("xl/workbook.xml", Data("<workbook \(ns)><sheets>\(list.joined())</sheets></workbook>".utf8)),
            ("xl/_rels/workbook.xml.rels", Data((relationships + relations.joined() + "</Relationships>").utf8)),
        ]
        if let sharedStrings { parts.append(("xl/sharedStrings.xml", Data(sharedStrings.utf8))) }
        if let styles { parts.append(("xl/styles.xml", Data(styles.utf8))) }
        for (i, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", Data(sheet.xml.utf8))) }
        return try XLSXWriter.archive(parts)
    }

    /// Writes `data` as `name` in `folder` and returns the path.
    static func file(_ data: Data, _ name: String, in folder: String) throws -> String {
        let path = folder + "/" + name
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }
}
