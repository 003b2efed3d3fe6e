import Foundation
package import SaimaBase
import SaimaSheets

/// A question set written back as a sheet in the default layout (`SheetLayout`), for a pilot unit to review
/// and correct in Excel or WPS and import again: importing the export of an imported sheet gives the same items.
package enum SetExporter {
    package static let headers = [
        "id", "type", "prompt", "A", "B", "C", "D", "E", "F", "G", "H", "answer", "explanation", "tags", "difficulty",
        "context", "tolerance", "keywords", "rubric", "attachments",
    ]
    /// Item fields the sheet layout has no column for; they are reported, not silently dropped.
    static let sheetFields: Set<String> = Set(headers).union(["choices"])

    /// The rows (header first) and the item fields that could not be exported.
    package static func rows(_ items: [JSONValue]) -> (rows: [[String]], dropped: Set<String>) {
        var rows = [headers]
        var dropped: Set<String> = []
        for item in items {
            guard case .object(let o) = item else { continue }
            dropped.formUnion(o.keys.filter { !sheetFields.contains($0) })
            var row = Array(repeating: "", count: headers.count)
            func set(_ h: String, _ v: String) { row[headers.firstIndex(of: h)!] = v }
            set("id", o["id"]?.stringValue ?? "")
            set("type", o["type"]?.stringValue ?? "")
            set("prompt", o["prompt"]?.stringValue ?? "")
            for (letter, text) in o["choices"]?.objectValue ?? [:] where headers.contains(letter) { set(letter, text.stringValue ?? "") }
            switch o["answer"] {
            case .string(let s)?: set("answer", s)
            case .bool(let b)?: set("answer", b ? "true" : "false")
            case .number(let n)?: set("answer", JSONValue.format(number: n))
            case .array(let a)?: set("answer", a.compactMap(\.stringValue).joined(separator: "|"))
            case .object?: set("answer", o["answer"]!.canonicalJSON)
            default: break
            }
            set("explanation", o["explanation"]?.stringValue ?? "")
            set("tags", (o["tags"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: "、"))
            set("difficulty", o["difficulty"]?.stringValue ?? "")
            set("context", o["context"]?.stringValue ?? "")
            if let t = o["tolerance"]?.numberValue { set("tolerance", JSONValue.format(number: t)) }
            set("keywords", (o["keywords"]?.arrayValue ?? []).map { p in
                (p.stringsValue ?? []).joined(separator: "|")
            }.joined(separator: "；"))
            set("rubric", (o["rubric"]?["criteria"]?.arrayValue ?? []).map { c in
                "\(c["description"]?.stringValue ?? ""):\(c["points"]?.numberValue.map { JSONValue.format(number: $0) } ?? "1")"
            }.joined(separator: "；"))
            set("attachments", (o["attachments"]?.arrayValue ?? []).map { a in
                "\(a["kind"]?.stringValue ?? "image"):\(a["file"]?.stringValue ?? "")"
            }.joined(separator: "，"))
            rows.append(row)
        }
        return (rows, dropped)
    }

    /// Writes `rows` as `.xlsx` or CSV (UTF-8 with BOM) by the output file's extension.
    package static func write(rows: [[String]], sheetName: String, to path: String) throws {
        if path.lowercased().hasSuffix(".xlsx") {
            try XLSXWriter.write(rows: rows, sheetName: sheetName, to: path)
        } else {
            // A cell a spreadsheet would evaluate (`=…`, `+…`, `-…`, `@…`) gets a leading `'`; import drops it again.
            let text = "\u{FEFF}" + rows.map { CSVTable.line($0, neutralizeFormulas: true) }.joined()
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }
}
