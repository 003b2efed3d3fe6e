import Foundation
import SaimaBase
import SaimaModel

/// A sheet the run folder issued (a human-judging or appeals CSV, UTF-8 with BOM) read back as named fields, and the
/// same sheet written out filled in. Web pages that collect what a judge would type into the sheet go through here,
/// so that their input is imported by the same importer, with the same checks, as a sheet sent back by mail.
enum IssuedSheet {
    /// The sheet's rows as column name → field (a missing field is empty).
    static func rows(_ path: String) throws -> [[String: String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let parsed = CSVTable.parse(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard let header = parsed.first?.fields else { return [] }
        return parsed.dropFirst().map { line in
            var row: [String: String] = [:]
            for (i, name) in header.enumerated() { row[name] = i < line.fields.count ? line.fields[i] : "" }
            return row
        }
    }

    /// The sheet as CSV text (UTF-8 with BOM); every field guarded against spreadsheet formulas except the columns in
    /// `plain`, whose values the importer validates strictly (a reading `-` must stay `-`, not become `'-`).
    static func text(columns: [String], rows: [[String: String]], plain: Set<String> = []) -> String {
        "\u{FEFF}" + CSVTable.line(columns)
            + rows.map { r in
                columns.map { CSVTable.field(r[$0] ?? "", neutralizeFormulas: !plain.contains($0)) }.joined(separator: ",") + "\r\n"
            }.joined()
    }

    /// Writes `text` as `<folder>/<name>` through a pending copy, runs `importer` on the pending copy, and keeps the
    /// file only when the import succeeded (so a refused save leaves no trace of what was refused).
    static func importing<T>(_ text: String, folder: String, name: String, _ importer: (String) throws -> T) throws -> T {
        let fm = FileManager.default
        let pending = folder + "-pending"
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try fm.createDirectory(atPath: pending, withIntermediateDirectories: true)
        let pendingPath = (pending as NSString).appendingPathComponent(name)
        try? fm.removeItem(atPath: pendingPath)
        try RunFolderFile.write(text, to: name, in: pending)
        defer { try? fm.removeItem(atPath: pendingPath) }
        let value = try importer(pendingPath)
        let kept = (folder as NSString).appendingPathComponent(name)
        try? fm.removeItem(atPath: kept)
        try fm.copyItem(atPath: pendingPath, toPath: kept)
        return value
    }
}
