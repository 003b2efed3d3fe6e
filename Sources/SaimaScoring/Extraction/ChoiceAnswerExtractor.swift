import Foundation
import SaimaModel

/// Reads the chosen letters from a free-text reply to a single- or multi-choice item.
///
/// The reply is NFKC-folded first (full-width `Ｂ（：` read as `B(:`) and `*` and `` ` `` are dropped
/// (Markdown `**B**`). A **letter group** is one or more upper-case choice letters, either run together (`AC`)
/// or joined by `、 , / & + 和 与 及 以及 and` and spaces (`B和D`, `A, C`); each run must not touch another ASCII
/// letter or digit (so the `A` of `Apple`, the `I` of `I think`, the `C` of `C3` never count), and every letter
/// must be a letter the item offers. The rules are tried in this order; the first that yields an answer wins:
///
/// | # | rule | reads | examples → answer |
/// |---|---|---|---|
/// | 1 | `bare` | the whole reply, after brackets, quotes, spaces and closing punctuation around it, is a letter group (any case) | `B`, `（B）`, `**B**`, `b.`, `A,C` → B, B, B, B, AC |
/// | 2 | `answer_statement` | the **last** marker `答案 答 选 选择 应选 answer answers \boxed{` (`选` not followed by `项`) followed, after up to 8 fillers (`answerFillers`: `应该是 应该 应当 应为 选项 是 为 应 该 就 即 选 项 : = ( [ { 【 「 “ " ' \text{ \mathrm{ is are was would should will be the correct final option(s) choice(s) letter`), by a letter group or a single lower-case choice letter not followed by a word | `答案：B`, `答案是 B 选项`, `正确答案为B和D`, `选 AC`, `The answer is (C).`, `答案：A。……综上，答案为B` → B, B, BD, AC, C, B |
/// | 3 | `letter_statement` | a letter group followed by a claim that it is right: optional `. : 、 )`, optional `选项 项 option`, `的`, `说法 表述 描述 叙述 观点`, `才是 是 为 最 is`, `the`, then `正确 对的 correct right answer 答案`; the last such group (for multi choice, the union of all) | `B是正确的`, `C选项说法正确`, `Option B is correct`, `B is the correct answer` → B, C, B, B |
/// | 4 | `leading_letter` | the reply starts (after brackets and an optional `选项`/`option`) with a letter group followed by the end, whitespace or `. 。 , 、 : ; ) ] 】 」` — but not `A`/`I` followed by a space and a lower-case word | `B. 北京`, `B\n解析：…`, `AC。` → B, B, AC |
/// | 5 | `choice_text` | the reply restates choice texts: choices whose `TextNormalizer.matchingForm` occurs in the reply's, dropping any contained in another found one; single choice needs exactly one | `北京市` (B = 北京市, A = 北京) → B |
/// | 6 | `stray_letter` | every letter group standing alone anywhere (not `A`/`I` + space + lower-case word); all must agree | `我认为是B` → B; `A 或 B` → nothing |
///
/// When no rule applies the reply is **unextractable** (score 0, flagged apart from wrong answers).
/// Known limits: negations are recognised only by not matching (`答案不是A` yields nothing from rule 2, and
/// rule 6 then reads the lone `A`); a reply naming several letters for a single-choice item extracts all of them
/// and is scored wrong; `A股`-style words glued to CJK text count as standalone letters.
public struct ChoiceAnswerExtractor: Sendable {
    /// The item's choices.
    public let choices: [Choice]
    /// Whether the item expects several letters (multi choice).
    public let multipleAnswers: Bool
    private let offered: Set<Unicode.Scalar>

    public init(choices: [Choice], multipleAnswers: Bool) {
        self.choices = choices
        self.multipleAnswers = multipleAnswers
        offered = Set(choices.compactMap { $0.letter.unicodeScalars.count == 1 ? $0.letter.unicodeScalars.first : nil })
    }

    /// The extractor for a choice item.
    public init(item: Item) { self.init(choices: item.choices, multipleAnswers: item.type == .multiChoice) }

    /// The chosen letters and the rule that read them, or nil when the reply is unextractable.
    public func extract(_ reply: String) -> ExtractedAnswer? {
        let s = ScalarScanner(reply)
        let found: (Set<Unicode.Scalar>, ExtractionRule)? =
            bare(s).map { ($0, .bare) }
            ?? answerStatement(s).map { ($0.letters, .answerStatement) }
            ?? letterStatement(s).map { ($0, .letterStatement) }
            ?? leadingLetter(s).map { ($0.letters, .leadingLetter) }
            ?? choiceText(reply).map { ($0, .choiceText) }
            ?? strayLetter(s).map { ($0.letters, .strayLetter) }
        return found.map { ExtractedAnswer(answer: .letters($0.0), rule: $0.1) }
    }

    // MARK: - Word lists

    static let openers: Set<Unicode.Scalar> = ["(", "[", "{", "<", "【", "「", "『", "\"", "'", "“", "‘", "《", "〔"]
    static let closers: Set<Unicode.Scalar> = [
        ")", "]", "}", ">", "】", "」", "』", "\"", "'", "”", "’", "》", "〕", ".", "。", ",", "!", ":", ";", "?",
    ]
    static let separators = ["以及", "、", ",", "/", "&", "+", "和", "与", "及", "and"]
    static let answerMarkers = ["answers", "answer", "\\boxed{", "答案", "应选", "选择", "答", "选"]
    static let answerFillers = [
        "应该是", "应该", "应当", "应为", "选项", "是", "为", "应", "该", "就", "即", "选", "项", ":", "=", "(", "[", "{",
        "【", "「", "“", "\"", "'", "\\text{", "\\mathrm{", "is", "are", "was", "would", "should", "will", "be",
        "the", "correct", "final", "options", "option", "choices", "choice", "letter",
    ]
    static let statementOpeners = [".", ":", "、", ")", "]", "】"]
    static let labelWords = ["选项", "项", "option"]
    static let claimWords = ["说法", "表述", "描述", "叙述", "观点"]
    static let copulas = ["才是", "是", "为", "最", "is"]
    static let confirmations = ["正确", "对的", "correct", "right", "answer", "答案"]
    static let leadingDelimiters: Set<Unicode.Scalar> = [".", "。", ",", "、", ":", ";", ")", "]", "】", "」"]

    // MARK: - Letter groups

    /// A letter group found in the reply: its letters and where it starts and ends.
    struct Group {
        var letters: Set<Unicode.Scalar>
        var start: Int
        var end: Int
    }

    /// A run of upper-case letters at `i`, all offered, touching no other ASCII letter or digit.
    private func run(_ s: ScalarScanner, at i: Int) -> (Set<Unicode.Scalar>, Int)? {
        guard i < s.count, s[i].isASCIIUppercase, !s.isWordASCII(i - 1) else { return nil }
        var j = i
        while j < s.count, s[j].isASCIIUppercase { j += 1 }
        guard !s.isWordASCII(j) else { return nil }
        let letters = Set(s.text[i..<j])
        return letters.isSubset(of: offered) ? (letters, j) : nil
    }

    /// The letter group starting at `i`: runs joined by separators and spaces.
    func group(_ s: ScalarScanner, at i: Int) -> Group? {
        guard let (first, firstEnd) = run(s, at: i) else { return nil }
        var g = Group(letters: first, start: i, end: firstEnd)
        while true {
            var p = s.skippingSpaces(from: g.end)
            if let sep = s.matchAny(Self.separators, at: p) { p = s.skippingSpaces(from: sep.end) }
            guard p > g.end, let (more, end) = run(s, at: p) else { break }
            g.letters.formUnion(more)
            g.end = end
        }
        return g
    }

    /// A single lower-case offered letter at `i` that is not followed by another word (`答案：b。`).
    private func lowercaseLetter(_ s: ScalarScanner, at i: Int) -> Group? {
        guard i < s.count, s[i].isASCIILowercase, !s.isWordASCII(i - 1), !s.isWordASCII(i + 1),
            offered.contains(s[i].asciiUppercased), !s.isLetterASCII(s.skippingSpaces(from: i + 1))
        else { return nil }
        return Group(letters: [s[i].asciiUppercased], start: i, end: i + 1)
    }

    /// `A`/`I` followed by a space and a lower-case word: the English article or pronoun.
    private func isEnglishWord(_ s: ScalarScanner, _ g: Group) -> Bool {
        guard g.end == g.start + 1, s[g.start] == "A" || s[g.start] == "I", s.isSpace(g.end) else { return false }
        let next = s.skippingSpaces(from: g.end)
        return next < s.count && s[next].isASCIILowercase
    }

    // MARK: - Rules

    /// Rule 1: the whole reply is a letter group.
    private func bare(_ s: ScalarScanner) -> Set<Unicode.Scalar>? {
        var b = 0
        var e = s.count
        while b < e, s.isSpace(b) || Self.openers.contains(s[b]) { b += 1 }
        while e > b, s.isSpace(e - 1) || Self.closers.contains(s[e - 1]) { e -= 1 }
        guard b < e else { return nil }
        let t = ScalarScanner(scalars: s.text[b..<e].map(\.asciiUppercased))
        guard let g = group(t, at: 0), g.end == t.count else { return nil }
        return g.letters
    }

    /// Rule 2: the last answer marker followed by a group.
    private func answerStatement(_ s: ScalarScanner) -> Group? {
        var last: Group?
        for i in 0..<s.count {
            guard let marker = s.matchAny(Self.answerMarkers, at: i) else { continue }
            if marker.word == "选", s.match("项", at: marker.end) != nil { continue }
            var p = s.skippingSpaces(from: marker.end)
            var steps = 0
            while steps < 8, let filler = s.matchAny(Self.answerFillers, at: p) {
                p = s.skippingSpaces(from: filler.end)
                steps += 1
            }
            if let g = group(s, at: p) ?? lowercaseLetter(s, at: p) { last = g }
        }
        return last
    }

    /// Rule 3: a group claimed to be right; the last one (single choice) or all of them (multi choice).
    private func letterStatement(_ s: ScalarScanner) -> Set<Unicode.Scalar>? {
        var confirmed: [Group] = []
        var i = 0
        while i < s.count {
            guard let g = group(s, at: i) else {
                i += 1
                continue
            }
            var p = s.skippingSpaces(from: g.end)
            for words in [Self.statementOpeners, Self.labelWords, ["的"], Self.claimWords, Self.copulas, ["the"]] {
                if let m = s.matchAny(words, at: p) { p = s.skippingSpaces(from: m.end) }
            }
            if s.matchAny(Self.confirmations, at: p) != nil { confirmed.append(g) }
            i = g.end
        }
        guard let last = confirmed.last else { return nil }
        return multipleAnswers ? confirmed.reduce(into: []) { $0.formUnion($1.letters) } : last.letters
    }

    /// Rule 4: the reply opens with a group and a delimiter.
    private func leadingLetter(_ s: ScalarScanner) -> Group? {
        var p = 0
        while p < s.count, s.isSpace(p) || Self.openers.contains(s[p]) { p += 1 }
        if let label = s.matchAny(["选项", "option"], at: p) { p = s.skippingSpaces(from: label.end) }
        guard let g = group(s, at: p), !isEnglishWord(s, g) else { return nil }
        guard g.end == s.count || s.isSpace(g.end) || Self.leadingDelimiters.contains(s[g.end]) else { return nil }
        return g
    }

    /// Rule 5: choice texts restated in the reply.
    private func choiceText(_ reply: String) -> Set<Unicode.Scalar>? {
        let form = TextNormalizer.matchingForm(reply)
        guard !form.isEmpty else { return nil }
        var found: [(letter: Unicode.Scalar, form: String)] = []
        for choice in choices {
            let text = TextNormalizer.matchingForm(choice.text)
            if !text.isEmpty, form.contains(text), let letter = choice.letter.unicodeScalars.first {
                found.append((letter, text))
            }
        }
        found = found.filter { a in !found.contains { b in b.form != a.form && b.form.contains(a.form) } }
        guard !found.isEmpty, multipleAnswers || found.count == 1 else { return nil }
        return Set(found.map(\.letter))
    }

    /// Rule 6: standalone groups anywhere, all agreeing.
    private func strayLetter(_ s: ScalarScanner) -> Group? {
        var groups: [Group] = []
        var i = 0
        while i < s.count {
            if let g = group(s, at: i) {
                if !isEnglishWord(s, g) { groups.append(g) }
                i = g.end
            } else {
                i += 1
            }
        }
        return Set(groups.map(\.letters)).count == 1 ? groups.last : nil
    }
}
