import Foundation
import SaimaBase
import ZIPFoundation

/// Reads the sheets of an Office Open XML workbook (.xlsx, as Excel and WPS save it): a ZIP of XML parts,
/// read with ZIPFoundation and Foundation's XML parser.
///
/// Cell values: shared strings (`t="s"`, rich text runs joined), inline strings, formula results as stored,
/// booleans as `TRUE`/`FALSE`, and numbers written the shortest way (`3`, `0.1`); a number whose cell style is a
/// date format is written as `yyyy-MM-dd` (Excel's 1900 date system). Merged cells keep their value in the
/// top-left cell only, as Excel stores them.
package enum XLSXReader {
    /// The archive is read from the file (ZIPFoundation's in-memory archive traps on some damaged archives, where the
    /// file-backed one reports an error).
    package static func read(path: String, limits: SheetLimits = .standard) throws(SheetError) -> [Sheet] {
        let file = (path as NSString).lastPathComponent
        guard let bytes = FileManager.default.contents(atPath: path) else { throw SheetError(path, "file not found or unreadable") }
        let overruns = ZIPBounds.overruns([UInt8](bytes))
        guard overruns.isEmpty else {
            throw SheetError(file, "damaged ZIP archive: \(overruns.prefix(3).joined(separator: ", ")) extends past the end of the file / 压缩包已损坏")
        }
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw SheetError(file, "not a valid .xlsx file (a ZIP archive was expected) / 不是有效的 xlsx 文件")
        }
        var total = 0
        var parsed: [String: XMLElementNode] = [:]
        struct Oversized: Error { var part: Bool }
        /// A part parsed once within the limits; nil when the workbook has no such part.
        func part(_ name: String, location: String) throws(SheetError) -> XMLElementNode? {
            if let done = parsed[name] { return done }
            guard let entry = archive[name] else { return nil }
            var bytes = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    bytes.append(chunk)
                    total += chunk.count
                    if bytes.count > limits.partBytes { throw Oversized(part: true) }
                    if total > limits.workbookBytes { throw Oversized(part: false) }
                }
            } catch let o as Oversized {
                throw SheetError(
                    location,
                    o.part
                        ? "the part \(name) inflates beyond \(Self.size(limits.partBytes)) / 解压后部件过大"
                        : "the workbook inflates beyond \(Self.size(limits.workbookBytes)) (at the part \(name)) / 解压后工作簿过大")
            } catch {
                throw SheetError(location, "the part \(name) cannot be read (damaged ZIP entry) / 文件部件损坏")
            }
            switch XMLElementNode.parse(bytes, limits: limits) {
            case .success(let node):
                parsed[name] = node
                return node
            case .failure(.tooDeep(let depth)):
                throw SheetError(location, "the part \(name) nests elements deeper than \(depth) / XML 嵌套过深")
            case .failure(.tooManyElements(let count)):
                throw SheetError(location, "the part \(name) has more than \(count) XML elements / XML 元素过多")
            case .failure(.malformed):
                throw SheetError(location, "the part \(name) is not well-formed XML / XML 格式错误")
            }
        }
        guard let workbook = try part("xl/workbook.xml", location: file) else {
            throw SheetError(file, "no xl/workbook.xml: not an Excel workbook")
        }
        let relations = try part("xl/_rels/workbook.xml.rels", location: file)?.children("Relationship") ?? []
        var targets: [String: String] = [:]
        for r in relations {
            if let id = r.attribute("Id"), let target = r.attribute("Target") {
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        let shared = (try part("xl/sharedStrings.xml", location: file)?.children("si") ?? []).map(Self.text)
        let dateStyles = Self.dateStyles(try part("xl/styles.xml", location: file))
        let listed = workbook.descendants("sheet")
        guard listed.count <= limits.sheets else {
            throw SheetError(file, "the workbook lists \(listed.count) sheets; at most \(limits.sheets) are read / 工作表过多")
        }
        var sheets: [Sheet] = []
        var cells = 0
        var used: Set<String> = []
        for s in listed {
            let name = s.attribute("name") ?? "Sheet\(sheets.count + 1)"
            guard let rid = s.attribute("id"), let target = targets[rid], let sheet = try part(target, location: "\(file):\(name)")
            else {
                throw SheetError("\(file):\(name)", "the sheet's XML part is missing / 工作表缺失")
            }
            guard used.insert(target).inserted else {
                throw SheetError("\(file):\(name)", "the sheet names the part \(target), which another sheet already uses / 多个工作表指向同一部件")
            }
            let laidOut = rows(sheet, shared: shared, dateStyles: dateStyles, budget: limits.cells - cells)
            guard let laidOut else {
                throw SheetError("\(file):\(name)", "the sheets hold more than \(limits.cells) cells once laid out (rows × columns) / 单元格过多")
            }
            // Counted as the budget is: every laid-out row and every laid-out cell.
            cells += laidOut.count + laidOut.reduce(0) { $0 + $1.count }
            sheets.append(Sheet(file: file, name: name, rows: laidOut))
        }
        return sheets
    }

    /// The text of a shared or inline string: its `t`, or its rich-text runs' `t`s joined.
    static func text(_ si: XMLElementNode) -> String {
        if let t = si.child("t") { return t.text }
        return si.children("r").compactMap { $0.child("t")?.text }.joined()
    }

    /// Cell style indexes whose number format is a date.
    static func dateStyles(_ styles: XMLElementNode?) -> Set<Int> {
        guard let styles else { return [] }
        var custom: [Int: String] = [:]
        for f in styles.descendants("numFmt") {
            if let id = f.attribute("numFmtId").flatMap(Int.init), let code = f.attribute("formatCode") { custom[id] = code }
        }
        let builtInDates: Set<Int> = [14, 15, 16, 17, 22, 27, 30, 31, 34, 35, 36, 50, 57, 58]
        var out: Set<Int> = []
        for (index, xf) in (styles.child("cellXfs")?.children("xf") ?? []).enumerated() {
            guard let id = xf.attribute("numFmtId").flatMap(Int.init) else { continue }
            if builtInDates.contains(id) { out.insert(index); continue }
            if let code = custom[id]?.lowercased().replacingOccurrences(of: "\"[^\"]*\"", with: "", options: .regularExpression),
                code.contains("yy") || (code.contains("m") && code.contains("d"))
            {
                out.insert(index)
            }
        }
        return out
    }

    /// A byte limit as people read it: MiB when whole, else KiB, else bytes.
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }

    /// The sheet's rows laid out (blank cells to the left of a value filled in), or nil when that takes more than
    /// `budget` cells.
    static func rows(_ sheet: XMLElementNode, shared: [String], dateStyles: Set<Int>, budget: Int = .max) -> [[String]]? {
        var rows: [[String]] = []
        var laid = 0
        for row in sheet.descendants("row") {
            let r = (row.attribute("r").flatMap(Int.init) ?? rows.count + 1) - 1
            guard r >= 0, r < 1_000_000 else { continue }
            laid += max(0, r + 1 - rows.count)
            while rows.count <= r { rows.append([]) }
            var next = 0
            for c in row.children("c") {
                let ref = c.attribute("r") ?? ""
                let col = Sheet.columnIndex(ref.prefix { $0.isLetter }) ?? next
                next = col + 1
                guard col < 16_384 else { continue }
                let value = cellText(c, shared: shared, dateStyles: dateStyles)
                laid += max(0, col + 1 - rows[r].count)
                if laid > budget { return nil }
                while rows[r].count <= col { rows[r].append("") }
                rows[r][col] = value
            }
        }
        return rows
    }

    static func cellText(_ c: XMLElementNode, shared: [String], dateStyles: Set<Int>) -> String {
        let v = c.child("v")?.text ?? ""
        switch c.attribute("t") {
        case "s": return Int(v).flatMap { $0 >= 0 && $0 < shared.count ? shared[$0] : nil } ?? ""
        case "inlineStr": return c.child("is").map(text) ?? ""
        case "str", "e": return v
        case "b": return v == "1" ? "TRUE" : "FALSE"
        default:
            guard let number = Double(v), number.isFinite else { return v }
            if let style = c.attribute("s").flatMap(Int.init), dateStyles.contains(style) { return date(serial: number) }
            return JSONValue.format(number: number)
        }
    }

    /// Excel's 1900 date system: serial 1 = 1900-01-01, with its phantom 1900-02-29 (serials from 61 on are one
    /// day late), so serial 45292 = 2024-01-01.
    static func date(serial: Double) -> String {
        guard serial >= 1, serial < 2_958_466 else { return JSONValue.format(number: serial) }
        let days = Int(serial.rounded(.down)) - (serial >= 61 ? 1 : 0)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let base = calendar.date(from: DateComponents(year: 1899, month: 12, day: 31))!
        let date = calendar.date(byAdding: .day, value: days, to: base)!
        let p = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", p.year!, p.month!, p.day!)
    }
}
