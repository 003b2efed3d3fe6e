/// The bounds every workbook is read within, so that a small hostile file cannot take the process's memory, stack or
/// time: a ZIP whose headers lie about sizes, millions of tiny elements, cells far to the right, nesting thousands
/// deep, thousands of sheets naming one part. Exceeding one is a located error (`file.xlsx` or `file.xlsx:Sheet`).
package struct SheetLimits: Sendable {
    /// Uncompressed bytes of one XML part, counted while inflating (a header's declared size is not trusted).
    package var partBytes = 64 << 20
    /// Uncompressed bytes of all parts read from one workbook.
    var workbookBytes = 256 << 20
    /// XML elements in one part.
    package var elements = 4_000_000
    /// Element nesting depth in one part (an .xlsx sheet nests about six deep).
    package var depth = 64
    /// Sheets in one workbook.
    package var sheets = 256
    /// Cells a workbook's sheets may hold once laid out as rows × columns (blank cells to the left included; each
    /// laid-out row counts as one more, so that millions of empty rows cost their share).
    package var cells = 10_000_000

    package init() {}

    /// The limits every reader uses.
    package static let standard = SheetLimits()
}
