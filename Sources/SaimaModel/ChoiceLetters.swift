import Foundation

/// Choice letters as people type them in a sheet cell: `A`, `AC`, `A,C`, `A、C`, `a c`, `["A","C"]`, `(A)`,
/// `答案：B`. Every letter must be one the item offers.
public enum ChoiceLetters {
    /// The letters, upper-case, sorted, without repeats; nil when the cell holds anything else or nothing.
    public static func parse(_ raw: String, offered: [String]) -> String? {
        var text = raw.precomposedStringWithCompatibilityMapping.uppercased()
        for prefix in ["答案:", "答案", "ANSWER:", "正确答案:"] where text.hasPrefix(prefix) { text = String(text.dropFirst(prefix.count)) }
        var letters: Set<String> = []
        for ch in text {
            if " ,、;；/[]()\"'\n\t.。，".contains(ch) { continue }
            guard offered.contains(String(ch)) else { return nil }
            letters.insert(String(ch))
        }
        return letters.isEmpty ? nil : letters.sorted().joined()
    }
}
