import SaimaBase
import SaimaModel

/// When an answer line that names no option (`答案：…` read as `declined`) is a plain decline, trusted as the reply's
/// final word, and when it is in doubt.
extension ChoiceAnswerExtractor {
    /// Whether the declined answer line `text` plainly chooses nothing (confidence `explicit`): it is empty; in at most
    /// `shortDecline` scalars it refuses (`无`, `none`) or hedges between options (`B或D`), or, longer, it holds a whole
    /// refusal phrase (`题目有误`, `无正确选项`; `refusalPhrases`), and it
    /// neither holds an option's text nor stands inside one (`答案：无效` to the options `合同有效`/`合同无效`); it is the
    /// prompt's first option line copied (`A. 凝結`); or it is a number no option holds (`答案：75`). Any other line
    /// (`答案：一项`, a sentence of prose) may name an option in words the rules do not match: it is in doubt.
    func declinesPlainly(_ text: String) -> Bool {
        if text.trimmedSpaces.isEmpty { return true }
        let lower = text.lowercased()
        let short = text.unicodeScalars.count <= Self.shortDecline
        let refuses = short
            ? Self.refusals.contains { ScalarSearch.contains(lower, $0) } || Self.hedges.contains { ScalarSearch.contains(lower, $0) }
            : Self.holdsRefusal(lower)
        if refuses, !mentionsChoiceText(text), !standsInsideAnOption(text) { return true }
        return opensCopiedOption(text) || isUnofferedNumber(text)
    }

    /// Whether the line's matching form (at least two scalars) is part of some option's text.
    private func standsInsideAnOption(_ text: String) -> Bool {
        let form = TextNormalizer.matchingForm(text)
        guard form.unicodeScalars.count >= 2 else { return false }
        return forms.values.contains { ScalarSearch.contains($0, form) }
    }

    /// Whether an answer line's text is one option line as the prompt lists it (`A. 凝結`): the first line of an
    /// option list copied after the label, which chooses nothing.
    private func opensCopiedOption(_ text: String) -> Bool {
        ChoiceReplyShape.restatedOptionLine(Array(text.unicodeScalars), forms: forms) != nil
    }

    /// Whether an answer line's text is a number that no option's text holds, Chinese numerals written in digits on
    /// both sides (`答案：60` to options without 60 or 六十): a computed value that chooses nothing.
    private func isUnofferedNumber(_ text: String) -> Bool {
        let t = text.trimmingScalars { "。.，, ".unicodeScalars.contains($0) }
        guard !t.isEmpty, t.unicodeScalars.allSatisfy({ PythonText.isASCIIDigit($0) || $0 == "." }) else { return false }
        return !choices.contains { ScalarSearch.contains(ChineseNumeral.arabicized($0.text), t) }
    }

    /// Declined answer lines up to this many scalars may be a plain hedge (`B或D`).
    static let shortDecline = 12
    /// Words by which a short declined answer line hedges between options.
    static let hedges = ["或", "还是", " or "]
    /// Phrases by which a longer declined answer line plainly refuses or finds no answer, whole forms rather than stems:
    /// a negation inside a sentence of prose (`乙没有取得…所有权`, `均不对外承担责任`, `无法律依据`, `处于不确定状态`) is the
    /// sentence's content, not a refusal.
    static let refusalPhrases = [
        "无正确", "没有正确", "都不正确", "均不正确", "皆不正确", "没有给出正确", "没有一个正确", "没有一项正确", "无一正确", "无一项",
        "没有符合", "无符合", "题目有误", "题干有误", "选项有误", "答案有误", "问题有误", "题目错误", "题目有错", "无法作答",
        "无法回答", "无法确定", "无法判断", "无法选择", "无法选", "无法得出", "无法从", "无法给出", "可能有误", "存在错误", "出错了",
        "题目出错", "不能确定", "没有答案", "无答案", "没有选项", "无选项",
        "none of", "no correct", "cannot answer", "cannot determine", "cannot be determined", "n/a", "not sure",
    ]
    /// Refusals that count in a longer line only as a clause of their own, followed by punctuation or the line's end
    /// (`选项都不对。`, not `均不对外`; `都错`, not `都错过`).
    static let boundedRefusals = ["都不对", "均不对", "都错", "均错", "都是错的", "不确定"]

    /// Whether a longer declined line holds a refusal phrase, or a bounded refusal ending its clause.
    static func holdsRefusal(_ lower: String) -> Bool {
        if refusalPhrases.contains(where: { ScalarSearch.contains(lower, $0) }) { return true }
        let t = Array(lower.unicodeScalars)
        return boundedRefusals.contains { phrase in
            let p = Array(phrase.unicodeScalars)
            guard p.count <= t.count else { return false }
            return (0...(t.count - p.count)).contains { i in
                t[i..<(i + p.count)].elementsEqual(p)
                    && (i + p.count == t.count || TextNormalizer.isPunctuation(t[i + p.count]) || t[i + p.count].properties.isWhitespace)
            }
        }
    }

    /// Words by which a short declined answer line (at most `shortDecline` scalars) plainly refuses or finds no answer.
    static let refusals = ["无", "没有", "错误", "有误", "出错", "不确定", "无法", "不能", "都不", "none", "no ", "cannot", "n/a"]
}
