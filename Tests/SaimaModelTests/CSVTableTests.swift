import SaimaBase
import Testing

/// RFC 4180 reading and writing: quoted fields with commas, doubled quotes and line breaks, the line each row starts
/// on, a byte-order mark, blank lines, an unterminated quote, and plain decimal cells.
@Suite("CSV table: rows, lines, fields, decimals")
struct CSVTableTests {
    /// Rows carry the line they start on (a quoted line break moves later rows down); the BOM, blank lines and the
    /// missing final line break change nothing; CRLF, LF and a lone CR all end a row.
    @Test func rowsKeepTheirStartingLines() {
        let text = "\u{FEFF}id,text\r\n1,\"a,b\"\r\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n\n4,last\r5,,"
        let table = CSVTable.parseChecked(text)
        #expect(table.unterminatedQuoteLine == nil)
        #expect(table.rows.map(\.line) == [1, 2, 3, 4, 7, 8])
        #expect(table.rows.map(\.fields) == [
            ["id", "text"], ["1", "a,b"], ["2", "say \"hi\""], ["3", "two\nlines"], ["4", "last"], ["5", "", ""],
        ])
    }

    /// A quote inside an unquoted field is kept as text; text after a closing quote joins the field.
    @Test func strayQuotesAreText() {
        #expect(CSVTable.parse("a\"b,\"cd\"e\n").map(\.fields) == [["a\"b", "cde"]])
    }

    /// A quote that never closes swallows the rest of the file: the rows before it are read and its line is named.
    @Test func anUnterminatedQuoteNamesItsLine() {
        let table = CSVTable.parseChecked("a,b\n\"open,x\ny\nz\n")
        #expect(table.rows.map(\.fields) == [["a", "b"]])
        #expect(table.unterminatedQuoteLine == 2)
    }

    /// Written lines end in CRLF; fields holding a comma, quote or line break are quoted with quotes doubled; formula
    /// prefixes get `'` unless turned off; and what is written reads back as the same fields.
    @Test func linesAreQuotedOnlyWhereNeededAndReadBack() {
        let fields = ["甲队", "a,b", "say \"hi\"", "two\r\nlines", "=1+1", "-3", " padded "]
        #expect(CSVTable.line(fields) == "甲队,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",'=1+1,-3, padded \r\n")
        let raw = CSVTable.line(fields, neutralizeFormulas: false)
        #expect(raw == "甲队,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",=1+1,-3, padded \r\n")
        #expect(CSVTable.parse(raw + raw).map(\.fields) == [fields, fields])
        #expect(CSVTable.parse(raw + raw).map(\.line) == [1, 3])
    }

    /// A decimal cell is plain digits, sign, point and exponent around optional spaces and tabs; hexadecimal, `inf`,
    /// `nan`, overflow, full-width digits, thousands separators and line breaks are not numbers.
    @Test(arguments: [
        ("3", 3.0), (" 2.5 ", 2.5), ("\t-1\t", -1), ("+4", 4), ("1e3", 1000), ("1.5E-3", 0.0015), ("-0", -0.0),
        ("0x3", nil), ("inf", nil), ("nan", nil), ("1e400", nil), ("１２", nil), ("1,000", nil), ("3\n", nil),
        ("", nil), ("  ", nil), (".", nil), ("1e", nil), ("--1", nil),
    ] as [(String, Double?)])
    func decimalCells(cell: String, value: Double?) {
        #expect(CSVTable.decimal(cell) == value)
    }
}
