import Foundation
import SaimaBase

/// The Markdown tables of the agreement measurements: a header, one line per group sorted by name, then the total as
/// `**all**`.
public enum AgreementTable {
    /// A table whose first column names the group and whose other cells `cells` gives for each group's row.
    public static func render<Row>(header: [String], rows: [String: Row], total: Row, cells: (Row) -> [String]) -> String {
        var out = "| " + header.joined(separator: " | ") + " |\n"
        out += "|---|" + String(repeating: "---:|", count: max(0, header.count - 1)) + "\n"
        for (name, r) in rows.sorted(by: { $0.key < $1.key }) { out += "| " + ([name] + cells(r)).joined(separator: " | ") + " |\n" }
        return out + "| " + (["**all**"] + cells(total)).joined(separator: " | ") + " |\n"
    }

    /// `a` of `n` as a percentage with two decimals (`96.38%`); `—` when `n` is 0.
    public static func percent(_ a: Int, _ n: Int) -> String {
        n == 0 ? "—" : String(format: "%.2f%%", 100 * Double(a) / Double(n))
    }

    /// A percentage with its 95% Wilson interval in points (`96.91% (96.3–97.4)`); `—` when `n` is 0.
    public static func percentWithInterval(_ a: Int, _ n: Int) -> String {
        guard n > 0 else { return "—" }
        let (low, high) = wilsonInterval(Double(a) / Double(n), n: n)
        return percent(a, n) + String(format: " (%.1f–%.1f)", 100 * low, 100 * high)
    }
}
