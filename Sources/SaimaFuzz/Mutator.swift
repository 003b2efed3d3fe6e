import Foundation
import SaimaBase
/// Seeded generator of hostile values: extreme and malformed numbers, control characters, odd Unicode, deep
/// nesting, truncation — the things contestants' servers and careless files send.
struct Mutator {
    var rng: SeededGenerator

    static let numbers = [
        "0", "-0", "1", "-1", "1e19", "-5e18", "1e400", "-1e400", "1e-400", "9223372036854775807",
        "9223372036854775808", "18446744073709551616", "2.5", "NaN", "Infinity", "-Infinity", "0x10", "1_000",
        ".inf", "-.inf", ".nan", "1e300", "00012", "+7", "4294967296", "3.0000000000000001",
    ]
    static let strings = [
        "", " ", "\u{0000}", "a\u{0000}b", "\u{001B}[2J", "\u{FEFF}", "\u{202E}evil", "😀", "答案：B", "【答案】C <eoa>",
        "\\boxed{", "$\\boxed{D}$", "**A**", "A或B", "=HYPERLINK(\"http://x\")", "../../etc/passwd", "/etc/shadow",
        "\u{FFFD}", "\u{D7FF}", String(repeating: "A", count: 5000), String(repeating: "答", count: 3000),
        "<script>alert(1)</script>", "\"", "'", "\n", "\r\n", "选", "答案", "answer:", "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    ]

    mutating func pick<T>(_ list: [T]) -> T { list[rng.below(list.count)] }
    mutating func chance(_ percent: Int) -> Bool { rng.below(100) < percent }

    /// A random string, mixing known hostile strings, random code points and random bytes as text.
    mutating func string() -> String {
        switch rng.below(4) {
        case 0: return pick(Self.strings)
        case 1: return pick(Self.numbers)
        case 2:
            var s = String.UnicodeScalarView()
            for _ in 0..<rng.below(60) {
                let ranges: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0x7FF, 0x4E00...0x9FFF, 0xE000...0x10FFFF]
                let r = pick(ranges)
                if let scalar = Unicode.Scalar(r.lowerBound + UInt32(rng.below(Int(r.upperBound - r.lowerBound) + 1))) {
                    s.append(scalar)
                }
            }
            return String(s)
        default: return pick(Self.strings) + pick(Self.numbers) + pick(Self.strings)
        }
    }

    /// A JSON value text: valid or not, nested or flat, with hostile leaves.
    mutating func json(depth: Int = 0) -> String {
        if depth > 4 || chance(30) {
            switch rng.below(5) {
            case 0: return pick(Self.numbers)
            case 1: return quoted(string())
            case 2: return pick(["true", "false", "null"])
            case 3: return String(repeating: "[", count: rng.below(3000)) // deep or unterminated
            default: return quoted(string())
            }
        }
        if chance(50) {
            let n = rng.below(5)
            return "[" + (0..<n).map { _ in json(depth: depth + 1) }.joined(separator: ",") + "]"
        }
        let keys = ["prompt_tokens", "completion_tokens", "content", "choices", "message", "usage", "delta", "role", "x"]
        let n = rng.below(5)
        return "{" + (0..<n).map { _ in quoted(pick(keys)) + ":" + json(depth: depth + 1) }.joined(separator: ",") + "}"
    }

    /// A chat completion with hostile fields, sometimes cut short.
    mutating func completion() -> String {
        let content = chance(80) ? quoted(string()) : json(depth: 3)
        let usage = "{\"prompt_tokens\":\(pick(Self.numbers)),\"completion_tokens\":\(pick(Self.numbers))}"
        var body = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\(content)}}],\"usage\":\(usage)}"
        if chance(10) { body = String(body.prefix(rng.below(body.count + 1))) }
        if chance(10) { body = json() }
        return body
    }

    /// JSON string literal of `s` (escaped by the project's writer).
    func quoted(_ s: String) -> String {
        var out = ""
        JSONValue.writeEscaped(s, into: &out)
        return out
    }

    /// A YAML scalar: numbers, strings, aliases and garbage.
    mutating func yamlScalar() -> String {
        switch rng.below(4) {
        case 0: return pick(Self.numbers)
        case 1: return quoted(string())
        case 2: return pick(["[1, 2", "{a: 1", "&a [*a]", "*nope", "!!binary AAAA", "|\n  text", "- x", ":", "~"])
        default: return String(string().prefix(40)).replacingOccurrences(of: "\n", with: " ")
        }
    }
}
