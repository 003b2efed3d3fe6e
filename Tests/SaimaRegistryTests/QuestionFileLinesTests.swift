import Foundation
import SaimaBase
import SaimaModel
import Testing

@testable import SaimaRegistry

@Suite("Question file lines, cut on bytes")
struct QuestionFileLinesTests {
    func load(_ text: String) throws -> (items: [Item], diagnostics: [Diagnostic]) {
        let folder = NSTemporaryDirectory() + "saima-lines-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/q.jsonl"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var diagnostics: [Diagnostic] = []
        let items = try QuestionFileLoader(path: path, trackDirectory: folder).loadSet(diagnostics: &diagnostics).items.all()
        return (items, diagnostics)
    }

    static func line(_ id: String) -> String {
        #"{"id":"\#(id)","type":"single_choice","prompt":"哪一项正确？","choices":{"A":"甲","B":"乙"},"answer":"B"}"#
    }

    /// CRLF endings (an Excel-era habit), blank lines, a line padded with ideographic spaces and a broken line:
    /// every good line is read, and the broken one is named by its line number.
    @Test func crlfBlankPaddedAndBrokenLines() throws {
        let text = Self.line("a") + "\r\n\r\n" + "\u{3000} " + Self.line("b") + " \u{3000}\r\n" + "{\"id\": \r\n"
            + "\t" + Self.line("c") + "\n"
        let (items, diagnostics) = try load(text)
        #expect(items.map(\.id) == ["a", "b", "c"])
        #expect(items.map(\.line) == [1, 3, 5])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 4)
        #expect(diagnostics.first?.message.contains("malformed JSON line") == true)
    }

    @Test func invalidUTF8IsOneClearError() throws {
        let folder = NSTemporaryDirectory() + "saima-lines-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(Self.line("a").utf8 + [0x0A, 0xC3, 0x28, 0x0A]).write(to: URL(fileURLWithPath: folder + "/q.jsonl"))
        var diagnostics: [Diagnostic] = []
        let items = try QuestionFileLoader(path: folder + "/q.jsonl", trackDirectory: folder).loadSet(diagnostics: &diagnostics).items.all()
        #expect(items.isEmpty)
        #expect(diagnostics.map(\.message) == ["question file is not valid UTF-8"])
    }

    /// Reading a megabyte at a time gives the same lines as cutting the whole file at LF, whatever the chunk
    /// size: lines split across chunks, CRLF kept in the line, a last line without LF, an empty file.
    @Test(arguments: [1, 2, 3, 7, 1 << 20])
    func chunkedLinesEqualWholeFileLines(chunkSize: Int) throws {
        let folder = NSTemporaryDirectory() + "saima-lines-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for text in ["", "\n", "一\r\n二\n\n三", Self.line("a") + "\n" + Self.line("b") + "\n"] {
            let path = folder + "/f.txt"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            var lines: [[UInt8]] = []
            var numbers: [Int] = []
            let read = FileLines(path: path, chunkSize: chunkSize).forEach { line, n in
                lines.append(Array(line))
                numbers.append(n)
                return true
            }
            let whole = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            #expect(read)
            #expect(lines == whole)
            #expect(numbers == Array(1...whole.count))
            #expect(FileLines(path: path, chunkSize: chunkSize).count() == whole.count)
        }
        #expect(FileLines(path: folder + "/missing").forEach { _, _ in true } == false)
    }
}
