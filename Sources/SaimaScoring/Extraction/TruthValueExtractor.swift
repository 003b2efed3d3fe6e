public import SaimaModel

/// Reads a truth value from a free-text reply to a true/false item.
///
/// The reply is NFKC-folded and lowercased, `*` and `` ` `` dropped. **Truth words**, longest first:
/// true — `正确 对的 对 是的 是 成立 √ ✓ ✔ true yes right correct`; false — `不正确 不对 不是 不成立 错误 错的 错 否
/// × ✗ ✘ false no wrong incorrect`. Latin words need word boundaries; `是否 对于 对应 对比 对象` are never truth words.
/// The rules are tried in order; the first that yields a value wins:
///
/// | # | rule | reads | examples → value |
/// |---|---|---|---|
/// | 1 | `truth_bare` | the whole reply, without brackets, quotes and closing punctuation, is a truth word, or `t`/`f` | `对`, `错`, `正确`, `错误`, `是`, `否`, `true`, `False`, `yes`, `no`, `√`, `×`, `T` |
/// | 2 | `truth_statement` | the **last** marker `答案 判断 结论 说法 答 answer statement` followed, after fillers (`: 是 为 应该是 应为 is ( [ 【 “`), by a truth word | `答案：错误`, `判断：正确`, `The answer is false.`, `该说法是错误的` |
/// | 3 | `truth_leading` | the reply opens with a truth word followed by the end, whitespace or punctuation | `正确。因为…`, `错误，…`, `No, because…` |
/// | 4 | `truth_word` | the first of the decisive words `不正确 不成立 错误 incorrect false × ✗ ✘ 正确 成立 true correct √ ✓ ✔` anywhere | `我认为这个说法是错误的` → false |
/// | 5 | `truth_choice` | items that also offer lettered choices: the choice extractor's letter, read through its choice text with rule 1 | `B` (B = 错误) → false |
///
/// When no rule applies the reply is **unextractable**.
public struct TruthValueExtractor: Sendable {
    /// Choices of a true/false item that offers them (e.g. A = 正确, B = 错误); usually empty.
    public let choices: [Choice]

    public init(choices: [Choice] = []) { self.choices = choices }

    /// The extractor for a true/false item.
    public init(item: Item) { self.init(choices: item.choices) }

    static let trueWords = ["正确", "对的", "是的", "成立", "对", "是", "√", "✓", "✔", "true", "yes", "right", "correct"]
    static let falseWords = [
        "不正确", "不成立", "不对", "不是", "错误", "错的", "错", "否", "×", "✗", "✘", "false", "incorrect", "wrong", "no",
    ]
    static let neutralWords = ["是否", "对于", "对应", "对比", "对象"]
    static let decisiveTrue = ["正确", "成立", "true", "correct", "√", "✓", "✔"]
    static let decisiveFalse = ["不正确", "不成立", "错误", "incorrect", "false", "×", "✗", "✘"]
    static let markers = ["答案", "判断", "结论", "说法", "答", "answer", "statement"]
    static let fillers = ["应该是", "应为", ":", "是", "为", "is", "(", "[", "【", "“", "\""]

    /// The truth value and the rule that read it, or nil when the reply is unextractable.
    public func extract(_ reply: String) -> ExtractedAnswer? {
        let s = ScalarScanner(reply, lowercase: true)
        if let v = bare(s) { return ExtractedAnswer(answer: .truth(v), rule: .truthBare) }
        if let v = statement(s) { return ExtractedAnswer(answer: .truth(v), rule: .truthStatement) }
        if let v = leading(s) { return ExtractedAnswer(answer: .truth(v), rule: .truthLeading) }
        if let v = decisiveWord(s) { return ExtractedAnswer(answer: .truth(v), rule: .truthWord) }
        if !choices.isEmpty,
            case .letters(let l)? = ChoiceAnswerExtractor(choices: choices, multipleAnswers: false).extract(reply)?
                .answer,
            let text = choices.first(where: { $0.letter == l })?.text,
            let v = bare(ScalarScanner(text, lowercase: true))
        {
            return ExtractedAnswer(answer: .truth(v), rule: .truthChoice)
        }
        return nil
    }

    /// The truth word at `i`, longest first, unless a neutral word starts there.
    private func truthWord(_ s: ScalarScanner, at i: Int) -> (value: Bool, end: Int)? {
        if s.matchAny(Self.neutralWords, at: i) != nil { return nil }
        var best: (value: Bool, end: Int)?
        for (words, value) in [(Self.falseWords, false), (Self.trueWords, true)] {
            if let m = s.matchAny(words, at: i), m.end > best?.end ?? -1 { best = (value, m.end) }
        }
        return best
    }

    /// Rule 1.
    private func bare(_ s: ScalarScanner) -> Bool? {
        var b = 0
        var e = s.count
        while b < e, s.isSpace(b) || ChoiceAnswerExtractor.openers.contains(s[b]) { b += 1 }
        while e > b, s.isSpace(e - 1) || ChoiceAnswerExtractor.closers.contains(s[e - 1]) || s[e - 1] == "!" {
            e -= 1
        }
        guard b < e else { return nil }
        let t = ScalarScanner(scalars: Array(s.text[b..<e]))
        if t.count == 1, t[0] == "t" || t[0] == "f" { return t[0] == "t" }
        guard let w = truthWord(t, at: 0), w.end == t.count else { return nil }
        return w.value
    }

    /// Rule 2.
    private func statement(_ s: ScalarScanner) -> Bool? {
        var last: Bool?
        for i in 0..<s.count {
            guard let marker = s.matchAny(Self.markers, at: i) else { continue }
            var p = s.skippingSpaces(from: marker.end)
            var steps = 0
            while steps < 4, s.matchAny(Self.neutralWords, at: p) == nil, let f = s.matchAny(Self.fillers, at: p) {
                p = s.skippingSpaces(from: f.end)
                steps += 1
            }
            if let w = truthWord(s, at: p) { last = w.value }
        }
        return last
    }

    /// Rule 3.
    private func leading(_ s: ScalarScanner) -> Bool? {
        var p = 0
        while p < s.count, s.isSpace(p) || ChoiceAnswerExtractor.openers.contains(s[p]) { p += 1 }
        guard let w = truthWord(s, at: p) else { return nil }
        guard w.end == s.count || s.isSpace(w.end) || TextNormalizer.isPunctuation(s[w.end]) else { return nil }
        return w.value
    }

    /// Rule 4.
    private func decisiveWord(_ s: ScalarScanner) -> Bool? {
        for i in 0..<s.count {
            if s.matchAny(Self.decisiveFalse, at: i) != nil { return false }
            if s.matchAny(Self.decisiveTrue, at: i) != nil { return true }
        }
        return nil
    }
}
