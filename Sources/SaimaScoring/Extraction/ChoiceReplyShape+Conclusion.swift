import Foundation
import SaimaBase

/// Rule `conclusion`: the reply's concluding sentence and what it names.
extension ChoiceReplyShape {
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
}
