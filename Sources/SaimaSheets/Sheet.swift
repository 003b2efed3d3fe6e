package import SaimaBase
/// A table read from a spreadsheet or CSV file: rows of cell texts, with the file and sheet for locating
/// problems as `file.xlsx:Sheet1!C7` (spreadsheets) or `file.csv:7` (CSV).
package struct Sheet: Sendable {
    /// The file's name as the user gave it.
    package var file: String
    /// The sheet's name (nil for CSV).
    package var name: String?
    /// Cell texts by row; `rows[r][c]` is row r+1, column c (A = 0). Missing cells are "".
    package var rows: [[String]]
    /// For CSV: the 1-based line each row starts on (quoted fields may span lines).
    package var lines: [Int]

    package init(file: String, name: String?, rows: [[String]], lines: [Int] = []) {
        self.file = file
        self.name = name
        self.rows = rows
        self.lines = lines
    }

    /// `file.xlsx:Sheet1!C7` or `file.csv:7` for row index `row` (0-based) and column `column` (0-based).
    package func location(row: Int, column: Int? = nil) -> String {
        if let name {
            return "\(file):\(name)!\(column.map(Self.columnName) ?? "")\(row + 1)"
        }
        return "\(file):\(row < lines.count ? lines[row] : row + 1)"
    }

    /// `A`, `B`, …, `Z`, `AA`, … for a 0-based column.
    package static func columnName(_ column: Int) -> String {
        var n = column + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// The 0-based column of a name such as `C` or `AA`.
    package static func columnIndex(_ name: some StringProtocol) -> Int? {
        var n = 0
        for s in name.unicodeScalars {
            guard s.value >= 65, s.value <= 90 else { return nil }
            n = n * 26 + Int(s.value - 64)
        }
        return n > 0 ? n - 1 : nil
    }
}

/// A problem with a sheet, located (`file.xlsx:Sheet1!C7: error: …`).
package typealias SheetError = LocatedProblem
