import Foundation
import SaimaBase

/// Replies that copy the prompt's option list instead of choosing: the list opening the reply, inline on its
/// first line, or every option listed.
extension ChoiceReplyShape {
    /// Whether the reply opens with every option restated as an option line, in order (`A. 沸騰。\nB. 蒸發。\nC. …`),
    /// and goes on after the list without answering (the prompt's instruction, `回應：`, the list again, a question of
    /// its own): the prompt copied, nothing chosen.
    var opensWithCopiedOptionListAndGoesOn: Bool {
        let lines = self.lines
        let letters = forms.keys.sorted { $0.value < $1.value }
        guard letters.count >= 2, lines.count > letters.count else { return false }
        for (n, letter) in letters.enumerated() where Self.restatedOptionLine(lines[n], forms: forms)?.letter != letter {
            return false
        }
        // What follows answers nothing: option lines (the list again, or a question's own) and lines that name no
        // letter and no option's text (`由提供嘅選項中直接用選項嘅字母作答。`, `回應：`, `問題：…`), not
        // `The answer is radiation.`
        let optionForms = forms.values.filter { $0.unicodeScalars.count >= 2 }
        for line in lines[letters.count...] where Self.openingLetter(line) == nil {
            if namesLetter(line) { return false }
            let form = TextNormalizer.matchingForm(String(String.UnicodeScalarView(line)))
            if optionForms.contains(where: { ScalarSearch.contains(form, $0) }) { return false }
        }
        return true
    }

    /// Whether the reply's first line opens with the options restated one after another in their order, each letter
    /// followed by its text (`A: 62个月，B: 98个月，C: 2个月，D: 9`, `A) 国防交通条例第三条；B) 中华人民共和国保障…`):
    /// the first option's whole text at the start, then at least one more letter followed by the first
    /// `inlinePrefix` scalars of its text (a copy may change an option's end), in order.
    var restatesOptionsInline: Bool {
        guard let first = lines.first else { return false }
        let line = Array(TextNormalizer.matchingForm(String(String.UnicodeScalarView(first))).unicodeScalars
            .filter { !$0.properties.isWhitespace })
        var from = 0
        var found = 0
        for letter in forms.keys.sorted(by: { $0.value < $1.value }) {
            guard let form = forms[letter], !form.isEmpty else { break }
            let text = Array(form.unicodeScalars.filter { !$0.properties.isWhitespace })
            let probe = Array(String(letter).lowercased().unicodeScalars) + (found == 0 ? text : Array(text.prefix(Self.inlinePrefix)))
            let candidates = found == 0 ? 0...0 : from...max(from, line.count - probe.count)
            guard let at = candidates.first(where: { line[$0...].starts(with: probe) }) else { break }
            found += 1
            from = at + probe.count
        }
        return found >= 2
    }

    /// Scalars of an option's text that must follow its letter in an inline list, after the first option.
    static let inlinePrefix = 4

    /// Whether the reply, apart from one label or intro line and end-of-text marks, is every option listed as an
    /// option line (`A. …\nB. …\nC. …\nD. …`, `答案: A. …\nB. …`).
    var listsEveryOption: Bool {
        var letters: Set<Unicode.Scalar> = []
        var other = 0
        for (n, line) in lines.enumerated() {
            var l = line
            if let label = ScalarScanner(scalars: l).matchAny(["答案:", "答案：", "答:", "答："], at: 0) { l = Array(l[label.end...]) }
            if let (letter, rest) = Self.openingLetter(l), let form = forms[letter],
                Self.restates(String(String.UnicodeScalarView(rest)), form, cutShort: n == lines.count - 1)
            {
                letters.insert(letter)
            } else {
                other += 1
            }
        }
        return other <= 1 && letters.count >= 2 && letters.count == forms.count
    }
}
