import SaimaBase
import Testing

@testable import SaimaScoring

/// Expected values are rouge-score 0.1.2's (`RougeScorer(..., tokenizer=…)`), recomputed by hand where short.
struct RougeTests {
    static func f(_ target: String, _ prediction: String, _ kind: Rouge.Kind, _ language: ScoringLanguage) -> Double {
        Rouge.score(target: target, prediction: prediction, kind: kind, language: language).fmeasure
    }

    @Test(arguments: [
        // (target, prediction, rouge1, rouge2, rougeL)
        ("北京", "", 0.0, 0.0, 0.0),  // empty prediction
        ("", "北京", 0.0, 0.0, 0.0),  // empty reference
        ("今天天气很好", "今天天气很好", 1.0, 1.0, 1.0),  // identical
        ("北京", "上海", 0.0, 0.0, 0.0),  // no overlap
        ("我爱👍", "👍我爱", 1.0, 0.5, 2.0 / 3),  // emoji is one code point
        ("👨‍👩‍👧", "👨👩👧", 0.7499999999999999, 0.0, 0.7499999999999999),  // ZWJ sequence: 5 code points vs 3
        ("我用iPhone 15", "我用 iphone15", 1.0, 1.0, 1.0),  // mixed: characters, lowercased, spaces dropped
        ("ΑΣ Σ", "ας σ", 1.0, 1.0, 1.0),  // Python's final sigma
    ])
    func chineseCharacters(target: String, prediction: String, r1: Double, r2: Double, rl: Double) {
        #expect(Self.f(target, prediction, .ngram(1), .zh) == r1)
        #expect(Self.f(target, prediction, .ngram(2), .zh) == r2)
        #expect(Self.f(target, prediction, .longestCommonSubsequence, .zh) == rl)
    }

    @Test(arguments: [
        ("king", "\u{212A}ing", 1.0, 0.0, 1.0),  // KELVIN SIGN lowercases to k
        ("istanbul", "\u{130}stanbul", 0.0, 0.0, 0.0),  // İ lowercases to i + U+0307, which splits the word
        ("我用iPhone 15", "我用 iphone15", 0.0, 0.0, 0.0),  // en tokens: [iphone, 15] vs [iphone15]
        ("the cat sat on the mat", "the cat on the mat", 0.9090909090909091, 0.6666666666666665, 0.9090909090909091),
        ("", "x", 0.0, 0.0, 0.0),
        ("a b a b", "a b", 0.6666666666666666, 0.5, 0.6666666666666666),
    ])
    func englishTokens(target: String, prediction: String, r1: Double, r2: Double, rl: Double) {
        #expect(Self.f(target, prediction, .ngram(1), .en) == r1)
        #expect(Self.f(target, prediction, .ngram(2), .en) == r2)
        #expect(Self.f(target, prediction, .longestCommonSubsequence, .en) == rl)
    }

    @Test func multiReferenceKeepsTheBestFMeasure() {
        let best = Rouge.scoreMulti(
            targets: ["北京欢迎你", "欢迎"], prediction: "欢迎你", kind: .longestCommonSubsequence, language: .zh)
        #expect(best == Rouge.Score(precision: 2.0 / 3, recall: 1, fmeasure: 0.8))
        #expect(Rouge.scoreMulti(targets: [], prediction: "x", kind: .ngram(1), language: .en) == nil)
    }

    @Test func tokenizers() {
        #expect(
            RougeTokenizer.english("Hello, World! It's 2024.").map { String(scalars: $0) } == [
                "hello", "world", "it", "s", "2024",
            ])
        #expect(RougeTokenizer.chinese("A b\u{3000}中。").map(\.value) == [0x61, 0x62, 0x4E2D, 0x3002])
    }

    @Test func bitParallelLCSAgreesWithTheTable() {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<500 {
            let alphabet = Int(rng.next() % 6) + 1
            let a = (0..<Int(rng.next() % 200)).map { _ in Int32(rng.next() % UInt64(alphabet)) }
            let b = (0..<Int(rng.next() % 200)).map { _ in Int32(rng.next() % UInt64(alphabet)) }
            #expect(
                LongestCommonSubsequence.length(a, b, alphabetSize: alphabet)
                    == LongestCommonSubsequence.lengthByTable(a, b))
        }
        #expect(LongestCommonSubsequence.length([], [1], alphabetSize: 2) == 0)
        #expect(LongestCommonSubsequence.length([0, 1, 2, 3], [3, 1, 2, 0], alphabetSize: 4) == 2)
    }
}

/// A tiny deterministic generator for randomized tests.
