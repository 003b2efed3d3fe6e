import Foundation
import SaimaModel

/// Reads a question set's JSON Lines file: one item a line, blank lines ignored.
struct QuestionFileLoader {
    let path: String
    let trackDirectory: String
    /// Items of a contestant bundle's test set carry no answers.
    var answersWithheld = false

    func load(diagnostics: inout [Diagnostic]) -> [Item] {
        // The file's bytes, and nothing else of it, are kept while parsing (no `Data`, no whole-file `String`).
        let bytes: [UInt8]
        do {
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
            bytes = [UInt8](data)
        }
        // Lines are cut and parsed on the UTF-8 bytes (cutting a `String` by `Character` and re-encoding each line
        // was a quarter of loading); every line must be valid UTF-8, or the file is refused as a whole.
        let parser = ItemParser(path: path, trackDirectory: trackDirectory, answersWithheld: answersWithheld)
        // One item a line at most: room for all of them up front (growing by doubling held two copies at once).
        let lines = bytes.reduce(into: 1) { n, b in if b == 0x0A { n += 1 } }
        var items: [Item] = []
        items.reserveCapacity(lines)
        var firstLineOfID: [String: Int] = [:]
        firstLineOfID.reserveCapacity(lines)
        var lineStart = 0
        var index = -1
        while lineStart <= bytes.count {
            index += 1
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            let rawLine = bytes[lineStart..<lineEnd]
            lineStart = lineEnd + 1
            let line = index + 1
            guard String(validating: rawLine, as: UTF8.self) != nil else {
                diagnostics.append(Diagnostic(path: path, line: 0, message: "question file is not valid UTF-8"))
                return []
            }
            let ascii = Self.trimmingASCIIWhitespace(rawLine)
            // JSON allows only ASCII whitespace around a value; a line padded with other Unicode spaces is
            // trimmed as text, as before.
            let trimmed: ArraySlice<UInt8> =
                ascii.first.map { $0 >= 0x80 } == true || ascii.last.map { $0 >= 0x80 } == true
                ? ArraySlice(String(decoding: ascii, as: UTF8.self).trimmed.utf8) : ascii
            if trimmed.isEmpty { continue }
            let value: JSONValue
            do {
                value = try JSONValue.parse(trimmed)
            } catch {
                let text = String(decoding: trimmed, as: UTF8.self)
                let looksLikeCSV = !text.hasPrefix("{") && (text.contains(",") || text.contains("\t"))
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

    /// The bytes without leading and trailing space, tab, CR, LF, VT and FF.
    static func trimmingASCIIWhitespace(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        func space(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }
        guard let first = line.firstIndex(where: { !space($0) }), let last = line.lastIndex(where: { !space($0) })
        else { return [] }
        return line[first...last]
    }
}
