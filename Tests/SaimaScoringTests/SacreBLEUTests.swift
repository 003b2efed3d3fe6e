import Testing

@testable import SaimaScoring

/// Expected tokens and scores are sacrebleu 2.6.0's.
struct SacreBLEUTests {
    static func tokens(_ line: String, _ tokenizer: SacreBLEUTokenizer) -> [String] {
        tokenizer.tokens(line).map { String(scalars: $0) }
    }

    @Test(arguments: [
        ("Hello, world!", ["Hello", ",", "world", "!"]),
        ("3.14 and 1,000", ["3.14", "and", "1,000"]),
        ("state-of-the-art", ["state-of-the-art"]),
        ("2024-05-18", ["2024", "-", "05", "-", "18"]),
        ("Tom &amp; Jerry &lt;3", ["Tom", "&", "Jerry", "<", "3"]),
        ("a <skipped> b", ["a", "b"]),
        ("end.", ["end", "."]),
        ("a.b", ["a", ".", "b"]),
        ("hyphen-\nated", ["hyphenated"]),
        ("(1+2)*3=9", ["(", "1", "+", "2", ")", "*", "3", "=", "9"]),
        ("", []),
    ])
    func thirteenA(line: String, expected: [String]) {
        #expect(Self.tokens(line, .thirteenA) == expected)
    }

    @Test(arguments: [
        ("我爱北京。", ["我", "爱", "北", "京", "。"]),
        ("em—dash", ["em", "—", "dash"]),  // U+2014 lies in sacrebleu's accidental U+2001–U+2A6D range
        ("a\u{20000}b", ["a\u{20000}b"]),  // no code point above U+FFFF counts as Chinese
        ("ＡＢＣ", ["Ａ", "Ｂ", "Ｃ"]),
        ("  我 的iPhone 15，很好 ", ["我", "的", "iPhone", "15", "，", "很", "好"]),
        ("Ⅻ世纪", ["Ⅻ", "世", "纪"]),
    ])
    func chinese(line: String, expected: [String]) {
        #expect(Self.tokens(line, .zh) == expected)
    }

    @Test(arguments: [
        ("今天天气很好", ["今天天气不错"], SacreBLEUTokenizer.zh, 50.81327481546149),
        ("the cat sat on the mat", ["the cat is on the mat"], .thirteenA, 37.99178428257963),
        ("", ["x"], .thirteenA, 0.0),  // empty hypothesis
        ("the cat", ["the cat sat on the mat", "a cat"], .thirteenA, 100.00000000000004),  // closest reference length
        ("猫在垫子上", ["猫坐在垫子上", "一只猫在垫子上"], .zh, 81.87307530779823),
        ("dogs", ["the cat sat on the mat"], .thirteenA, 0.0),  // no overlap
    ])
    func sentenceBLEU(hypothesis: String, references: [String], tokenizer: SacreBLEUTokenizer, expected: Double) {
        #expect(
            SacreBLEU.sentenceScore(hypothesis: hypothesis, references: references, tokenizer: tokenizer) == expected)
    }

    @Test func corpusBLEU() {
        let hyps = ["the cat sat on the mat", "a dog"]
        #expect(
            Scorer.corpusBLEU(hypotheses: hyps, references: [["the cat is on the mat"], ["the dog"]], language: .en)
                == 35.355339059327385)
        // A second reference for the first segment only (sacrebleu: a `None` in the second stream).
        #expect(
            Scorer.corpusBLEU(
                hypotheses: hyps, references: [["the cat is on the mat", "a cat sat on the mat"], ["the dog"]],
                language: .en) == 77.70504259213554)
    }

    @Test func closestReferenceLengthPrefersTheShorterOnATie() {
        #expect(SacreBLEU.closestReferenceLength(5, [7, 3, 9]) == 3)
        #expect(SacreBLEU.closestReferenceLength(5, []) == 0)
    }
}
