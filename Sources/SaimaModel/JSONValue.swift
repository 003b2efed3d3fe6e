import Foundation

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
        try parse(Data(text.utf8))
    }

    /// Parses one JSON document from bytes.
    public static func parse(_ data: Data) throws(JSONSyntaxError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch let error as DecodingError {
            throw JSONSyntaxError(message: error.readableDescription)
        } catch {
            throw JSONSyntaxError(message: String(describing: error))
        }
    }

    /// Canonical serialization: object keys sorted, no insignificant whitespace, integers without
    /// a fraction, strings escaped minimally. Two values that are equal serialize identically.
    public var canonicalJSON: String {
        var out = ""
        writeCanonical(into: &out)
        return out
    }

    /// Compact serialization with sorted keys (same as `canonicalJSON`), for request bodies.
    public var jsonText: String { canonicalJSON }

    private func writeCanonical(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += JSONValue.format(number: n)
        case .string(let s): JSONValue.writeEscaped(s, into: &out)
        case .array(let a):
            out += "["
            for (i, v) in a.enumerated() {
                if i > 0 { out += "," }
                v.writeCanonical(into: &out)
            }
            out += "]"
        case .object(let o):
            out += "{"
            for (i, key) in o.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                JSONValue.writeEscaped(key, into: &out)
                out += ":"
                o[key]!.writeCanonical(into: &out)
            }
            out += "}"
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
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

/// A JSON document that could not be parsed.
public struct JSONSyntaxError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

extension DecodingError {
    /// A one-line description without Swift type noise.
    public var readableDescription: String {
        switch self {
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return "invalid JSON: " + (underlying ?? context.debugDescription)
        case .keyNotFound(let key, _): return "missing field `\(key.stringValue)`"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "wrong type at `\(path)`: \(context.debugDescription)"
        @unknown default: return "invalid JSON"
        }
    }
}
