import Foundation
import SaimaBase
/// The part of a reply that answers the question asked. Base models, and chat models imitating a few-shot prompt,
/// often answer and then go on with questions they invent (`【正确答案】C<eoa>\n请你回答：下列…\nA. …`), answering
/// those too; only the answer to the question asked counts.
///
/// Definition. Once the reply has given answer evidence (an answer statement naming letters, or a letter group
/// opening the reply), it is cut at the first **new question** after that evidence:
/// - a line opening with a question label and a delimiter (`题目：` `【题目】` `问题：` `试题：` `例题：` `样例：`, their
///   traditional forms, `Question:` `Question 2` `Q:` `第3题`), or with a new task's instruction (`请你做一道` `请你回答` `请回答下面` `下面是一道`
///   `以下是一道` `接下来`…`题`);
/// - a new option block (`isNewOptionBlock`): short option lines `A`, `B`, `C` in a row whose texts are not all the
///   item's (a walk-through of the item's own options is analysis, not a new question). The cut is made before the
///   block's stem line.
/// - the place where the reply copied the prompt again (`PromptEcho.mark`): after answering, a model that repeats the
///   question (or a few-shot example) is starting a new round, whatever it answers there; after a first line of
///   letters alone (how a completion model answers), any copied phrase (`PromptEcho.shortMark`) does too.
struct QuestionScope {
    static let labels = [
        "题目", "问题", "试题", "例题", "题干", "样例", "示例", "題目", "問題", "試題", "例題", "樣例", "question", "q",
    ]
    static let taskOpeners = ["请你做一道", "请你回答", "请回答下面", "请回答下列", "请回答以下", "下面是一道", "以下是一道", "下一题", "请你作答"]

    let forms: [Unicode.Scalar: String]

    /// Where the reply should be cut (an index into `s`), or nil to keep it whole. `evidenceEnd` is where the first
    /// answer evidence ends.
    ///
    /// `bareAnswer`: the evidence is a first line of letters alone (`B`, `B<eoa>`), as a completion model answers; any
    /// copied prompt text after it, however short, then starts a new round.
    func cut(_ s: ScalarScanner, evidenceEnd: Int, bareAnswer: Bool = false) -> Int? {
        let lines = Self.lineStarts(s)
        for (n, start) in lines.enumerated() where start >= evidenceEnd {
            if Self.isQuestionLine(s, start) || isEchoLine(s, start, short: bareAnswer) { return start }
            if isNewOptionBlock(s, lines: lines, at: n) {
                // Cut before the stem: the line before the block, unless it holds the evidence.
                return n > 0 && lines[n - 1] >= evidenceEnd ? lines[n - 1] : start
            }
        }
        return nil
    }

    /// Indices where each line starts.
    static func lineStarts(_ s: ScalarScanner) -> [Int] {
        var starts = [0]
        for i in 0..<s.count where s[i] == "\n" && i + 1 < s.count { starts.append(i + 1) }
        return starts
    }

    /// A question label with a delimiter, or a new task's opening words, at the start of a line.
    static func isQuestionLine(_ s: ScalarScanner, _ start: Int) -> Bool {
        var p = s.skippingSpaces(from: start)
        while p < s.count, "#>-【[(".unicodeScalars.contains(s[p]) { p += 1 }
        if s.matchAny(Self.taskOpeners, at: p) != nil { return true }
        if let d = s.match("第", at: p) {
            var q = d
            while q < s.count, s[q].properties.numericType != nil || "一二三四五六七八九十".unicodeScalars.contains(s[q]) { q += 1 }
            if q > d, s.match("题", at: q) != nil { return true }
        }
        guard let label = s.matchAny(Self.labels, at: p) else { return false }
        var q = s.skippingSpaces(from: label.end)
        while q < s.count, s[q].properties.numericType != nil, s[q].isASCII { q += 1 }
        q = s.skippingSpaces(from: q)
        guard q < s.count else { return false }
        if label.word == "q" { return s[q] == ":" }
        return ":】].".unicodeScalars.contains(s[q]) || (label.word == "question" && q > label.end && s[q - 1].isASCII)
    }

    /// Whether line `n` opens a new block of options: consecutive lines (blank lines aside) labelled `A`, `B`, `C` (or
    /// as many letters as the item offers, when fewer), each with a short option text (at most `optionLimit`
    /// scalars) that is not analysis (`A 选项中…`, `A is…`), and not all of them the item's own options.
    private func isNewOptionBlock(_ s: ScalarScanner, lines: [Int], at n: Int) -> Bool {
        let needed = forms.isEmpty ? 3 : min(3, forms.count)
        var texts: [String] = []
        var m = n
        let letters: [Unicode.Scalar] = ["A", "B", "C"]
        while texts.count < needed, m < lines.count {
            if isBlank(s, lines, m) {
                m += 1
                continue
            }
            guard let (letter, text) = option(s, lines, m), letter == letters[texts.count],
                text.unicodeScalars.count <= Self.optionLimit,
                !Self.analysisOpeners.contains(where: { ScalarSearch.hasPrefix(text.lowercased(), $0) })
            else { return false }
            texts.append(text)
            m += 1
        }
        guard texts.count == needed else { return false }
        let own = texts.filter { t in
            let f = TextNormalizer.matchingForm(t)
            return !f.isEmpty && forms.values.contains { !$0.isEmpty && (ScalarSearch.contains($0, f) || ScalarSearch.contains(f, $0)) }
        }
        return own.count < texts.count
    }

    static let optionLimit = 60
    static let analysisOpeners = ["选项", "項", "项", "中", "是", "为", "is ", "option", "正确", "错误", "不正确", "说法"]

    private func isBlank(_ s: ScalarScanner, _ lines: [Int], _ n: Int) -> Bool {
        let end = n + 1 < lines.count ? lines[n + 1] : s.count
        return s.text[lines[n]..<end].allSatisfy { $0.properties.isWhitespace }
    }

    /// The letter and text of line `n` when it opens with an option label and a delimiter.
    private func option(_ s: ScalarScanner, _ lines: [Int], _ n: Int) -> (Unicode.Scalar, String)? {
        let end = n + 1 < lines.count ? lines[n + 1] : s.count
        let line = Array(s.text[lines[n]..<end]).filter { $0 != "\n" }
        guard let (letter, rest) = ChoiceReplyShape.openingLetter(line) else { return nil }
        // `A. ` with text after it; a lone `A.` line is an answer, not an option.
        let text = String(String.UnicodeScalarView(rest)).trimmedSpaces
        return text.isEmpty ? nil : (letter, text)
    }

    /// Whether the line at `start` is where `PromptEcho` removed copied prompt text (`PromptEcho.mark`).
    private func isEchoLine(_ s: ScalarScanner, _ start: Int, short: Bool) -> Bool {
        let p = s.skippingSpaces(from: start)
        return p < s.count && (s[p] == PromptEcho.mark || (short && s[p] == PromptEcho.shortMark))
    }
}
