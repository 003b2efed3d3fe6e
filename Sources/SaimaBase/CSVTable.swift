import Foundation

/// RFC 4180 CSV reading and writing (UTF-8; a leading byte-order mark is accepted and written so
/// that spreadsheet tools open Chinese text correctly).
public enum CSVTable {
    /// Rows of fields with the 1-based line each row starts on. Quoted fields may hold commas,
    /// quotes (doubled) and line breaks.
    public static func parse(_ text: String) -> [(line: Int, fields: [String])] { parseChecked(text).rows }

    /// `parse(_:)`, and the line of a quoted field that never closes (the rest of the file was read into it):
    /// importers report it instead of silently reading fewer rows.
    public static func parseChecked(_ text: String) -> (rows: [(line: Int, fields: [String])], unterminatedQuoteLine: Int?)
    {
        var quoteStart = 0
        var rows: [(Int, [String])] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var rowStart = 1
        var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        if chars.last != "\n" { chars.append("\n") }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                inQuotes = true
                quoteStart = line
            } else if c == "," {
                fields.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                fields.append(field)
                if !(fields.count == 1 && fields[0].isEmpty) { rows.append((rowStart, fields)) }
                fields = []
                field = ""
                line += 1
                rowStart = line
            } else {
                field.append(c)
            }
            i += 1
        }
        return (rows, inQuotes ? quoteStart : nil)
    }

    /// A plain decimal number (`3`, `2.5`, `-1`, `1e3`): what a person types in a score cell. Unlike
    /// `Double(_:)` it refuses hexadecimal (`0x3`), `inf` and `nan`.
    public static func decimal(_ raw: String) -> Double? {
        let s = raw.trimmedSpaces
        guard !s.isEmpty, s.unicodeScalars.allSatisfy({ "0123456789.+-eE".unicodeScalars.contains($0) }),
            let v = Double(s), v.isFinite
        else { return nil }
        return v
    }

    /// One CSV line (with CRLF): every field through `field(_:neutralizeFormulas:)`.
    public static func line(_ fields: [String], neutralizeFormulas: Bool = true) -> String {
        fields.map { field($0, neutralizeFormulas: neutralizeFormulas) }.joined(separator: ",") + "\r\n"
    }

    /// One field, quoted when it holds a comma, quote or line break. With `neutralizeFormulas`, a
    /// leading `=`, `+`, `-`, `@`, tab or carriage return (OWASP's list; not a number) gets a `'` so a spreadsheet
    /// never runs it as a formula — for names and texts from submissions; raw answer exports keep the text as it is.
    public static func field(_ value: String, neutralizeFormulas: Bool = true) -> String {
        var s = value
        if neutralizeFormulas, let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(s) == nil {
            s = "'" + s
        }
        // By scalars: a CRLF inside a field is one Character that equals neither "\r" nor "\n".
        guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
