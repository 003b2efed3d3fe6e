import Foundation

/// Human-readable JSON output: sorted keys, indented, slashes and non-ASCII left as they are.
public enum PrettyJSON {
    public static func string(_ value: JSONValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
