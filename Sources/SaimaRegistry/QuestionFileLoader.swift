import Foundation
import SaimaModel

/// Reads a question set's JSON Lines file: one item a line, blank lines ignored.
struct QuestionFileLoader {
    let path: String
    let trackDirectory: String
    /// Items of a contestant bundle's test set carry no answers.
    var answersWithheld = false

    func load(diagnostics: inout [Diagnostic]) -> [Item] {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(Diagnostic(path: path, line: 0, message: "question file not found"))
            return []
        }
        let lower = path.lowercased()
        if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xls") || lower.hasSuffix(".csv") || data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            diagnostics.append(Diagnostic(
                path: path, line: 0,
                message: "this is a spreadsheet or CSV file, not JSON Lines: convert it with `saima import --from xlsx|csv FILE --track T --set S` / 这是表格文件，请用 saima import 导入"))
            return []
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(Diagnostic(path: path, line: 0, message: "question file is not valid UTF-8"))
            return []
        }
        let parser = ItemParser(path: path, trackDirectory: trackDirectory, answersWithheld: answersWithheld)
        var items: [Item] = []
        var firstLineOfID: [String: Int] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            let trimmed = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            let value: JSONValue
            do {
                value = try JSONValue.parse(String(trimmed))
            } catch {
                let looksLikeCSV = !trimmed.hasPrefix("{") && (trimmed.contains(",") || trimmed.contains("\t"))
                diagnostics.append(Diagnostic(
                    path: path, line: line,
                    message: "malformed JSON line: \(error.message)"
                        + (looksLikeCSV ? " — this looks like CSV; question files are JSON Lines: use `saima import --from csv` / 疑似 CSV，请用 saima import" : "")))
                continue
            }
            if let id = value["id"]?.stringValue, !id.isEmpty {
                if let first = firstLineOfID[id] {
                    diagnostics.append(
                        Diagnostic(path: path, line: line, message: "duplicate item id `\(id)` (first on line \(first))"))
                    continue
                }
                firstLineOfID[id] = line
            }
            if let item = parser.parse(value, line: line, diagnostics: &diagnostics) { items.append(item) }
        }
        if items.isEmpty, firstLineOfID.isEmpty {
            diagnostics.append(Diagnostic(path: path, line: 0, message: "question file holds no items"))
        }
        return items
    }
}
