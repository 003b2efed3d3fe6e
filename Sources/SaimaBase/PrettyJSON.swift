/// Human-readable JSON output on Saima's own JSON stack: keys sorted as in `canonicalJSON`, two-space indentation,
/// `"key": value`, strings escaped exactly as `canonicalJSON` escapes them (slashes and non-ASCII left as they are),
/// empty arrays and objects as `[]` and `{}`. Parsing the text back gives the same value.
public enum PrettyJSON {
    public static func string(_ value: JSONValue) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(value, indent: 0, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A `Codable` record, encoded with `JSONValueCoder`.
    public static func string(encoding value: some Encodable) throws -> String {
        try string(try JSONValueCoder.encode(value))
    }

    private static func write(_ value: JSONValue, indent: Int, into out: inout [UInt8]) {
        func newline(_ level: Int) {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * 2))
        }
        switch value {
        case .array(let a) where !a.isEmpty:
            out.append(UInt8(ascii: "["))
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                write(v, indent: indent + 1, into: &out)
            }
            newline(indent)
            out.append(UInt8(ascii: "]"))
        case .object(let o) where !o.isEmpty:
            out.append(UInt8(ascii: "{"))
            for (i, member) in o.sorted(by: { $0.key < $1.key }).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                JSONValue.writeEscaped(member.key, into: &out)
                out.append(contentsOf: ": ".utf8)
                write(member.value, indent: indent + 1, into: &out)
            }
            newline(indent)
            out.append(UInt8(ascii: "}"))
        default:
            value.writeCanonical(into: &out)
        }
    }
}
