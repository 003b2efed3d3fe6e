import Foundation
import SaimaBase
import Testing

@testable import SaimaSheets

/// The streamed CSV reader gives the same records and lines as `CSVTable.parseChecked`, whatever the chunk size cuts
/// through (a quote, a CRLF, a multi-byte character), and reports an unclosed quote at its line.
struct CSVRecordStreamTests {
    static func streamed(_ text: String, chunk: Int) throws -> [(Int, [String])] {
        let path = NSTemporaryDirectory() + "saima-stream-" + UUID().uuidString + ".csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var out: [(Int, [String])] = []
        try CSVRecordStream.forEach(path: path, chunkSize: chunk) { out.append(($0, $1)) }
        return out
    }

    @Test func sameRecordsAsTheWholeFileParserAcrossChunkBoundaries() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["甲", "a", ",", "\"", "\"\"", "\n", "\r\n", "\r", "评审意见", "x,y", " ", "𠀋"]
        for round in 0..<300 {
            var text = round % 3 == 0 ? "\u{FEFF}" : ""
            for _ in 0..<Int.random(in: 0..<40, using: &generator) { text += pieces.randomElement(using: &generator)! }
            let whole = CSVTable.parseChecked(text)
            for chunk in [1, 2, 3, 7, 64] {
                if whole.unterminatedQuoteLine != nil {
                    #expect(throws: CSVRecordStream.Failure.self) { try Self.streamed(text, chunk: chunk) }
                    continue
                }
                let streamed = try Self.streamed(text, chunk: chunk)
                #expect(streamed.map(\.0) == whole.rows.map(\.line), "lines of \(text.debugDescription) at chunk \(chunk)")
                #expect(streamed.map(\.1) == whole.rows.map(\.fields), "fields of \(text.debugDescription) at chunk \(chunk)")
            }
        }
    }

    @Test func aSheetThatIsNotUTF8IsLeftToTheWholeFileReader() throws {
        let path = NSTemporaryDirectory() + "saima-gbk-" + UUID().uuidString + ".csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data([0xB2, 0xE2, 0xCA, 0xD4, 0x2C, 0x31, 0x0A]).write(to: URL(fileURLWithPath: path))  // 测试,1 in GBK
        #expect(throws: CSVRecordStream.Failure.self) { try CSVRecordStream.forEach(path: path) { _, _ in } }
        var rows: [[String]] = []
        try SheetRows.forEach(path) { rows.append($1) }
        #expect(rows == [["测试", "1"]])
    }
}
