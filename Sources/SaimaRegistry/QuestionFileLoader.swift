import Foundation
import SaimaBase
import SaimaModel

/// Reads a question set's JSON Lines file: one item a line, blank lines ignored.
struct QuestionFileLoader {
    let path: String
    let trackDirectory: String
    /// Items of a contestant bundle's test set carry no answers.
    var answersWithheld = false
    /// The set's `min_correct`, given to its multi-choice items.
    var minimumCorrect = 1
    /// Where to copy the item lines for reading them back on demand (`ItemList`); nil keeps items in memory.
    var spool: SpoolFile?

    /// The items (on demand when there is a `spool` file and the copy can be written, else in memory) and the set's
    /// content hash (`QuestionSetHasher`), computed as the items are read.
    func loadSet(diagnostics: inout [Diagnostic]) -> (items: ItemList, contentHash: String) {
        let problemsBefore = diagnostics.count
        let digest = SHA256Stream()
        var resident: [Item] = []
        let spool = self.spool.map { ItemSpool.Writer(file: $0) }
        let parser = ItemParser(path: path, trackDirectory: trackDirectory, answersWithheld: answersWithheld)
        let minimum = minimumCorrect
        /// The set's `min_correct` given to a multi-choice item.
        @Sendable func setting(_ item: Item) -> Item {
            var item = item
            if item.type == .multiChoice { item.minimumCorrect = minimum }
            return item
        }
        let ok = read(parser: parser, diagnostics: &diagnostics, reserve: { n in
            if let spool { spool.reserveCapacity(n) } else { resident.reserveCapacity(n) }
        }) { parsed, _, number in
            let item = setting(parsed)
            QuestionSetHasher.add(item, to: digest)
            // The copy holds each item's canonical text: it parses to the same value as the line, and reading an
            // item back then need not write its canonical text again.
            if let spool {
                spool.add(item, text: Array(item.rawJSON.utf8)[...], line: number)
            } else {
                resident.append(item)
            }
        }
        let contentHash = digest.finalizeHex()
        guard ok else { return ([], QuestionSetHasher.hash([Item]())) }
        guard let spool else { return (ItemList(resident), contentHash) }
        let onDemand = spool.finish { bytes, number in
            guard let value = try? JSONValue.parse(bytes) else { return nil }
            var ignored: [Diagnostic] = []
            let text = String(decoding: bytes, as: UTF8.self)
            return parser.parse(value, line: number, canonicalText: text, diagnostics: &ignored).map(setting)
        }
        if let onDemand { return (ItemList(spool: onDemand), contentHash) }
        // The private copy could not be written: read the file again into memory. Its problems replace the first
        // reading's (the same, unless the file changed in between: then they describe the items kept).
        var again = self
        again.spool = nil
        var repeated: [Diagnostic] = []
        let result = again.loadSet(diagnostics: &repeated)
        diagnostics.removeSubrange(problemsBefore...)
        diagnostics += repeated
        return result
    }

    /// Reads every line, parses and checks it, and hands each good item with its trimmed line bytes and line number
    /// to `add`; every problem goes to `diagnostics`. Returns false when the file as a whole is refused.
    private func read(
        parser: ItemParser, diagnostics: inout [Diagnostic], reserve: (Int) -> Void,
        add: (Item, ArraySlice<UInt8>, Int) -> Void
    ) -> Bool {
        // The file is read a megabyte at a time (`FileLines`) and cut into lines on the UTF-8 bytes (cutting a
        // `String` by `Character` and re-encoding each line was a quarter of loading); every line must be valid
        // UTF-8, or the file is refused as a whole.
        let file = FileLines(path: path)
        guard let head = file.prefix(4) else {
            diagnostics.append(Diagnostic(path: path, line: 0, message: "question file not found"))
            return false
        }
        let lower = path.lowercased()
        let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xls") || lower.hasSuffix(".csv") || head == zipMagic {
            diagnostics.append(Diagnostic(
                path: path, line: 0,
                message: "this is a spreadsheet or CSV file, not JSON Lines: convert it with `saima import --from xlsx|csv FILE --track T --set S` / 这是表格文件，请用 saima import 导入"))
            return false
        }
        // One item a line at most: room for all of them up front (growing by doubling held two copies at once).
        let lines = file.count(nonBlank: true) ?? 0
        reserve(lines)
        var count = 0
        // Every id seen so far with its first line, found through a table of positions (a `[String: Int]` of
        // 100,000 ids took 6.3 MB while loading).
        var seenIDs: [String] = []
        var seenLines: [Int32] = []
        seenIDs.reserveCapacity(lines)
        seenLines.reserveCapacity(lines)
        var seen = PositionTable(capacity: lines)
        var invalidUTF8 = false
        let read = file.forEach { rawLine, line in
            guard String(validating: rawLine, as: UTF8.self) != nil else {
                invalidUTF8 = true
                return false
            }
            let ascii = Self.trimmingASCIIWhitespace(rawLine)
            // JSON allows only ASCII whitespace around a value; a line padded with other Unicode spaces is
            // trimmed as text, as before.
            let trimmed: ArraySlice<UInt8> =
                ascii.first.map { $0 >= 0x80 } == true || ascii.last.map { $0 >= 0x80 } == true
                ? ArraySlice(String(decoding: ascii, as: UTF8.self).trimmed.utf8) : ascii
            if trimmed.isEmpty { return true }
            let value: JSONValue
            switch Result(catching: { () throws(JSONSyntaxError) -> JSONValue in try JSONValue.parse(trimmed) }) {
            case .success(let v):
                value = v
            case .failure(let error):
                let text = String(decoding: trimmed, as: UTF8.self)
                let looksLikeCSV = !text.hasPrefix("{") && (text.contains(",") || text.contains("\t"))
                let hint = looksLikeCSV
                    ? " — this looks like CSV; question files are JSON Lines: use `saima import --from csv` / 疑似 CSV，请用 saima import"
                    : ""
                diagnostics.append(
                    Diagnostic(path: path, line: line, message: "malformed JSON line: " + error.message + hint))
                return true
            }
            if let id = value["id"]?.stringValue, !id.isEmpty {
                seenIDs.append(id)
                if let first = seen.firstOrInsert(seenIDs.count - 1, in: seenIDs) {
                    seenIDs.removeLast()
                    diagnostics.append(Diagnostic(
                        path: path, line: line,
                        message: "duplicate item id `\(id)` (first on line \(seenLines[first]))"))
                    return true
                }
                seenLines.append(Int32(clamping: line))
            }
            if let item = parser.parse(value, line: line, diagnostics: &diagnostics) {
                add(item, trimmed, line)
                count += 1
            }
            return true
        }
        if invalidUTF8 {
            diagnostics.append(Diagnostic(path: path, line: 0, message: "question file is not valid UTF-8"))
            return false
        }
        if !read {
            diagnostics.append(Diagnostic(path: path, line: 0, message: "question file could not be read"))
            return false
        }
        if count == 0, seenIDs.isEmpty {
            diagnostics.append(Diagnostic(path: path, line: 0, message: "question file holds no items"))
        }
        return true
    }

    /// The bytes without leading and trailing space, tab, CR, LF, VT and FF.
    static func trimmingASCIIWhitespace(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        func space(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }
        guard let first = line.firstIndex(where: { !space($0) }), let last = line.lastIndex(where: { !space($0) })
        else { return [] }
        return line[first...last]
    }
}
