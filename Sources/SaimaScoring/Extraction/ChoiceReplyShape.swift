import Foundation
import SaimaBase
/// How a reply is laid out, for the rules that read it from its shape: a list of the options it chooses, a
/// walk-through of every option, and its concluding sentence.
struct ChoiceReplyShape {
    let s: ScalarScanner
    let groups: ChoiceLetterGroups
    /// Choices by letter, in `TextNormalizer.matchingForm`.
    let forms: [Unicode.Scalar: String]
    /// Whether the item takes one answer (a list of its first options in order is then a copy, not a choice).
    var singleAnswer = false
    /// Whether a list of every option may be an answer (`ChoiceAnswerStatements.everyOptionMayAnswer`).
    var everyOptionMayAnswer = false

    /// The reply's lines, trimmed, without blank lines and code-fence lines.
    var lines: [[Unicode.Scalar]] {
        var out: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for c in s.text + ["\n"] {
            if c == "\n" {
                let line = String(String.UnicodeScalarView(current)).trimmedSpaces
                if !line.isEmpty, !line.hasPrefix("```") { out.append(Array(line.unicodeScalars)) }
                current = []
            } else {
                current.append(c)
            }
        }
        return out
    }

    /// The option letter a line opens with (after list marks `1.` `-` `*` `#` and an optional `选项`/`Option`),
    /// followed by a delimiter, and the rest of the line.
    static func openingLetter(_ line: [Unicode.Scalar]) -> (letter: Unicode.Scalar, rest: [Unicode.Scalar])? {
        var t = ScalarScanner(scalars: line)
        var p = 0
        while p < t.count, "-*#•> ]】".unicodeScalars.contains(t[p]) { p += 1 }
        var q = p
        while q < t.count, t[q].properties.numericType != nil, t[q].isASCII { q += 1 }
        if q > p, q < t.count, t[q] == "." || t[q] == ")" { p = t.skippingSpaces(from: q + 1) }
        while p < t.count, "-*# ".unicodeScalars.contains(t[p]) { p += 1 }
        if let label = t.matchAny(["选项", "選項", "option"], at: p) { p = t.skippingSpaces(from: label.end) }
        if p < t.count, t[p] == "(" { p += 1 }
        guard p < t.count, t[p].isASCIIUppercase, !t.isWordASCII(p + 1) else { return nil }
        let letter = t[p]
        var r = p + 1
        if r < t.count, t[r] == ")" { r += 1 }
        while r < t.count, t[r] == "*" { r += 1 }
        guard r == t.count || ".、:;)]】".unicodeScalars.contains(t[r]) || t.isSpace(r) else { return nil }
        if r < t.count, !t.isSpace(r) { r += 1 }
        t = ScalarScanner(scalars: Array(line[min(r, line.count)...]))
        return (letter, t.text)
    }

    /// The letter of an option line that restates its own option's text (`A. 凝結`; `forms` in
    /// `TextNormalizer.matchingForm`), with the rest of the line; nil for any other line.
    static func restatedOptionLine(
        _ line: [Unicode.Scalar], forms: [Unicode.Scalar: String]
    ) -> (letter: Unicode.Scalar, rest: String)? {
        guard let (letter, rest) = openingLetter(line), let form = forms[letter], !form.isEmpty else { return nil }
        let text = String(String.UnicodeScalarView(rest))
        return restates(text, form) ? (letter, text) : nil
    }

    /// Whether `line` holds a letter group standing alone (not an English word such as `A` in `A lot`).
    func namesLetter(_ line: [Unicode.Scalar]) -> Bool {
        let t = ScalarScanner(scalars: line)
        return (0..<t.count).contains { groups.group(t, at: $0).map { !groups.isEnglishWord(t, $0) } ?? false }
    }

    /// Whether the reply walks through the options: two or more lines open with different option letters, or it
    /// says it will (`逐一分析选项`, `analyze each option`) — a restated option is then analysis, not a choice.
    var isEnumeration: Bool {
        if Set(lines.compactMap { Self.openingLetter($0)?.letter }.filter { forms[$0] != nil }).count >= 2 { return true }
        if restatesOptionsInline { return true }
        return (0..<s.count).contains { s.matchAny(Self.walkThroughPhrases, at: $0) != nil }
    }

    static let walkThroughPhrases = [
        "逐一分析", "逐个分析", "分别分析", "逐项分析", "analyze each option", "analyse each option", "each option step by step",
        "let's analyze each", "let's analyse each",
    ]

    /// Whether a line's text is the option's text, alone or with a gloss after a colon (`长城：…`), not a verdict.
    /// A copy with small slips counts: a text cut short (at least 60% of the option, 6 scalars or more; any start of
    /// 6 scalars or more on the reply's last line, `cutShort`, where a reply stopped by its length limit ends) or one
    /// whose longest common subsequence with the option covers 85% of the longer of the two.
    static func restates(_ rest: String, _ form: String, cutShort: Bool = false) -> Bool {
        let mine = TextNormalizer.matchingForm(rest)
        if mine == form { return true }
        let a = Array(mine.unicodeScalars)
        let f = Array(form.unicodeScalars)
        if a.count >= 6, a.count <= 400, f.count <= 400 {
            if a.count * 10 >= f.count * 6 || cutShort, f.starts(with: a) { return true }
            let common = LongestCommonSubsequence.lengthByTable(a.map { Int32(bitPattern: $0.value) }, f.map { Int32(bitPattern: $0.value) })
            if common * 100 >= 85 * max(a.count, f.count) { return true }
        }
        guard let colon = rest.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return false }
        return TextNormalizer.matchingForm(String(rest[..<colon])) == form
    }
}
