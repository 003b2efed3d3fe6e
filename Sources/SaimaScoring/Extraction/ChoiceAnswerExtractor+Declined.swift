import SaimaBase
import SaimaModel

/// When an answer line that names no option (`答案：…` read as `declined`) is a plain decline, trusted as the reply's
/// final word, and when it is in doubt.
extension ChoiceAnswerExtractor {
    /// Whether the declined answer line `text` plainly chooses nothing (confidence `explicit`): it is empty; it refuses
    /// (`题目有误`, `无正确选项`, `none`) or, in at most `shortDecline` scalars, hedges between options (`B或D`), and it
    /// neither holds an option's text nor stands inside one (`答案：无效` to the options `合同有效`/`合同无效`); it is the
    /// prompt's first option line copied (`A. 凝結`); or it is a number no option holds (`答案：75`). Any other line
    /// (`答案：一项`, a sentence of prose) may name an option in words the rules do not match: it is in doubt.
    func declinesPlainly(_ text: String) -> Bool {
        if text.trimmedSpaces.isEmpty { return true }
        let lower = text.lowercased()
        let short = text.unicodeScalars.count <= Self.shortDecline
        let refuses = (short ? Self.refusals : Self.refusalPhrases).contains { ScalarSearch.contains(lower, $0) }
            || (short && Self.hedges.contains { ScalarSearch.contains(lower, $0) })
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
    /// Phrases by which a longer declined answer line plainly refuses or finds no answer: a negation inside a sentence
    /// of prose (`乙没有取得…所有权`) is the sentence's content, not a refusal.
    static let refusalPhrases = [
        "无正确", "没有正确", "都不正确", "均不正确", "都不对", "均不对", "都是错", "均是错", "都错", "均错", "有误", "有错", "出错",
        "无法", "不能确定", "不确定", "没有答案", "无答案", "没有选项", "无选项", "没有给出正确", "没有一个", "没有一项", "无一", "没有符合",
        "无符合", "none of", "no correct", "cannot", "can't", "n/a",
        "not sure",
    ]
    /// Words by which a short declined answer line (at most `shortDecline` scalars) plainly refuses or finds no answer.
    static let refusals = ["无", "没有", "错误", "有误", "出错", "不确定", "无法", "不能", "都不", "none", "no ", "cannot", "n/a"]
}
