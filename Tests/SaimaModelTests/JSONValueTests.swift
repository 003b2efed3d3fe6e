import Foundation
import SaimaBase
import Testing

@Suite("JSON parsing and canonical writing")
struct JSONValueTests {
    @Test func stringsValueReadsAStringOrAListOfStrings() throws {
        #expect(try JSONValue.parse(#""B""#).stringsValue == ["B"])
        #expect(try JSONValue.parse(#"["A", 3, "C"]"#).stringsValue == ["A", "C"])
        #expect(try JSONValue.parse("7").stringsValue == nil)
        #expect(try JSONValue.parse("{}").stringsValue == nil)
    }

    @Test func parsesEveryKind() throws {
        let v = try JSONValue.parse(#" {"a":[1,2.5,-3e2,true,false,null],"b":{"c":"d\n\u00e9\ud83d\ude00"}} "#)
        #expect(v["a"] == .array([.number(1), .number(2.5), .number(-300), .bool(true), .bool(false), .null]))
        #expect(v["b"]?["c"] == .string("d\né😀"))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "tru", "01", "1.", "\"\\x\"", "\"a", "{\"a\":1} x", "\"\u{01}\"",
        "\"\\ud800\"", "[1 2]",
    ])
    func rejectsInvalidJSON(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(text) }
    }

    @Test func rejectsInvalidUTF8AndDeepNesting() {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Data([0x22, 0xFF, 0x22])) }
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(deep) }
    }

    @Test func canonicalFormIsSortedCompactAndRoundTrips() throws {
        let v = try JSONValue.parse(#"{"b":1.0,"a":"x\"y\\z\n\u2028","c":[3,1e20]}"#)
        #expect(v.canonicalJSON == #"{"a":"x\"y\\z\n\u2028","b":1,"c":[3,1e+20]}"#)
        #expect(try JSONValue.parse(v.canonicalJSON) == v)
    }

    @Test func escapesControlCharacters() {
        #expect(JSONValue.string("a\u{01}b\tc").canonicalJSON == #""a\u0001b\tc""#)
        #expect(JSONValue.string("中文").canonicalJSON == "\"中文\"")
    }

    /// Integers read without text conversion equal `Double(text)` exactly (signs, zero, 15 digits, and the slow path
    /// beyond), and a repeated key keeps its last value.
    @Test func numbersMatchDoubleParsingAndRepeatedKeysKeepTheLast() throws {
        var generator = SeededGenerator(seed: 7)
        var texts = ["0", "-0", "7", "-7", "999999999999999", "-999999999999999", "1000000000000000",
                     "9007199254740993", "123456789012345678901234567890", "0.5", "-0.0", "1e3", "1E-2", "12.5e+1"]
        for _ in 0..<3_000 {
            let digits = 1 + generator.below(18)
            var t = String(1 + generator.below(9))
            for _ in 1..<digits { t += String(generator.below(10)) }
            texts.append(generator.below(2) == 0 ? t : "-" + t)
        }
        for text in texts {
            let parsed = try JSONValue.parse("[\(text)]").arrayValue?.first?.numberValue
            let expected = Double(text)
            #expect(parsed == expected, "\(text)")
            #expect(parsed?.sign == expected?.sign, "\(text)")
        }
        #expect(try JSONValue.parse(#"{"a":1,"b":2,"a":3}"#) == .object(["a": .number(3), "b": .number(2)]))
        #expect(try JSONValue.parse("{}") == .object([:]))
    }
}
