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

    static let walkThroughPhrases = [
        "逐一分析", "逐个分析", "分别分析", "逐项分析", "analyze each option", "analyse each option", "each option step by step",
        "let's analyze each", "let's analyse each",
    ]

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

    /// Whether some option line (`X. <text>`) restates its option with a negation put in or taken out.
    var negatesAListedOption: Bool {
        lines.contains { line in
            guard let (letter, rest) = Self.openingLetter(line), let form = forms[letter], !form.isEmpty else { return false }
            return Self.negates(String(String.UnicodeScalarView(rest)), form)
        }
    }

    /// Whether `rest` says the opposite of the option whose matching form is `form`: the two are the same but for one
    /// negation put in or taken out (`不` `不能` `不是` `未` `没有` `无` `非`; `not`).
    static func negates(_ rest: String, _ form: String) -> Bool {
        let a = Array(TextNormalizer.matchingForm(rest).unicodeScalars)
        let b = Array(form.unicodeScalars)
        guard a != b, min(a.count, b.count) >= 4 else { return false }
        let (long, short) = a.count > b.count ? (a, b) : (b, a)
        var prefix = 0
        while prefix < short.count, long[prefix] == short[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < short.count - prefix, long[long.count - 1 - suffix] == short[short.count - 1 - suffix] { suffix += 1 }
        guard prefix + suffix == short.count else { return false }
        let inserted = String(String.UnicodeScalarView(long[prefix..<(long.count - suffix)]))
        return negationWords.contains(inserted)
    }

    static let negationWords: Set<String> = ["不", "不能", "不是", "不得", "不会", "未", "没有", "无", "非", "not", "not ", " not"]

    /// Whether two texts hold a different number of some negating character (`不 无 非 未 没 否 违`, traditional
    /// forms too): `合同无效` restates `合同有效` in 75% of its words but says the opposite.
    static func negationsDiffer(_ a: String, _ b: String) -> Bool {
        negatingScalars.contains { n in a.unicodeScalars.filter { $0 == n }.count != b.unicodeScalars.filter { $0 == n }.count }
    }

    static let negatingScalars: [Unicode.Scalar] = ["不", "无", "無", "非", "未", "没", "沒", "否", "违", "違"]

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

    /// Rule `letter_statement`, options judged by number: the reply's lines are numbered `1.` to `n` in order, one per
    /// option (at most one other line), each opening with a verdict (`1. 正確。DNA密碼子係…\n2. 錯誤。…`); the options
    /// judged right, the number standing for the option in that place. Nil when none is judged right.
    func numberedVerdicts() -> Set<Unicode.Scalar>? {
        let letters = forms.keys.sorted { $0.value < $1.value }
        var right: Set<Unicode.Scalar> = []
        var next = 1
        var other = 0
        for line in lines {
            let t = ScalarScanner(scalars: line)
            var q = 0
            while q < t.count, t[q].isASCII, t[q].properties.numericType != nil { q += 1 }
            guard q > 0, q < t.count, ".、)）".unicodeScalars.contains(t[q]), Int(String(String.UnicodeScalarView(line[..<q]))) == next,
                next <= letters.count
            else {
                other += 1
                if other > 1 { return nil }
                continue
            }
            let p = t.skippingSpaces(from: q + 1)
            // A verdict is a word of its own (`正確。`, `错误:`), not the start of one (`对于`, `正确理解`).
            guard let verdict = t.matchAny(Self.verdicts, at: p),
                verdict.end == t.count || t.isSpace(verdict.end) || TextNormalizer.isPunctuation(t[verdict.end])
            else { return nil }
            if Self.rightVerdicts.contains(verdict.word) { right.insert(letters[next - 1]) }
            next += 1
        }
        guard next == letters.count + 1, !right.isEmpty else { return nil }
        return right
    }

    /// Verdicts opening a numbered line, longest first (`不正確` before `正確`).
    static let wrongVerdicts = ["不正確", "不正确", "錯誤", "错误", "不對", "不对", "錯", "错"]
    static let rightVerdicts = ["正確", "正确", "對", "对"]
    static let verdicts = wrongVerdicts + rightVerdicts

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

    static let conclusionMarkers = [
        "综上所述", "综上", "根据以上分析", "根据以上", "由此可见", "总之", "因此", "所以", "最终", "故",
        "in conclusion", "therefore", "based on the above", "based on this analysis", "based on the analysis",
        "based on these", "based on this", "given these considerations", "given this", "hence", "thus",
    ]
    static let allOptionsPhrases = ["所有选项都", "所有选项均", "以上选项都", "以上选项均", "以上都", "all of the above", "all options are"]

    /// Rule `conclusion`: the last concluding sentence (`综上所述` `因此` `therefore` `based on this analysis` …; a
    /// sentence ending in `:` runs on into the next line) that names letters, all agreeing: `综上所述，最恰当的是
    /// D. 物业服务合同纠纷` → D; `… is:\n\nB. **减少胰岛素用量**` → B. For multi choice, `所有选项都是正确的` names
    /// every option.
    func conclusion(multipleAnswers: Bool) -> Set<Unicode.Scalar>? { conclusionWithPosition(multipleAnswers: multipleAnswers)?.letters }

    /// The conclusion's letters and where its sentence starts.
    func conclusionWithPosition(multipleAnswers: Bool) -> (letters: Set<Unicode.Scalar>, position: Int)? {
        var best: Set<Unicode.Scalar>?
        var position = 0
        let math = s.mathMask
        var i = 0
        while i < s.count {
            guard let marker = s.matchAny(Self.conclusionMarkers, at: i) else {
                i += 1
                continue
            }
            let end = sentenceEnd(from: marker.end)
            if multipleAnswers, (marker.end..<end).contains(where: { s.matchAny(Self.allOptionsPhrases, at: $0) != nil }),
                !(marker.end..<end).contains(where: { s.match("不", at: $0) != nil })
            {
                best = Set(forms.keys)
                position = marker.end
            } else {
                var found: [Set<Unicode.Scalar>] = []
                var p = marker.end
                while p < end {
                    if let g = groups.group(s, at: p), !groups.isEnglishWord(s, g), !math[g.start] {
                        if !isRejected(g) { found.append(g.letters) }
                        p = g.end
                    } else {
                        p += 1
                    }
                }
                // Single choice: every letter named must agree. Multi choice: the letters named together
                // (`…的有A、B、C和D`, or option lines after `…are:`).
                if let first = found.first, multipleAnswers || found.allSatisfy({ $0 == first }) {
                    best = found.reduce(into: []) { $0.formUnion($1) }
                    position = marker.end
                }
            }
            i = marker.end
        }
        return best.map { ($0, position) }
    }

    /// The text of the last concluding sentence (from its marker to its end), for a conclusion naming an option by its
    /// words (`因此，降水最可能喺厚重黑雲下發生。`).
    /// A marker inside a word (`故意`, `事故`, `之所以`) does not conclude.
    func lastConclusionText() -> String? {
        var last: Int?
        var i = 0
        while i < s.count {
            guard let marker = s.matchAny(Self.conclusionMarkers, at: i) else {
                i += 1
                continue
            }
            let inWord = (marker.word == "故" && (s.match("意", at: marker.end) != nil || i > 0 && s[i - 1] == "事"))
                || (marker.word == "所以" && i > 0 && s[i - 1] == "之")
            if !inWord { last = marker.end }
            i = marker.end
        }
        guard let start = last else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s.text[start..<sentenceEnd(from: start)])
        return String(view)
    }

    /// Whether the concluding sentence starting at `position` confirms what it names (`正确` `答案` `选` `correct`
    /// `answer` …) rather than only mentioning options (`B选项中…A选项中…`).
    func confirms(at position: Int) -> Bool {
        let end = sentenceEnd(from: position)
        return (position..<end).contains { s.matchAny(Self.confirmationWords, at: $0) != nil }
    }

    static let confirmationWords = ["正确", "答案", "应选", "故选", "应该选", "符合题意", "correct", "answer", "right choice", "best"]

    /// A letter rejected in its sentence (`选项 B 不正确`, `A is wrong`, `A、B、C、D都是错误的`) is not a conclusion (nor a
    /// stray letter); `A is the incorrect
    /// statement` (naming the answer to a "which is wrong" question) is.
    func isRejected(_ g: ChoiceLetterGroups.Group) -> Bool {
        var p = s.skippingSpaces(from: g.end)
        for words in [["选项", "项", "option"], ["都", "均", "all"], ["是", "is", "are", "为"]] {
            if let m = s.matchAny(words, at: p) { p = s.skippingSpaces(from: m.end) }
        }
        return s.matchAny(["不正确", "错误", "不对", "不符合", "不是", "incorrect", "wrong", "not"], at: p) != nil
    }

    /// The end of the sentence starting at `p`: `。` `！` `!` a `.` before a space or line end, or a line end; a
    /// sentence ending in `:` or `：` runs on to the end of the next non-empty line.
    private func sentenceEnd(from p: Int) -> Int {
        var i = p
        while i < s.count {
            let c = s[i]
            if c == "\n" {
                var k = i - 1
                while k > p, s.isSpace(k) { k -= 1 }
                guard k >= p, s[k] == ":" else { return i }
                // A colon introduces what follows: the next line, and every option line after it.
                var j = s.skippingSpaces(from: i)
                while j < s.count, s[j] != "\n" { j += 1 }
                while j < s.count {
                    let next = s.skippingSpaces(from: j)
                    guard next < s.count, s[next].isASCIIUppercase, next + 1 < s.count, ".、:)".unicodeScalars.contains(s[next + 1])
                    else { break }
                    j = next
                    while j < s.count, s[j] != "\n" { j += 1 }
                }
                return j
            }
            if c == "。" || c == "!" || c == "！" { return i }
            if c == ".", i + 1 >= s.count || s.isSpace(i + 1), !(i > 0 && s[i - 1].isASCIIUppercase) { return i }
            i += 1
        }
        return s.count
    }

    /// Weak fallback for short single-choice replies that paraphrase one option's text: the option sharing the
    /// longest common substring with the reply, when it covers at least 60% of that option's text and at least
    /// twice as much as any other option's.
    func paraphrasedOption(reply: String) -> Unicode.Scalar? {
        let r = Array(TextNormalizer.matchingForm(reply).unicodeScalars)
        guard !r.isEmpty, r.count <= 120 else { return nil }
        var scored: [(Unicode.Scalar, Double, Int)] = []
        for (letter, form) in forms {
            let f = Array(form.unicodeScalars)
            guard f.count >= 3 else { continue }
            let common = Self.longestCommonSubstring(r, f)
            scored.append((letter, Double(common) / Double(f.count), common))
        }
        scored.sort { $0.1 > $1.1 }
        guard let top = scored.first, top.1 >= 0.6, top.2 >= 3 else { return nil }
        if scored.count > 1, scored[1].1 * 2 > top.1 { return nil }
        return top.0
    }

    static func longestCommonSubstring(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var best = 0
        var previous = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            var current = [Int](repeating: 0, count: b.count + 1)
            for j in 1...b.count where a[i - 1] == b[j - 1] {
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
            }
            previous = current
        }
        return best
    }
}
