/// The formats `saima import --from` reads.
package enum ImportFormat: String, Sendable, CaseIterable {
    /// Excel/WPS workbooks: every sheet with a recognised header row (`SheetLayout`).
    case xlsx
    /// CSV in UTF-8 or GBK, same columns as `xlsx`.
    case csv
    /// GAOKAO-Bench JSON: `{"keywords", "example": [{year, category, question, answer: [...], analysis, index, score}]}`.
    case gaokaoBench = "gaokao-bench"
    /// AGIEval JSON Lines: `{passage, question, options: ["(A)…"], label, answer, other}`.
    case agieval
    /// LawBench JSON: `[{instruction, question, answer}]`.
    case lawbench
    /// LexEval JSON Lines (in `.json` files): `{instruction, input, answer}`.
    case lexeval
    /// C-Eval CSV: `id, question, A, B, C, D, answer, explanation`.
    case ceval
    /// CMMLU CSV: `(index), Question, A, B, C, D, Answer`.
    case cmmlu
}

/// One imported item: the JSON object written to the question file, and where it came from.
package struct ImportedItem: Sendable {
    package var fields: [String: JSONValue]
    /// `file.xlsx:Sheet1!7`, `file.jsonl:12`, …
    package var location: String
    package init(fields: [String: JSONValue], location: String) {
        self.fields = fields
        self.location = location
    }
}

/// What an importer read: items, and every problem located (`file.xlsx:Sheet1!C17: message`).
package struct ImportResult: Sendable {
    package var items: [ImportedItem] = []
    package var problems: [LocatedProblem] = []
    /// Notes that are not problems (a sheet without a header row was skipped, …).
    package var notes: [String] = []
    package init() {}
}

package import SaimaBase
import SaimaModel