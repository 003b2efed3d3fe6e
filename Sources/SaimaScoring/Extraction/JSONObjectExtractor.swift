import Foundation
public import SaimaModel

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
        for block in fencedBlocks(reply) {
            if let object = firstBalancedObject(in: Array(block.utf8)) { return object }
        }
        return firstBalancedObject(in: Array(reply.utf8))
    }

    /// The contents of ``` fences, in order; an unclosed fence runs to the end.
    static func fencedBlocks(_ text: String) -> [Substring] {
        var blocks: [Substring] = []
        var rest = text[...]
        while let open = rest.range(of: "```") {
            let afterOpen = rest[open.upperBound...]
            let bodyStart = afterOpen.firstIndex(of: "\n").map { afterOpen.index(after: $0) } ?? afterOpen.endIndex
            let body = afterOpen[bodyStart...]
            if let close = body.range(of: "```") {
                blocks.append(body[..<close.lowerBound])
                rest = body[close.upperBound...]
            } else {
                blocks.append(body)
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
