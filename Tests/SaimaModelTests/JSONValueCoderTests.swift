import SaimaBase
import Testing

@Suite("Codable records on Saima's JSON stack")
struct JSONValueCoderTests {
    struct Record: Codable, Equatable {
        struct Entry: Codable, Equatable {
            var name: String
            var weight: Double
            var tags: [String]
        }

        var id: String
        var count: Int
        var big: UInt64
        var flag: Bool
        var note: String?
        var entries: [Entry]
        var extra: JSONValue?
        var maybe: [Int?]
        var nested: [String: [Int]]

        enum CodingKeys: String, CodingKey {
            case id, count, big, flag, note, entries, extra, maybe, nested
        }
    }

    static let record = Record(
        id: "法律/q1 \"quoted\"", count: -42, big: 9_007_199_254_740_991, flag: true, note: nil,
        entries: [.init(name: "甲", weight: 0.25, tags: []), .init(name: "乙", weight: 2, tags: ["a", "b"])],
        extra: .object(["k": .array([.null, .bool(false), .number(1.5)])]), maybe: [1, nil, 3], nested: ["x": [1, 2]])

    /// Encode → pretty text → parse → decode gives the record back; a nil optional is left out, not written null.
    @Test func roundTripsThroughPrettyText() throws {
        let json = try JSONValueCoder.encode(Self.record)
        #expect(json["note"] == nil)
        #expect(json["count"] == .number(-42))
        #expect(json["maybe"] == .array([.number(1), .null, .number(3)]))
        let text = try PrettyJSON.string(json)
        let back = try JSONValueCoder.decode(Record.self, from: try JSONValue.parse(text))
        #expect(back == Self.record)
    }

    /// The pretty writer's layout: sorted keys, two-space indent, `"key": value`, `[]` and `{}` for empties.
    @Test func prettyLayout() throws {
        let text = try PrettyJSON.string(.object([
            "b": .array([.number(1), .string("二")]), "a": .object([:]), "c": .array([]), "d": .string("a/b\n"),
        ]))
        #expect(text == """
            {
              "a": {},
              "b": [
                1,
                "二"
              ],
              "c": [],
              "d": "a/b\\n"
            }
            """)
    }

    /// Numbers that an integer field cannot hold exactly are errors naming the field, never traps.
    @Test(arguments: [JSONValue.number(1e30), .number(2.5), .number(-1), .string("7"), .null])
    func badIntegersAreErrors(value: JSONValue) {
        struct Small: Codable { var n: UInt8 }
        #expect(throws: DecodingError.self) { try JSONValueCoder.decode(Small.self, from: .object(["n": value])) }
    }

    /// A missing required field names itself; a missing optional one is nil.
    @Test func missingFields() throws {
        struct Need: Codable {
            var a: String
            var b: Int?
        }
        let need = try JSONValueCoder.decode(Need.self, from: .object(["a": .string("x")]))
        #expect(need.a == "x" && need.b == nil)
        do {
            _ = try JSONValueCoder.decode(Need.self, from: .object(["b": .number(1)]))
            Issue.record("a missing required field must throw")
        } catch DecodingError.keyNotFound(let key, _) {
            #expect(key.stringValue == "a")
        }
    }

    /// Whole numbers a JSON number cannot hold exactly are refused both ways, never rounded.
    @Test func integersBeyondTwoToThe53AreRefused() throws {
        struct Big: Codable { var n: UInt64 }
        #expect(throws: EncodingError.self) { try JSONValueCoder.encode(Big(n: 9_007_199_254_740_993)) }
        #expect(try JSONValueCoder.encode(Big(n: 9_007_199_254_740_991))["n"] == .number(9_007_199_254_740_991))
        #expect(throws: DecodingError.self) {
            try JSONValueCoder.decode(Big.self, from: JSONValue.parse(#"{"n": 9007199254740993}"#))
        }
    }

    @Test func infinityCannotBeEncoded() {
        struct F: Codable { var x: Double }
        #expect(throws: EncodingError.self) { try JSONValueCoder.encode(F(x: .infinity)) }
    }
}
