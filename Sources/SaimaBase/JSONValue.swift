public import Foundation

/// A JSON value as read from question files, submission `extra_body` or endpoint replies.
///
/// Numbers are kept as `Double`; integers up to 2^53 round-trip exactly.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The string payload, if this is a string.
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    /// The numeric payload, if this is a number.
    public var numberValue: Double? { if case .number(let n) = self { n } else { nil } }
    /// The boolean payload, if this is a boolean.
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    /// The members, if this is an object.
    public var objectValue: [String: JSONValue]? { if case .object(let o) = self { o } else { nil } }
    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    /// A string as a one-element list, or an array's string elements (others skipped); nil for any other value.
    /// Benchmarks write an answer either way (`"B"` or `["A", "C"]`).
    public var stringsValue: [String]? {
        switch self {
        case .string(let s): [s]
        case .array(let a): a.compactMap(\.stringValue)
        default: nil
        }
    }

    /// Member lookup on objects; `nil` for other values.
    public subscript(key: String) -> JSONValue? { objectValue?[key] }

    /// A short name of the value's kind, for error messages.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? container.decode(Double.self) {
            self = .number(n)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else if let a = try? container.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .number(let n): try container.encode(n)
        case .string(let s): try container.encode(s)
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }
}

extension JSONValue {
    /// Parses one JSON document; throws `JSONSyntaxError` with a readable message.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    /// Parses one JSON document from bytes (strict RFC 8259, see `JSONParser`).
    public static func parse(_ data: Data) throws(JSONSyntaxError) -> JSONValue {
        try JSONParser.parse(data)
    }

    /// Parses one JSON document from a slice of UTF-8 bytes.
    public static func parse(_ bytes: ArraySlice<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        try JSONParser.parse(bytes)
    }

    /// Canonical serialization: object keys sorted (by UTF-16 code units, as `String` sorts),
    /// no insignificant whitespace, integers without a fraction, strings escaped minimally.
    /// Two values that are equal serialize identically.
    public var canonicalJSON: String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        writeCanonical(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the canonical serialization as UTF-8 bytes.
    public func writeCanonical(into out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: JSONValue.format(number: n).utf8)
        case .string(let s): JSONValue.writeEscaped(s, into: &out)
        case .array(let a):
            out.append(UInt8(ascii: "["))
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                v.writeCanonical(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            out.append(UInt8(ascii: "{"))
            for (i, member) in o.sorted(by: { $0.key < $1.key }).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeEscaped(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                member.value.writeCanonical(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Formats a number the way JSON writers do: integral values without a fraction.
    public static func format(number n: Double) -> String {
        if n.isNaN || n.isInfinite { return "null" }
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }

    /// Appends `s` as a JSON string literal.
    public static func writeEscaped(_ s: String, into out: inout String) {
        var bytes: [UInt8] = []
        writeEscaped(s, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `s` as a JSON string literal in UTF-8: escapes quote, backslash, control characters
    /// and U+2028/U+2029; copies everything else as it is.
    public static func writeEscaped(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                let isLineSeparator = b == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80
                    && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9)
                guard b < 0x20 || b == 0x22 || b == 0x5C || isLineSeparator else {
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                out.append(0x5C)
                switch b {
                case 0x22, 0x5C: out.append(b)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0xE2:
                    out.append(contentsOf: (bytes[i + 2] == 0xA8 ? "u2028" : "u2029").utf8)
                    i += 2
                default:
                    out.append(contentsOf: "u00".utf8)
                    out.append(hexDigits[Int(b >> 4)])
                    out.append(hexDigits[Int(b & 0xF)])
                }
                i += 1
                runStart = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}

/// A JSON document that could not be parsed.
public struct JSONSyntaxError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
