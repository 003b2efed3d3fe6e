import SaimaBase
import Testing

/// The strict parser's limits, with the byte offset its errors name: nesting depth, `\u` escapes and surrogate pairs,
/// number grammar and range, and what may surround a value.
@Suite("JSON parser: depth, escapes, numbers, offsets")
struct JSONParserLimitsTests {
    static func failure(_ text: String) -> String? {
        do {
            _ = try JSONValue.parse(text)
            return nil
        } catch {
            return error.message
        }
    }

    /// Values nest at most 512 deep, counting the outermost as depth 0: 512 nested empty arrays or objects parse,
    /// the 513th container (or a number inside 512 arrays) is refused at the byte where it starts.
    @Test func nestingStopsAtDepth512() throws {
        let arrays = { (n: Int, inner: String) in
            String(repeating: "[", count: n) + inner + String(repeating: "]", count: n)
        }
        #expect(try JSONValue.parse(arrays(512, "")).arrayValue?.count == 1)
        #expect(try JSONValue.parse(arrays(511, "1")).arrayValue?.count == 1)
        #expect(Self.failure(arrays(513, "")) == "invalid JSON at byte 512: nested deeper than 512")
        #expect(Self.failure(arrays(512, "1")) == "invalid JSON at byte 512: nested deeper than 512")
        let objects = { (n: Int) in String(repeating: #"{"a":"#, count: n - 1) + "{}" + String(repeating: "}", count: n - 1) }
        #expect(throws: Never.self) { try JSONValue.parse(objects(512)) }
        #expect(Self.failure(objects(513)) == "invalid JSON at byte \(512 * 5): nested deeper than 512")
    }

    /// `\u` escapes: upper- or lower-case hex, pairs of surrogates joined into one scalar, `\u0000` kept as NUL.
    @Test func unicodeEscapesDecode() throws {
        #expect(try JSONValue.parse(#""\ud83d\ude00\uD83D\uDE00""#) == .string("😀😀"))
        #expect(try JSONValue.parse(#""\u4e2d\u6587\u00E9""#) == .string("中文é"))
        #expect(try JSONValue.parse(#""a\u0000b""#).stringValue?.unicodeScalars.map(\.value) == [0x61, 0, 0x62])
        #expect(try JSONValue.parse(#""\/\b\f\n\r\t\"\\""#) == .string("/\u{08}\u{0C}\n\r\t\"\\"))
    }

    /// A lone or misordered surrogate, a short or non-hex escape and an unknown escape are refused where they end.
    @Test(arguments: [
        (#""\ud83d""#, "invalid JSON at byte 7: unpaired surrogate"),
        (#""\ud83dx""#, "invalid JSON at byte 7: unpaired surrogate"),
        (#""\ude00\ud83d""#, "invalid JSON at byte 7: unpaired surrogate"),
        (#""\ud83d\u0041""#, "invalid JSON at byte 13: invalid surrogate pair"),
        (#""\u12""#, "invalid JSON at byte 3: short \u{5C}u escape"),
        (#""\u12g4""#, "invalid JSON at byte 5: invalid hex digit"),
        (#""\x""#, "invalid JSON at byte 3: invalid escape"),
        ("\"a\tb\"", "invalid JSON at byte 2: control character in a string"),
    ])
    func badEscapesAreRefusedAtTheirOffset(text: String, message: String) {
        #expect(Self.failure(text) == message)
    }

    /// Numbers follow RFC 8259's grammar; a value beyond a Double's range is refused (an infinity could only be
    /// written back as `null`), one too small becomes 0.
    @Test func numbersFollowTheGrammarAndSaturate() throws {
        #expect(try JSONValue.parse("-0").numberValue?.sign == .minus)
        #expect(try JSONValue.parse("1E+2") == .number(100))
        #expect(try JSONValue.parse("[0.1,1e-2,-12.5e1]") == .array([.number(0.1), .number(0.01), .number(-125)]))
        #expect(Self.failure("1e400")?.hasSuffix("number out of range") == true, "\(Self.failure("1e400") ?? "")")
        #expect(Self.failure("[-1e400]")?.hasSuffix("number out of range") == true)
        #expect(try JSONValue.parse("1e-400") == .number(0))
        for text in ["-", "+1", ".5", "1e", "1e+", "1.e3", "-a"] { #expect(Self.failure(text) != nil, "\(text)") }
        #expect(Self.failure("00") == "invalid JSON at byte 1: unexpected text after the JSON value")
    }

    /// Only space, tab, CR and LF may surround a value: a byte-order mark or a no-break space is refused at byte 0.
    @Test func onlyJSONWhitespaceSurroundsAValue() throws {
        #expect(try JSONValue.parse(" \t\r\n{}\n ") == .object([:]))
        #expect(Self.failure("\u{FEFF}{}") == "invalid JSON at byte 0: unexpected character")
        #expect(Self.failure("\u{A0}1") == "invalid JSON at byte 0: unexpected character")
        #expect(Self.failure("") == "invalid JSON at byte 0: unexpected end of input")
        #expect(Self.failure("   ") == "invalid JSON at byte 3: unexpected end of input")
        #expect(Self.failure("nul") == "invalid JSON at byte 0: unexpected end of input")
        #expect(Self.failure("nulx") == "invalid JSON at byte 0: invalid literal")
        #expect(Self.failure(#"{"a":1,}"#) == "invalid JSON at byte 7: expected a key string")
        #expect(Self.failure("{1:2}") == "invalid JSON at byte 1: expected a key string")
    }

    /// A slice of a byte array parses on its own bounds.
    @Test func aSliceParsesWithinItsBounds() throws {
        let bytes = Array("xx[1,\"二\"]yy".utf8)
        #expect(try JSONValue.parse(bytes[2..<(bytes.count - 2)]) == .array([.number(1), .string("二")]))
    }
}
