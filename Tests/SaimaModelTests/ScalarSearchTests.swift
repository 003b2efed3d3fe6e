import SaimaBase
import Testing

/// Search over Unicode scalars, not characters: a decomposed `é` contains and starts with `e`, the precomposed one
/// does not; replacement scans left to right without overlaps.
@Suite("Scalar search")
struct ScalarSearchTests {
    /// `contains`: an empty needle is always found; matching restarts after a partial match.
    @Test func containsComparesScalars() {
        #expect(ScalarSearch.contains("abc", "") && ScalarSearch.contains("", ""))
        #expect(!ScalarSearch.contains("", "a") && !ScalarSearch.contains("ab", "abc"))
        #expect(ScalarSearch.contains("aab", "ab") && ScalarSearch.contains("答案：B", "：B"))
        #expect(ScalarSearch.contains("e\u{301}", "e"), "a scalar of a decomposed character")
        #expect(!ScalarSearch.contains("\u{E9}", "e"))
    }

    /// The byte search agrees with a plain scan of scalars on 20,000 seeded pairs drawn from a small alphabet of
    /// one- to four-byte scalars (ASCII, combining marks, CJK, full-width punctuation, an emoji), so partial matches,
    /// repeats and scalars sharing continuation bytes all occur.
    @Test func byteSearchAgreesWithAScalarScan() {
        let alphabet: [Unicode.Scalar] = ["a", "b", "A", "\u{301}", "\u{E9}", "答", "案", "：", "Ｂ", "\u{1F600}", "\u{1F601}"]
        func scan(_ h: String, _ n: String) -> Bool {
            let h = Array(h.unicodeScalars), n = Array(n.unicodeScalars)
            guard !n.isEmpty else { return true }
            guard n.count <= h.count else { return false }
            return (0...(h.count - n.count)).contains { h[$0..<($0 + n.count)].elementsEqual(n) }
        }
        var rng = SeededGenerator(seed: 20_261_207)
        func text(_ length: Int) -> String {
            var v = String.UnicodeScalarView()
            for _ in 0..<length { v.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            return String(v)
        }
        var found = 0
        for _ in 0..<20_000 {
            let h = text(Int(rng.next() % 12)), n = text(Int(rng.next() % 4))
            let expected = scan(h, n)
            #expect(ScalarSearch.contains(h, n) == expected, "\(h.unicodeScalars.map { $0.value }) ∋ \(n.unicodeScalars.map { $0.value })")
            if expected { found += 1 }
        }
        #expect(found > 2_000 && found < 18_000, "both outcomes are exercised (\(found) found)")
    }

    /// `replacing`: every non-overlapping occurrence, left to right; an empty or longer needle finds nothing.
    @Test func replacingIsLeftToRightWithoutOverlap() {
        #expect(ScalarSearch.replacing("ab", in: "xabyab", with: "_") == ("x_y_", true))
        #expect(ScalarSearch.replacing("aa", in: "aaa", with: "-") == ("-a", true))
        #expect(ScalarSearch.replacing("答案", in: "答案：A 答案：B", with: "#") == ("#：A #：B", true))
        #expect(ScalarSearch.replacing("", in: "abc", with: "-") == ("abc", false))
        #expect(ScalarSearch.replacing("abcd", in: "abc", with: "-") == ("abc", false))
        #expect(ScalarSearch.replacing("z", in: "abc", with: "-") == ("abc", false))
    }

    /// `hasPrefix` on scalars, where `String.hasPrefix` compares characters.
    @Test func hasPrefixComparesScalars() {
        #expect(ScalarSearch.hasPrefix("答案：A", "答案") && ScalarSearch.hasPrefix("", ""))
        #expect(!ScalarSearch.hasPrefix("a", "ab"))
        #expect(ScalarSearch.hasPrefix("e\u{301}", "e") && !"e\u{301}".hasPrefix("e"))
    }
}
