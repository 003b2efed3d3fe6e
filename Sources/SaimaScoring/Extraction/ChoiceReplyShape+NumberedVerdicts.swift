import Foundation
import SaimaBase

/// Rule `letter_statement`, options judged by number.
extension ChoiceReplyShape {
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
}
