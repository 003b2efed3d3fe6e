import Foundation
import SaimaBase
/// Finds the **answer statements** of a reply — where the reply says what its answer is — and decides which
/// one is final. Two kinds:
///
/// - an **answer line**: a label with a delimiter — `【答案】` `[答案]` `答案:` `答:` `正确答案:` `最终答案:`
///   `参考答案:` `正确选项:` `回应:` `回應:` `Answer:` `Final answer:` `Correct answer:` (any of them bracketed by
///   `【】 [] ()` or followed by `:`), or `\boxed{…}`; `答:` only on its own, never as the end of `解答:` `回答:`
///   `作答:` (an instruction or a heading, not an answer);
/// - a **prose statement**: `答案(是|为)` `正确答案` `正确选项` `正确的选项` `正确的一项是/为` `正确的是` `对的是`
///   `符合题意的是` `应选` `故选` `本题选` `选择` `选`
///   (not `选项`) `the answer is` `answers` `correct option(s)/choice(s)` `choose/chose/select/pick/go with`,
///   unless negated or conditional just before (`不` `非` `没` `未` `勿` `排除` `如果` `若` `假如` `假设` `not`
///   `if`), nor a question's stem (`正确的是` ending a line that opens with `问题:`, `题目:` …).
///
/// After the marker up to 8 fillers are skipped (`answerFillers`), then a letter group
/// (`ChoiceLetterGroups`) or a lone lower-case letter is read. A group followed by `或 还是 or` and another
/// letter is a hedge: it commits to nothing and is not a statement. The **last** statement in the reply is
/// final. An answer line that names no letter is still a statement: its text is matched against the choice
/// texts (one choice for single choice, any for multi choice), and if that fails the reply has **declined**
/// to answer (`答案：题目有误`) — no letter found elsewhere replaces it. A prose statement without a letter is
/// not a statement (`这个答案是根据…`).
struct ChoiceAnswerStatements {
    /// What the final statement says.
    enum Final {
        /// Letters named by an answer line (`explicitLine`) or a prose statement; `glued` when the letter touches
        /// other text (`【正确答案】Aelectorate`).
        case letters(Set<Unicode.Scalar>, explicitLine: Bool, glued: Bool = false)
        /// An answer line naming no letter; its text (to the end of its line).
        case noChoice(String)
    }

    let groups: ChoiceLetterGroups
    /// Each choice's leading number, when its text starts with one (`36 小时` → 36), for boxed numeric answers.
    var numbers: [(letter: Unicode.Scalar, value: Double)] = []
    /// Choice texts of single-answer items must match exactly one choice; multi-answer items take all found.
    let choiceText: (String) -> Set<Unicode.Scalar>?
    /// Whether a list of every option may be an answer: for a multi-choice item whose prompt is unknown. With the prompt
    /// known, an option list after an answer label was copied from it (nothing chosen), and one answer cannot be every
    /// option of a single-choice item; a multi-choice item's prompt may ask for answers as option lines (few-shot
    /// answers in that form), so there every listed letter is read — and the extractor marks the reading uncertain.
    var everyOptionMayAnswer = false

    static let lineLabels = [
        "最终答案", "正确答案", "参考答案", "正确选项", "答案", "回应", "回應", "答", "final answer", "correct answer", "answer",
    ]
    static let proseMarkers = [
        "正确的选项", "正确选项", "正确答案", "正确的一项是", "正确的一项为", "正确的是", "对的是", "符合题意的是", "本题选",
        "应选", "故选", "答案", "选择", "选",
        "correct options", "correct option", "correct choices", "correct choice", "answers", "answer", "go with",
        "choose", "chose", "select", "pick",
    ]
    static let answerFillers = [
        "应该是", "应该选", "应该", "应当", "应为", "选项", "選項", "只能是", "就是", "也就是", "是", "为", "应", "该", "就", "即",
        "选择", "选", "项", ":", "=", "(", "[", "{", "【", "】", "「", "“", "\"", "'", "$", "\\text{", "\\mathrm{",
        "\\textbf{", "\\mathbf{", "\\boxed{", "is", "are", "was", "would", "should", "will", "be", "the", "correct",
        "final", "options", "option", "choices", "choice", "letter", "clearly", "therefore", "thus", "then",
    ]
    static let negations = ["不", "非", "没", "未", "勿"]
    static let conditionalWords = ["排除", "如果", "若", "假如", "假设", "not", "if", "whether", "don't", "cannot"]

    /// The final statement of the reply, or nil when it makes none.
    func final(_ s: ScalarScanner) -> Final? { finalWithPosition(s)?.final }

    /// The final statement and where it starts.
    func finalWithPosition(_ s: ScalarScanner) -> (final: Final, position: Int)? {
        all(s).last.map { ($0.final, $0.position) }
    }

    /// Every statement in order: what it says, where it starts and where its marker ends.
    func all(_ s: ScalarScanner) -> [(final: Final, position: Int, end: Int)] {
        var found: [(Final, Int, Int)] = []
        var i = 0
        while i < s.count {
            if let (statement, end) = statement(s, at: i) {
                if let statement { found.append((statement, i, end)) }
                i = end
            } else {
                i += 1
            }
        }
        return found
    }

    /// A marker at `i`: the statement it makes (nil for a prose marker naming no letter) and where to go on.
    private func statement(_ s: ScalarScanner, at i: Int) -> (Final?, Int)? {
        if let boxed = s.match("\\boxed{", at: i) { return (boxedContent(s, from: boxed), boxed) }
        if let label = s.matchAny(Self.lineLabels, at: i), label.word != "答" || standsAlone(s, at: i),
            let past = delimiter(s, marker: i, end: label.end)
        {
            return (content(s, from: past, line: true), past)
        }
        guard let marker = s.matchAny(Self.proseMarkers, at: i) else { return nil }
        if marker.word == "选", s.match("项", at: marker.end) != nil { return (nil, marker.end) }
        // A stem's phrasing ending a line labelled as a question (`问题: 以下说法正确的是\nA: …`) asks, it does not answer.
        if Self.stemMarkers.contains(marker.word), Self.endsLine(s, from: marker.end),
            QuestionScope.isQuestionLine(s, Self.lineStart(s, before: i))
        {
            return (nil, marker.end)
        }
        if isNegated(s, before: i) { return (nil, marker.end) }
        return (content(s, from: marker.end, line: false), marker.end)
    }

    /// Prose markers that also end a question's stem (`以下说法正确的是`).
    static let stemMarkers: Set<String> = ["正确的是", "对的是", "正确的一项是", "正确的一项为", "符合题意的是", "正确的选项", "正确选项"]

    /// Whether nothing but spaces and `:` `：` follows `p` on its line (checked before `lineStart`, which scans back:
    /// only a marker ending its line is looked back from, so a line of repeated markers stays linear).
    static func endsLine(_ s: ScalarScanner, from p: Int) -> Bool {
        var q = p
        while q < s.count, s[q] != "\n" {
            guard s.isSpace(q) || s[q] == ":" || s[q] == "：" else { return false }
            q += 1
        }
        return true
    }

    /// The start of the line holding `i`.
    static func lineStart(_ s: ScalarScanner, before i: Int) -> Int {
        var p = i
        while p > 0, s[p - 1] != "\n" { p -= 1 }
        return p
    }

    /// Past the delimiter that makes a label an answer line: `【答案】`, `(答案)`, `答案:`, `答案】:`.
    private func delimiter(_ s: ScalarScanner, marker: Int, end: Int) -> Int? {
        var p = s.skippingSpaces(from: end)
        let bracketed = marker > 0 && ["【", "[", "("].contains(s[marker - 1])
        if p < s.count, ["】", "]", ")"].contains(s[p]) {
            guard bracketed else { return nil }
            p = s.skippingSpaces(from: p + 1)
            if p < s.count, s[p] == ":" { p += 1 }
            return p
        }
        guard p < s.count, s[p] == ":" else { return nil }
        return p + 1
    }

    /// Whether `答` at `i` is a label of its own, not the end of a word (`解答：` `回答：` `作答：` `问答：`).
    private func standsAlone(_ s: ScalarScanner, at i: Int) -> Bool {
        guard i > 0 else { return true }
        let before = s[i - 1]
        return before == "\n" || s.isSpace(i - 1) || Self.openersBeforeLabel.contains(before)
            || TextNormalizer.isPunctuation(before)
    }

    static let openersBeforeLabel: Set<Unicode.Scalar> = ["【", "[", "(", "「", "《"]

    /// Whether a negation or a condition stands just before a prose marker (`不选A`, `如果选A`).
    private func isNegated(_ s: ScalarScanner, before i: Int) -> Bool {
        for back in 1...3 where i - back >= 0 && Self.negations.contains(String(s[i - back])) { return true }
        var j = i
        while j > 0, s.isSpace(j - 1) { j -= 1 }
        for back in 0...3 where j - back > 0 {
            if s.matchAnyBackward(Self.conditionalWords, endingAt: j - back) != nil { return true }
        }
        return false
    }

    /// What follows a marker: letters, or (answer lines only) the line's text.
    private func content(_ s: ScalarScanner, from start: Int, line: Bool) -> Final? {
        var p = s.skippingSpaces(from: start)
        var steps = 0
        while steps < 8, let filler = s.matchAny(Self.answerFillers, at: p) {
            p = s.skippingSpaces(from: filler.end)
            steps += 1
        }
        // A letter glued to noise in an answer line (`【正确答案】Aelectorate`): read, but not trusted.
        if line, p + 1 < s.count, groups.offered.contains(s[p]), !s.isWordASCII(p - 1), s[p + 1].isASCIILowercase,
            groups.group(s, at: p) == nil
        {
            return .letters([s[p]], explicitLine: true, glued: true)
        }
        if let g = groups.group(s, at: p) ?? groups.lowercaseLetter(s, at: p) {
            if let listed = listedLines(s, from: g) {
                // Every option listed after the label, one per line: the option list copied, nothing chosen.
                if line, !everyOptionMayAnswer, listed.count >= 3, listed == groups.offered { return .noChoice(lineText(s, from: p)) }
                return .letters(listed, explicitLine: line)
            }
            if groups.isHedged(s, g) || (line && g.letters.count == 1 && listsOptions(s, from: g.end)) {
                return line ? .noChoice(lineText(s, from: p)) : nil
            }
            return .letters(g.letters, explicitLine: line)
        }
        guard line else { return nil }
        let text = lineText(s, from: p)
        // `答案：` followed by the whole option list, one per line: the list copied, nothing chosen.
        if copiesOptionList(s, from: p) { return everyOptionMayAnswer ? .letters(groups.offered, explicitLine: true) : .noChoice(text) }
        // `答案：X` copied from the instruction's placeholder is an echo, not an answer line.
        if Self.placeholders.contains(text.trimmingScalars { "。.，, ".unicodeScalars.contains($0) }.uppercased()) { return nil }
        if let letters = choiceText(text) { return .letters(letters, explicitLine: true) }
        // A line introducing what follows (`答案: 下列各项中，属于可撤销合同的有：`): its answer is the option lines below.
        if text.hasSuffix(":"), let next = nextLine(s, after: p) {
            if copiesOptionList(s, from: next) {
                return everyOptionMayAnswer ? .letters(groups.offered, explicitLine: true) : .noChoice(text)
            }
            if let g = groups.group(s, at: next), let listed = listedLines(s, from: g) { return .letters(listed, explicitLine: true) }
        }
        // Every option declared right (`所有说法均正确`, `以上都对`), unless negated (`不是所有选项都正确`) or an option
        // is itself such a phrase (`D. 以上说法都对`: then the line names that option, read as its text above).
        let lower = text.lowercased()
        if Self.everyOptionRight.contains(where: { ScalarSearch.contains(lower, $0) }),
            !["不", "非", "没有", "并非", "not "].contains(where: { ScalarSearch.contains(lower, $0) }), !optionIsEveryOptionRight
        {
            return .letters(groups.offered, explicitLine: true)
        }
        if Self.everyOptionWords.contains(text.trimmingScalars { "。.，,！! ".unicodeScalars.contains($0) }), !optionIsEveryOptionRight {
            return .letters(groups.offered, explicitLine: true)
        }
        // One option named inside the line's sentence (`上述选项中只有A项显示…`), not rejected.
        if let named = namedOption(text) { return .letters([named], explicitLine: true) }
        // Options listed after 只有 with their count (`…应予从轻处罚的只有A、B两项`), not rejected.
        if let named = onlyNamedOptions(text) { return .letters(named, explicitLine: true) }
        return .noChoice(text)
    }

    /// Whether an option's own text says "all of the above" (`以上都对`, `以上说法均正确`).
    var optionIsEveryOptionRight = false

    /// Phrases declaring every option right.
    static let everyOptionRight: [String] = {
        var phrases = ["all of the above", "all of the options are correct", "all options are correct"]
        for lead in ["所有", "以上", "上述", "全部"] {
            for what in ["", "说法", "选项", "各项", "表述", "答案"] where !(lead == "所有" && what.isEmpty) {
                for all in ["均", "都", "全"] {
                    for right in ["正确", "对", "是正确的", "是对的"] { phrases.append(lead + what + all + right) }
                }
            }
        }
        return phrases
    }()

    /// Whether an answer line's sentence rejects something (`错` `不` `非` `排除` `没有`): it then names no choice.
    private func rejects(_ text: String) -> Bool { ["错", "不", "非", "排除", "没有"].contains { ScalarSearch.contains(text, $0) } }

    /// The one option an answer line's sentence names as `X项` `X选项` `选项X` (every mention the same letter), when
    /// the line rejects nothing (`错` `不` `非` `排除`); nil otherwise.
    private func namedOption(_ text: String) -> Unicode.Scalar? {
        let t = ScalarScanner(text)
        guard !rejects(text) else { return nil }
        var named: Set<Unicode.Scalar> = []
        for i in 0..<t.count {
            guard let (letters, end) = groups.run(t, at: i), letters.count == 1 else { continue }
            let before = i >= 2 && t.match("选项", at: i - 2) != nil
            let after = t.match("项", at: end) != nil || t.match("选项", at: end) != nil
            if before || after { named.formUnion(letters) }
        }
        return named.count == 1 ? named.first : nil
    }

    /// The options an answer line's sentence names after `只有`: a list with its count (`只有A、B两项`), or one letter
    /// said to be what the question asks (`上述选项中只有A属于…`, `只有B正确`, `只有C项`), when the line rejects nothing
    /// (`错` `不` `非` `排除` `没有`, and for one letter `无`); nil otherwise (`只有A公司可以…` names a party, not an
    /// option).
    private func onlyNamedOptions(_ text: String) -> Set<Unicode.Scalar>? {
        let t = ScalarScanner(text)
        guard !rejects(text) else { return nil }
        for i in 0..<t.count {
            guard let only = t.match("只有", at: i) else { continue }
            let p = t.skippingSpaces(from: only)
            guard let g = groups.group(t, at: p) else { continue }
            let q = t.skippingSpaces(from: g.end)
            if g.letters.count == 1 {
                if !ScalarSearch.contains(text, "无"), t.matchAny(["项", "选项", "選項", "属于", "屬於", "正确", "正確", "符合"], at: q) != nil {
                    return g.letters
                }
                continue
            }
            if t.matchAny(["两项", "兩項", "三项", "三項", "四项", "四項", "几项", "项", "選項", "选项"], at: q) != nil { return g.letters }
        }
        return nil
    }

    /// Whole answer lines that choose every option (`答案: 所有`).
    static let everyOptionWords: Set<String> = ["所有", "全部", "全选", "全選", "以上全部", "以上都是", "全对", "全對", "都对", "都對"]

    /// The start of the first non-blank line after the line holding `p`, if any.
    private func nextLine(_ s: ScalarScanner, after p: Int) -> Int? {
        var i = p
        while i < s.count, s[i] != "\n" { i += 1 }
        let next = s.skippingSpaces(from: i)
        return next < s.count ? next : nil
    }

    /// Whether the lines from `p` on are option lines (`ChoiceReplyShape.openingLetter`) naming every offered letter.
    private func copiesOptionList(_ s: ScalarScanner, from p: Int) -> Bool {
        var letters: Set<Unicode.Scalar> = []
        var i = p
        while i < s.count {
            var e = i
            while e < s.count, s[e] != "\n" { e += 1 }
            let line = Array(s.text[i..<e])
            if !line.allSatisfy({ $0.properties.isWhitespace }) {
                guard let (letter, _) = ChoiceReplyShape.openingLetter(line), groups.offered.contains(letter) else { break }
                letters.insert(letter)
            }
            i = e + 1
        }
        return letters.count >= 2 && letters == groups.offered
    }

    /// The instruction's own placeholders (`答案：X`, `答案：XY`) when a reply copies them.
    static let placeholders: Set<String> = ["X", "XY", "X,Y", "X、Y", "X（X 为选项字母）", "X(X为选项字母)"]

    /// `\boxed{…}`: letters inside, or a number equal to the leading number of exactly one choice's text
    /// (`\boxed{36}` with D = `36 小时`), or the box and the rest of its line read as choice text.
    private func boxedContent(_ s: ScalarScanner, from start: Int) -> Final? {
        var end = start
        var depth = 1
        while end < s.count {
            if s[end] == "{" { depth += 1 } else if s[end] == "}" { depth -= 1; if depth == 0 { break } }
            end += 1
        }
        var inner = String.UnicodeScalarView()
        inner.append(contentsOf: s.text[start..<end])
        let innerText = String(inner).replacingOccurrences(of: "\\text{", with: "").replacingOccurrences(of: "}", with: "")
            .trimmedSpaces
        if let value = Double(innerText) {
            let matching = numbers.filter { $0.value == value }
            if matching.count == 1 { return .letters([matching[0].letter], explicitLine: true) }
        }
        return content(s, from: start, line: true).flatMap { final -> Final? in
            if case .noChoice = final {
                var rest = String.UnicodeScalarView()
                rest.append(contentsOf: s.text[min(end + 1, s.count)..<s.count])
                let tail = String(rest).split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
                if let letters = choiceText(innerText + " " + tail) { return .letters(letters, explicitLine: true) }
            }
            return final
        }
    }

    /// A statement followed by option lines (`正确的是：\nA. …\nC. …`): the letters of every consecutive line that
    /// opens with an option label, from the first one at `g`; nil when `g` is not such a label.
    private func listedLines(_ s: ScalarScanner, from g: ChoiceLetterGroups.Group) -> Set<Unicode.Scalar>? {
        guard g.letters.count == 1, g.end < s.count, ".、".unicodeScalars.contains(s[g.end]) else { return nil }
        // The first option opens its line, or follows the answer label on it (`答案: A. …\nB. …`).
        var k = g.start - 1
        while k >= 0, s[k] != "\n", s.isSpace(k) { k -= 1 }
        guard k >= 0 else { return nil }
        if s[k] != "\n", s[k] != ":", s[k] != "】", s[k] != "]" { return nil }
        var letters = g.letters
        var i = g.end
        while true {
            while i < s.count, s[i] != "\n" { i += 1 }
            let next = s.skippingSpaces(from: i)
            guard next > i, next + 1 < s.count, let (run, end) = groups.run(s, at: next), run.count == 1,
                end < s.count, ".、".unicodeScalars.contains(s[end]), !s.text[i..<next].filter({ $0 == "\n" }).isEmpty,
                s.text[i..<next].filter({ $0 == "\n" }).count == 1
            else { break }
            letters.formUnion(run)
            i = end
        }
        return letters.count >= 2 ? letters : nil
    }

    /// Whether the line from `p` (just after a one-letter group) goes on to label two or more further options
    /// (`A. ①② B. ①③ C. ②④`): a copied option list, not a choice.
    private func listsOptions(_ s: ScalarScanner, from p: Int) -> Bool {
        var labelled: Set<Unicode.Scalar> = []
        var i = p
        while i < s.count, s[i] != "\n" {
            if let (letters, end) = groups.run(s, at: i), letters.count == 1, end < s.count,
                [".", "、", ":", ")"].contains(s[end])
            {
                labelled.formUnion(letters)
            }
            i += 1
        }
        return labelled.count >= 2
    }

    /// The text from `p` to the end of its line (or to `<eoa>` / a closing `}`), trimmed.
    private func lineText(_ s: ScalarScanner, from p: Int) -> String {
        var e = p
        while e < s.count, s[e] != "\n", s[e] != "}", s.match("<eoa>", at: e) == nil { e += 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s.text[min(p, e)..<e])
        return String(view).trimmedSpaces
    }
}
