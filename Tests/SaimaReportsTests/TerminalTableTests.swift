import SaimaReports
import Testing

/// Plain-text tables for terminals: columns padded to the widest cell by display width, two spaces apart, a dashed
/// rule under the header, no trailing spaces; and the display width of wide, combining and zero-width characters.
@Suite("Terminal tables")
struct TerminalTableTests {
    /// Exact lines: a Chinese header counts two columns a character, the right-aligned column is padded on the left,
    /// a short row gets empty cells and loses its trailing spaces, and extra cells are ignored.
    @Test func exactLayout() {
        var table = TerminalTable(headers: ["队伍", "分"], alignments: [.left, .right])
        table.append(["ab", "7.5"])
        table.append(["明川智算", "80", "ignored"])
        table.append(["only"])
        #expect(table.render() == "队伍       分\n--------  ---\nab        7.5\n明川智算   80\nonly")
    }

    /// Without alignments every column is left-aligned, and a table without rows is its header and rule.
    @Test func defaultsToLeftAlignment() {
        var table = TerminalTable(headers: ["a", "bb"])
        #expect(table.render() == "a  bb\n-  --")
        table.append(["xyz", "1"])
        #expect(table.render() == "a    bb\n---  --\nxyz  1")
    }

    /// Fewer alignments than columns: the columns past them are left-aligned (the renderer never indexes past the
    /// list).
    @Test func missingAlignmentsAreLeft() {
        var table = TerminalTable(headers: ["分数", "队", "备注"], alignments: [.right])
        table.append(["9", "甲", "x"])
        #expect(table.render() == "分数  队  备注\n----  --  ----\n   9  甲  x")
    }

    /// Combining marks, zero-width spaces, NUL and the emoji variation selector take no column; CJK ideographs,
    /// Hangul, full-width forms and emoji of the wide blocks take two; everything else one.
    @Test func displayWidths() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("a\u{200B}b\u{0}") == 2)
        #expect(DisplayWidth.of("❤\u{FE0F}") == 1)
        #expect(DisplayWidth.of("🐎赛马") == 6)
        #expect(DisplayWidth.of("Ａ한") == 4)
        #expect(DisplayWidth.of("Ω ß") == 3)
        #expect(DisplayWidth.width(of: "𠀀") == 2)
    }
}
