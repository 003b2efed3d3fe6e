import Foundation
import SaimaBase

/// A restated option turned into its opposite: one negation put in or taken out.
extension ChoiceReplyShape {
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
}
