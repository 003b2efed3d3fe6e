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
