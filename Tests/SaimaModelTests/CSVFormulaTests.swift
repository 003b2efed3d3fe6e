import SaimaBase
import Testing

/// Issue 19 row 16: cells that a spreadsheet would run as formulas get a leading `'`, including OWASP's tab- and
/// carriage-return-prefixed forms; numbers and plain text are left alone.
struct CSVFormulaTests {
    @Test(arguments: [
        ("=1+1", "'=1+1"), ("+cmd", "'+cmd"), ("-cmd", "'-cmd"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=cmd|' /C calc'!A0", "'\t=cmd|' /C calc'!A0"), ("\r=cmd", "\"'\r=cmd\""),
        ("-3.5", "-3.5"), ("甲队", "甲队"), ("a=b", "a=b"),
    ])
    func row16FormulaPrefixesAreNeutralized(cell: String, written: String) {
        #expect(CSVTable.field(cell) == written)
        #expect(CSVTable.field(cell, neutralizeFormulas: false).hasPrefix("'") == false)
    }
}
