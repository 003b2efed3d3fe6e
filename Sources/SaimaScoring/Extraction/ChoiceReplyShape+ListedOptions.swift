import Foundation
import SaimaBase

/// Rule `listed_options`: replies that choose by listing options, as option lines, marks or letters alone.
extension ChoiceReplyShape {
    /// Rule `listed_options`: the reply lists the options it chooses, one per line as `X. <its text>` (a gloss after
    /// the text allowed), with at most a letter-free line before and after (`B. 黏液性水肿\nE. 心悸、心动过速` → BE;
    /// `下列哪些内容：\nA. …\nB. …\nC. …\n这些选项都…` → ABC). Listing every option is a restatement, not a choice
    /// (the extractor marks the missing reading uncertain), unless `everyOptionMayAnswer` (a multi-choice item whose
    /// prompt is unknown may be answered in option lines): every letter is then read, uncertain.
    /// A single listed option is a leading letter, unless a line introduces the list (`…主要包括：`).
    /// A reply's last line may be an option text cut short only when the lines before it list every other option
    /// (a list of them all, cut by the reply's length limit); a shorter list cut short is as likely a copy of the
    /// prompt's list stopped midway.
    func listedOptions() -> Set<Unicode.Scalar>? {
        let lines = self.lines
        let cutShortList = everyOptionMayAnswer && lines.count == forms.count
        var letters: Set<Unicode.Scalar> = []
        // Options restated with a negation put in or taken out (`…因此不具备创造性` for `…因此具备创造性`): the line
        // rejects its option.
        var rejected: Set<Unicode.Scalar> = []
        var first: Int?
        var last = -1
        for (n, line) in lines.enumerated() {
            if let (letter, rest) = Self.openingLetter(line), let form = forms[letter], !form.isEmpty,
                Self.restates(String(String.UnicodeScalarView(rest)), form, cutShort: cutShortList && n == lines.count - 1)
            {
                if first == nil { first = n }
                guard last == -1 || last == n - 1 else { return nil }  // option lines run together
                letters.insert(letter)
                if Self.negates(String(String.UnicodeScalarView(rest)), form) { rejected.insert(letter) }
                last = n
            }
        }
        guard let first, last - first + 1 == letters.count else { return nil }
        let before = lines[..<first]
        let after = lines[(last + 1)...]
        let intro = before.last.map { String(String.UnicodeScalarView($0)).trimmedSpaces }
        let introduced = intro.map { $0.hasSuffix(":") || $0.hasSuffix("：") } == true
        // One option line introduced by the line just before it (`…最接近的數量是：\nB. 43`) may close a longer reply.
        guard before.count <= 1 || (introduced && letters.count == 1), after.count <= 1 else { return nil }
        // The line before is the text of the option just before the first listed one (` 合同纠纷 \nB: 变更抚养关系 \nC: …`):
        // the prompt's option list continued, nothing chosen.
        if let intro, let low = letters.min(), let previous = Unicode.Scalar(low.value - 1), let form = forms[previous],
            !form.isEmpty, Self.restates(intro, form)
        {
            return nil
        }
        // A question restated before them (`问题：以下说法正确的是\nA：…\nB：…`) introduces its own options, not a choice.
        if let line = before.last, QuestionScope.isQuestionLine(ScalarScanner(scalars: line), 0) { return nil }
        // One listed option counts only when a line introduces it (`以下是正确的一项：\nA. …`).
        guard letters.count >= 2 || (introduced && !isEnumeration) else { return nil }
        if (before + after).contains(where: namesLetter) { return nil }
        // A single-answer item's first options, in order from A, texts and nothing else (`\nA:…\nB:…`): the prompt's list
        // copied and cut off, not a choice of several.
        if singleAnswer, before.isEmpty, after.isEmpty, letters.count >= 2, letters.count < forms.count,
            letters == Set(forms.keys.sorted { $0.value < $1.value }.prefix(letters.count))
        {
            return nil
        }
        let chosen = letters.subtracting(rejected)
        guard !chosen.isEmpty else { return nil }
        return chosen.count < forms.count || introduced || everyOptionMayAnswer ? chosen : nil
    }

    /// Rule `listed_options`, options marked one by one: every offered letter opens exactly one line followed only by
    /// a verdict (`A: 1\nB: 1\nC: 0\nD: 0`, `A. √`, `B：错误`), at most one other line; the letters marked right. Nil
    /// when a verdict restates its option's own text (an option list whose texts are `1` and `0`).
    func markedOptions() -> Set<Unicode.Scalar>? {
        var marks: [Unicode.Scalar: Bool] = [:]
        var other = 0
        for line in lines {
            guard let (letter, rest) = Self.openingLetter(line), forms[letter] != nil else {
                other += 1
                continue
            }
            let word = String(String.UnicodeScalarView(rest)).trimmingScalars { $0.properties.isWhitespace || $0 == ":" }
                .lowercased()
            guard marks[letter] == nil, let form = forms[letter], TextNormalizer.matchingForm(word) != form else { return nil }
            if Self.rightMarks.contains(word) { marks[letter] = true } else if Self.wrongMarks.contains(word) { marks[letter] = false } else { return nil }
        }
        guard other <= 1, marks.count == forms.count else { return nil }
        let right = Set(marks.filter(\.value).keys)
        return right.isEmpty ? nil : right
    }

    static let rightMarks: Set<String> = ["1", "√", "✓", "✔", "对", "正确", "是", "true", "t", "yes", "y"]
    static let wrongMarks: Set<String> = ["0", "×", "✗", "✘", "x", "错", "错误", "否", "false", "f", "no", "n"]

    /// Rule `listed_options`, letters alone: every line of the reply is one letter group, after an optional list mark
    /// or stray colon (`1. A\n2. B\n3. D`, `- A\n- C`, ` A\n : B`) — two lines or more; the union of their letters.
    /// Numbered lines each giving one letter to a single-answer item (`1. C\n2. A\n3. C`) answer several questions
    /// (the few-shot examples', invented ones), not this one: nil.
    func letterLines() -> Set<Unicode.Scalar>? {
        let lines = self.lines
        guard lines.count >= 2 else { return nil }
        var letters: Set<Unicode.Scalar> = []
        var numbered = 0
        for line in lines {
            var p = 0
            while p < line.count, "-*•>: ".unicodeScalars.contains(line[p]) { p += 1 }
            var q = p
            while q < line.count, line[q].properties.numericType != nil, line[q].isASCII { q += 1 }
            if q > p, q < line.count, line[q] == "." || line[q] == ")" || line[q] == "、" {
                p = q + 1
                numbered += 1
            }
            var e = line.count
            while e > p, line[e - 1] == " " || ".。,，;；)】".unicodeScalars.contains(line[e - 1]) { e -= 1 }
            let t = ScalarScanner(scalars: Array(line[p..<e]).map(\.asciiUppercased))
            let b = t.skippingSpaces(from: 0)
            guard let g = groups.group(t, at: b), g.end == t.count else { return nil }
            letters.formUnion(g.letters)
        }
        if singleAnswer, numbered >= 2, letters.count > 1 { return nil }
        return letters
    }
}
