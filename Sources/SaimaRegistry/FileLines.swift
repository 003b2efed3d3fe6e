import Foundation

/// A file's lines as UTF-8 bytes, read a megabyte at a time: a question file of 100,000 items is never whole in
/// memory (reading it whole, then copying it to bytes, held two 14 MB copies at once).
///
/// Definition: lines are cut at LF (`0x0A`) only; the LF is not part of the line; a last line without LF is a
/// line; an empty file has one empty line — the same lines as cutting the whole file's bytes at LF.
struct FileLines {
    let path: String
    var chunkSize = 1 << 20

    /// The first bytes of the file (up to `count`), or nil when it cannot be opened.
    func prefix(_ count: Int) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: count) else { return [] }
        return [UInt8](data)
    }

    /// Calls `body` with each line and its 1-based number; `body` returns false to stop. Returns false when the
    /// file cannot be opened or read.
    func forEach(_ body: (ArraySlice<UInt8>, Int) -> Bool) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        var buffer: [UInt8] = []
        var line = 0
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: chunkSize) } catch { return false }
            guard let chunk, !chunk.isEmpty else { break }
            // Only the new bytes are searched for LF: a long line spanning many chunks is scanned once.
            let searchFrom = buffer.count
            buffer.append(contentsOf: chunk)
            var start = 0
            var from = searchFrom
            while let end = buffer[from...].firstIndex(of: 0x0A) {
                line += 1
                guard body(buffer[start..<end], line) else { return true }
                start = end + 1
                from = start
            }
            buffer.removeFirst(start)
        }
        line += 1
        _ = body(buffer[...], line)
        return true
    }

    /// The number of lines (LF count + 1), or with `nonBlank` of lines with anything but ASCII whitespace: at most
    /// one item each (what a loader reserves room for; a file of blank lines reserves nothing).
    func count(nonBlank: Bool = false) -> Int? {
        var n = 0
        let read = forEach { line, _ in
            if !nonBlank || line.contains(where: { !($0 == 0x20 || (0x09...0x0D).contains($0)) }) { n += 1 }
            return true
        }
        return read ? n : nil
    }
}
