import Foundation
public import SaimaBase
/// Finds the JSON object a reply gives: the first balanced `{…}` that parses as a JSON object, looked for
/// first inside fenced code blocks (```` ```json … ``` ```` or plain ```` ``` ````), then anywhere in the reply.
/// Braces inside JSON strings (with their escapes) do not count towards the balance.
///
/// Replies are untrusted: only the first `maxCandidates` opening braces of each block (and of the whole reply)
/// are tried, so the work stays linear in the reply's length (a reply of a million `{` would otherwise take
/// hours), and parsing is `JSONValue.parse`, which limits nesting depth.
public enum JSONObjectExtractor {
    /// How many `{` positions are tried per place looked at.
    public static let maxCandidates = 256

    /// The object's members, or nil when the reply holds no JSON object.
    public static func firstObject(in reply: String) -> [String: JSONValue]? {
        let bytes = Array(reply.utf8)
        for block in fencedBlocks(bytes) {
            if let object = firstBalancedObject(in: Array(block)) { return object }
        }
        return firstBalancedObject(in: bytes)
    }

    /// The contents of ``` fences, in order; an unclosed fence runs to the end. Searched on UTF-8 bytes, never with
    /// Foundation's string search (see `ScalarSearch`).
    static func fencedBlocks(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        func fence(from start: Int) -> Int? {
            var j = start
            while j + 3 <= bytes.count {
                if bytes[j] == 0x60, bytes[j + 1] == 0x60, bytes[j + 2] == 0x60 { return j }
                j += 1
            }
            return nil
        }
        var blocks: [ArraySlice<UInt8>] = []
        var i = 0
        while let open = fence(from: i) {
            let bodyStart = bytes[(open + 3)...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
            if let close = fence(from: bodyStart) {
                blocks.append(bytes[bodyStart..<close])
                i = close + 3
            } else {
                blocks.append(bytes[bodyStart...])
                break
            }
        }
        return blocks
    }

    /// The first `{` whose balanced span parses as an object.
    static func firstBalancedObject(in bytes: [UInt8]) -> [String: JSONValue]? {
        var start = 0
        var attempts = 0
        while attempts < maxCandidates, let open = bytes[start...].firstIndex(of: UInt8(ascii: "{")) {
            attempts += 1
            if let close = balancedEnd(bytes, from: open),
                let object = try? JSONValue.parse(Data(bytes[open...close])).objectValue
            {
                return object
            }
            start = open + 1
        }
        return nil
    }

    /// The index of the `}` closing the `{` at `open`, skipping string contents.
    private static func balancedEnd(_ bytes: [UInt8], from open: Int) -> Int? {
        var depth = 0
        var inString = false
        var escaped = false
        for i in open..<bytes.count {
            let b = bytes[i]
            if inString {
                if escaped {
                    escaped = false
                } else if b == UInt8(ascii: "\\") {
                    escaped = true
                } else if b == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if b == UInt8(ascii: "\"") {
                inString = true
            } else if b == UInt8(ascii: "{") {
                depth += 1
            } else if b == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { return i }
            }
        }
        return nil
    }
}
