import SaimaModel
import Testing

/// Letters typed in a sheet cell: compatibility-normalized and upper-cased, an answer prefix dropped, separators
/// skipped, repeats merged, sorted; nil for anything else, including a letter the item does not offer.
struct ChoiceLettersTests {
    /// Each cell, against the offered letters A–D, reads as exactly these letters, or as nothing.
    @Test(arguments: [
        ("AC", "AC"), ("a c", "AC"), ("C,A", "AC"), ("A、C", "AC"), (#"["A","C"]"#, "AC"), ("(B)", "B"), ("AA", "A"),
        ("答案：B", "B"), ("答案B", "B"), ("正确答案：C", "C"), ("Answer: b", "B"), ("ＡＢ", "AB"), ("A;B/C", "ABC"),
        ("A.C。", "AC"), ("A\tC", "AC"), ("AE", nil), ("A-C", nil), ("", nil), ("  ", nil), ("答案：", nil),
        ("答 案：B", nil),
    ] as [(String, String?)])
    func cellsAreReadAsLetters(cell: String, letters: String?) {
        #expect(ChoiceLetters.parse(cell, offered: ["A", "B", "C", "D"]) == letters)
    }
}
