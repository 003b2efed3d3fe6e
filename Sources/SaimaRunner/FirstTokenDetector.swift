import Foundation
import SaimaBase
/// Finds the first server-sent event that carries answer text, for the time to first token.
///
/// Bytes are fed as they arrive. Complete lines are split off (`\n`, with an optional `\r`); a line
/// `data: <json>` is parsed as JSON, whatever its spacing, and counts when `choices[0].delta.content` is a
/// non-empty string (or a list of parts with non-empty `text`). A role-only first chunk, keep-alive comments,
/// `[DONE]` and unparsable lines do not count. After the first hit nothing more is parsed.
struct FirstTokenDetector {
    private var pending: [UInt8] = []
    private(set) var found = false

    /// Feeds bytes; returns true exactly once, when the first content-bearing event completes.
    mutating func feed(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard !found else { return false }
        pending.append(contentsOf: bytes)
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            var line = pending[..<newline]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            let hit = Self.carriesContent(line: line)
            pending.removeSubrange(...newline)
            if hit {
                found = true
                pending = []
                return true
            }
        }
        // A line longer than any sane event is never going to parse; drop it rather than grow.
        if pending.count > 1 << 20 { pending = [] }
        return false
    }

    static func carriesContent(line: ArraySlice<UInt8>) -> Bool {
        let prefix = Array("data:".utf8)
        guard line.count > prefix.count, line.starts(with: prefix) else { return false }
        guard let json = try? JSONValue.parse(Data(line.dropFirst(prefix.count))) else { return false }
        let delta = json["choices"]?.arrayValue?.first?["delta"]
        switch delta?["content"] {
        case .string(let s)?: return !s.isEmpty
        case .array(let parts)?: return parts.contains { !($0["text"]?.stringValue ?? "").isEmpty }
        default: return false
        }
    }
}
