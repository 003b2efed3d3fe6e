import Testing

@testable import SaimaScoring

struct TextNormalizerTests {
    @Test(arguments: [
        ("ＡＢＣ　１２３", "abc 123"),  // NFKC: full-width → ASCII, U+3000 → space
        ("  Hello\t\n  World  ", "hello world"),
        ("《西游记》", "《西游记》"),  // normalize keeps punctuation
        ("ﬁ", "fi"),
        ("", ""),
    ])
    func normalize(input: String, expected: String) {
        #expect(TextNormalizer.normalize(input) == expected)
    }

    @Test(arguments: [
        ("《西游记》。", "西游记"),
        ("“你好”，世界！", "你好世界"),
        ("（B）", "b"),
        ("Hello, World!", "hello world"),
        ("2 小时", "2小时"),  // whitespace next to a CJK character is dropped
        ("Li  Chunyan", "li chunyan"),
        ("2<x<3", "2<x<3"),  // math symbols are not punctuation
        ("【注意】…", "注意"),
        ("snake_case-name", "snakecasename"),
        ("👍 好", "👍好"),
        ("。，！", ""),
        ("1.25%", "1.25"),  // a decimal point is kept, the percent sign is not
        ("1,234.", "1234"),  // a thousands comma and a final period are dropped
    ])
    func matchingForm(input: String, expected: String) {
        #expect(TextNormalizer.matchingForm(input) == expected)
    }
}

struct PythonTextTests {
    @Test func lowercaseFollowsPythonIncludingFinalSigma() {
        func lower(_ s: String) -> String { String(scalars: PythonText.lowercased(Array(scalarsOf: s))) }
        #expect(lower("ΑΣ Σ") == "ας σ")
        #expect(lower("ΟΔΟΣ.") == "\u{3BF}\u{3B4}\u{3BF}\u{3C2}.")  // "." is case-ignorable: Σ is still final
        #expect(lower("\u{212A}") == "k")
        #expect(lower("\u{130}").unicodeScalars.map(\.value) == [0x69, 0x307])
        #expect(lower("ABC北京") == "abc北京")
    }

    @Test func whitespaceIsPythonsIsspace() {
        for v: UInt32 in [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1F, 0x20, 0x85, 0xA0, 0x2000, 0x2028, 0x3000] {
            #expect(PythonText.isSpace(Unicode.Scalar(v)!))
        }
        for v: UInt32 in [0x200B, 0x41, 0x4E00, 0xFEFF] { #expect(!PythonText.isSpace(Unicode.Scalar(v)!)) }
        let parts = PythonText.split(Array(scalarsOf: " a\u{1C}b\u{3000}c  ")).map { String(scalars: $0) }
        #expect(parts == ["a", "b", "c"])
    }
}
