import Foundation
import SaimaBase
/// RFC 4180 records read from a CSV file a megabyte at a time, handed over one by one with the line each starts on:
/// a large sheet (a 150 MB appeals sheet) is never held whole, as text or as rows. The same records as
/// `CSVTable.parseChecked` (quoted fields with commas, doubled quotes and line breaks; CR, LF and CRLF line ends; a
/// leading byte-order mark skipped; blank lines skipped).
///
/// UTF-8 only: a file that is not valid UTF-8 (a GBK sheet from an older Excel) is reported with `notUTF8` so that the
/// caller can fall back to decoding it whole.
struct CSVRecordStream {
    enum Failure: Error {
        case notUTF8
        case unterminatedQuote(line: Int)
        case unreadable
    }

    static let chunkSize = 1 << 20

    /// Calls `body(line, fields)` for every record of the file at `path`.
    static func forEach(path: String, chunkSize: Int = chunkSize, _ body: (Int, [String]) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Failure.unreadable }
        defer { try? handle.close() }
        var parser = Parser()
        var first = true
        var carry: [UInt8] = []
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: chunkSize) ?? Data() } catch { throw Failure.unreadable }
            var bytes = carry + [UInt8](chunk)
            carry = []
            if first {
                // The byte-order mark, once three bytes (or the whole file) are in.
                if bytes.count < 3, !chunk.isEmpty {
                    carry = bytes
                    continue
                }
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
                first = false
            }
            if !chunk.isEmpty {
                // Keep an incomplete UTF-8 sequence at the end for the next chunk.
                var cut = bytes.count
                var back = 0
                while cut > 0, back < 3, bytes[cut - 1] & 0xC0 == 0x80 {
                    cut -= 1
                    back += 1
                }
                if cut > 0, bytes[cut - 1] >= 0xC0 { cut -= 1 }
                carry = Array(bytes[cut...])
                bytes.removeLast(bytes.count - cut)
            }
            guard String(validating: bytes, as: UTF8.self) != nil else { throw Failure.notUTF8 }
            try parser.feed(bytes, body)
            if chunk.isEmpty { break }
        }
        guard carry.isEmpty else { throw Failure.notUTF8 }
        try parser.finish(body)
    }

    /// The byte-level state machine; fields are built as bytes and decoded when complete.
    struct Parser {
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var quotePending = false
        var previousCR = false
        var line = 1
        var rowStart = 1
        var quoteStart = 1

        mutating func feed(_ bytes: [UInt8], _ body: (Int, [String]) throws -> Void) throws {
            let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
            for b in bytes {
                if quotePending {
                    quotePending = false
                    if b == quote {
                        field.append(b)
                        continue
                    }
                    inQuotes = false
                }
                let afterCR = previousCR
                previousCR = b == cr
                if inQuotes {
                    if b == quote {
                        quotePending = true
                        previousCR = false
                        continue
                    }
                    // A line break inside quotes is kept as written; lines are counted at LF (CRLF once, a lone CR
                    // not at all), as `CSVTable` counts them.
                    if b == lf { line += 1 }
                    field.append(b)
                    continue
                }
                if b == lf && afterCR { continue }  // the LF of a CRLF that ended a record
                switch b {
                case quote:
                    if field.isEmpty {
                        inQuotes = true
                        quoteStart = line
                    } else {
                        field.append(b)
                    }
                case comma:
                    fields.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                case lf, cr:
                    try endRecord(body)
                default:
                    field.append(b)
                }
            }
        }

        mutating func endRecord(_ body: (Int, [String]) throws -> Void) throws {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            if !(fields.count == 1 && fields[0].isEmpty) { try body(rowStart, fields) }
            fields.removeAll(keepingCapacity: true)
            line += 1
            rowStart = line
        }

        mutating func finish(_ body: (Int, [String]) throws -> Void) throws {
            if quotePending {
                quotePending = false
                inQuotes = false
            }
            if inQuotes { throw Failure.unterminatedQuote(line: quoteStart) }
            if !field.isEmpty || !fields.isEmpty { try endRecord(body) }
        }
    }
}
