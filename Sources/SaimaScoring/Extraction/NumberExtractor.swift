import Foundation

/// One number written in a reply.
public struct NumberMention: Sendable, Hashable {
    /// How explicitly the reply presents the number as its answer.
    public enum Emphasis: Int, Sendable, Hashable, Comparable {
        case none, weak, strong
        public static func < (a: Emphasis, b: Emphasis) -> Bool { a.rawValue < b.rawValue }
    }

    /// The value with every scale applied: `12.5%` → 0.125, `3.2万` → 32000.
    public var value: Double
    /// The value before a trailing scale (`%`, `‰`, `百分之`, or `万`/`亿`/… after an Arabic number), when the
    /// mention has one: `12.5%` → 12.5, `72万` → 72.
    public var unscaledValue: Double?
    /// The mention as written (after NFKC folding).
    public var text: String
    /// Whether the mention contains an Arabic digit.
    public var isArabic: Bool
    /// Whether the mention follows a strong marker (答案, 结果, answer, …), a weak one (为, 是, =, is, …) or none.
    public var emphasis: Emphasis
    /// Code-point offsets of the mention in the folded reply.
    var range: Range<Int>
}

/// Finds numbers in free text: Arabic numbers with thousands separators, decimals and exponents (`1,234.5`,
/// `1e-3`), signs (`-5`, `−5`, `负5`, where a `-` right after a letter or digit is a hyphen, not a sign),
/// percent and per-mille (`12.5%`, `3‰`, `百分之十五`), Chinese numerals and scales (`三百二十`, `两千零五`,
/// `一万二千`, `3.2万`, `1.5亿`; see `ChineseNumeral`). The text is NFKC-folded first, so full-width digits count.
/// Fractions (`1/2`) and numbers spelled in English words are not read.
///
/// `pick` chooses the answer among the mentions: the last one after a strong marker (`答案 结果 结论 最终 答 合计
/// 共计 总计 answer result total \boxed{`, possibly followed by `是 为 = ≈ 等于 is equals` and fillers such as
/// `: 约 大约 about approximately around ( $ ¥`); else the last after a weak marker (`为 是 = ≈ 等于 is equals`);
/// else the last mention containing an Arabic digit; else the last mention.
public enum NumberExtractor {
    static let strongMarkers = ["答案", "结果", "结论", "最终", "合计", "共计", "总计", "答", "answer", "result", "total", "\\boxed{"]
    static let weakMarkers = ["等于", "为", "是", "=", "≈", "equals", "is", "was", "are", "be"]
    static let fillers = [
        ":", "大约", "约", "应该", "应", "就", "即", "都", "about", "approximately", "around", "roughly", "$", "\\(", "(", "[",
        "{", "¥",
    ]

    /// Every number in `text`, in order.
    public static func mentions(in text: String) -> [NumberMention] {
        let s = ScalarScanner(text)
        var found: [NumberMention] = []
        var i = 0
        while i < s.count {
            let (m, end) = scan(s, at: i)
            if let m { found.append(m) }
            i = end
        }
        return found
    }

    /// The mention a reply gives as its answer (see the type's documentation).
    public static func pick(_ mentions: [NumberMention]) -> NumberMention? {
        mentions.last { $0.emphasis == .strong } ?? mentions.last { $0.emphasis == .weak }
            ?? mentions.last { $0.isArabic } ?? mentions.last
    }

    /// A text that is one number followed by an optional unit (`72`, `1,234.5`, `15万元`, ` 三百二十 人`): the
    /// number's value and the unit in `TextNormalizer.matchingForm`. Nil for anything else.
    public static func numberWithUnit(_ text: String) -> (value: Double, unit: String)? {
        let s = ScalarScanner(text)
        let start = s.skippingSpaces(from: 0)
        guard start < s.count, let m = mention(s, at: start) else { return nil }
        let unit = TextNormalizer.matchingForm(String(scalars: s.text[m.range.upperBound...]))
        guard !unit.unicodeScalars.contains(where: { PythonText.isASCIIDigit($0) || ChineseNumeral.part($0) != nil })
        else { return nil }
        return (m.value, unit)
    }

    // MARK: - Scanning

    /// The mention starting at `i` (its sign included), if a number starts there.
    static func mention(_ s: ScalarScanner, at i: Int) -> NumberMention? { scan(s, at: i).mention }

    /// The mention starting at `i`, and where to look next: past the mention, past a run of units that held no
    /// digit (so that a reply of a million `千` is read in linear time), else `i + 1`.
    private static func scan(_ s: ScalarScanner, at i: Int) -> (mention: NumberMention?, end: Int) {
        var p = i
        var negative = false
        if p < s.count, s[p] == "-" || s[p] == "−" || s[p] == "负" {
            guard s[p] == "负" || !s.isWordASCII(p - 1) else { return (nil, i + 1) }
            negative = true
            p += 1
        }
        var percentPrefix = false
        if let end = s.match("百分之", at: p) {
            percentPrefix = true
            p = end
        }
        guard p < s.count, startsNumber(s, p) else { return (nil, i + 1) }
        var parts: [ChineseNumeral.Part] = []
        var lastWasArabic = false
        var sawArabic = false
        while p < s.count {
            if startsArabic(s, p) {
                if lastWasArabic { break }
                let (value, end) = arabic(s, at: p)
                parts.append(.number(value))
                p = end
                lastWasArabic = true
                sawArabic = true
            } else if let part = ChineseNumeral.part(s[p]) {
                if lastWasArabic, case .digit = part { break }
                parts.append(part)
                p += 1
                lastWasArabic = false
            } else {
                break
            }
        }
        guard parts.contains(where: { if case .smallUnit(10) = $0 { true } else { $0.isDigitOrNumber } }) else {
            return (nil, max(p, i + 1))
        }
        var value = ChineseNumeral.value(parts)
        var unscaled: Double? = nil
        if sawArabic, let firstUnit = parts.firstIndex(where: { !$0.isDigitOrNumber }),
            parts[firstUnit...].allSatisfy({ !$0.isDigitOrNumber })
        {
            unscaled = ChineseNumeral.value(Array(parts[..<firstUnit]))
        }
        var scale = 1.0
        if percentPrefix {
            scale = 100
        } else {
            let q = s.skippingSpaces(from: p)
            if q < s.count, s[q] == "%" || s[q] == "‰" {
                scale = s[q] == "%" ? 100 : 1000
                p = q + 1
            }
        }
        if scale != 1 {
            unscaled = value
            value /= scale
        }
        if negative {
            value = -value
            unscaled = unscaled.map { -$0 }
        }
        let mention = NumberMention(
            value: value, unscaledValue: unscaled, text: String(scalars: s.text[i..<p]), isArabic: sawArabic,
            emphasis: emphasis(s, before: i), range: i..<p)
        return (mention, p)
    }

    private static func startsArabic(_ s: ScalarScanner, _ p: Int) -> Bool {
        PythonText.isASCIIDigit(s[p])
            || (s[p] == "." && p + 1 < s.count && PythonText.isASCIIDigit(s[p + 1]) && !s.isWordASCII(p - 1))
    }

    private static func startsNumber(_ s: ScalarScanner, _ p: Int) -> Bool {
        startsArabic(s, p) || ChineseNumeral.part(s[p]) != nil
    }

    /// An Arabic number at `p`: digits (with `,` thousands groups when every group has three digits), an
    /// optional fraction and an optional exponent.
    private static func arabic(_ s: ScalarScanner, at p: Int) -> (Double, Int) {
        var digits = ""
        var j = p
        func takeDigits() -> Int {
            let from = j
            while j < s.count, PythonText.isASCIIDigit(s[j]) {
                digits.unicodeScalars.append(s[j])
                j += 1
            }
            return j - from
        }
        let leading = takeDigits()
        if leading <= 3 {
            while isThousandsGroup(s, at: j) {
                j += 1
                _ = takeDigits()
            }
        }
        if leading == 0 || (j + 1 < s.count && s[j] == "." && PythonText.isASCIIDigit(s[j + 1])) {
            digits += "."
            j += 1
            _ = takeDigits()
        }
        if j < s.count, s[j] == "e" || s[j] == "E" {
            var k = j + 1
            if k < s.count, s[k] == "+" || s[k] == "-" { k += 1 }
            let digitsStart = k
            while k < s.count, PythonText.isASCIIDigit(s[k]) { k += 1 }
            if k > digitsStart, !s.isLetterASCII(k) {
                digits += String(scalars: s.text[j..<k])
                j = k
            }
        }
        if digits.hasPrefix(".") { digits = "0" + digits }
        return (Double(digits) ?? 0, j)
    }

    /// `,` followed by exactly three digits.
    private static func isThousandsGroup(_ s: ScalarScanner, at j: Int) -> Bool {
        guard j + 3 < s.count, s[j] == "," else { return false }
        return (1...3).allSatisfy { PythonText.isASCIIDigit(s[j + $0]) }
            && !(j + 4 < s.count && PythonText.isASCIIDigit(s[j + 4]))
    }

    /// How strongly the text before `start` marks the number as the answer.
    private static func emphasis(_ s: ScalarScanner, before start: Int) -> NumberMention.Emphasis {
        var p = start
        var weak = false
        for _ in 0..<8 {
            while p > 0, s.isSpace(p - 1) { p -= 1 }
            if let b = s.matchAnyBackward(weakMarkers, endingAt: p) {
                weak = true
                p = b
            } else if let b = s.matchAnyBackward(fillers, endingAt: p) {
                p = b
            } else {
                break
            }
        }
        while p > 0, s.isSpace(p - 1) { p -= 1 }
        if s.matchAnyBackward(strongMarkers, endingAt: p) != nil { return .strong }
        return weak ? .weak : .none
    }
}

extension ChineseNumeral.Part {
    /// A digit or an Arabic number (not a unit).
    var isDigitOrNumber: Bool {
        switch self {
        case .digit, .number: true
        case .smallUnit, .largeUnit: false
        }
    }
}
