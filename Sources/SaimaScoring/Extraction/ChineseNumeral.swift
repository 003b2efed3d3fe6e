/// Values of Chinese numerals, including mixed forms such as `3.2万` and `1万2千`.
///
/// A numeral is a sequence of **parts**: a digit (`零〇一二两三四五六七八九`, financial `壹贰叁肆伍陆柒捌玖`,
/// traditional `兩`), a small unit (`十百千`, `拾佰仟`), a large unit (`万萬`, `亿億`), or an Arabic number (which
/// plays the role of a digit and may be > 9 or fractional). Its value, as read aloud:
/// - digits written one after another without units are positional: `二〇二四` = 2024 (`零` counts as a digit
///   when it follows a digit, otherwise it only marks a gap: `两千零五` = 2005);
/// - a small unit multiplies the pending digit (1 when none: `十五` = 15) and adds to the current section;
/// - `万` multiplies the section and the pending digit by 10⁴ (1 when both are empty), `亿` multiplies everything
///   so far by 10⁸: `一万二千` = 12000, `三百二十` = 320, `3万亿` = 3·10¹², `1.5亿` = 1.5·10⁸, `1亿2千万` = 1.2·10⁸.
enum ChineseNumeral {
    enum Part: Equatable {
        case digit(Double)
        case smallUnit(Double)
        case largeUnit(Double)
        case number(Double)
    }

    /// The part a code point stands for, if any.
    static func part(_ s: Unicode.Scalar) -> Part? {
        switch s {
        case "零", "〇": .digit(0)
        case "一", "壹": .digit(1)
        case "二", "两", "兩", "贰", "貳": .digit(2)
        case "三", "叁", "參": .digit(3)
        case "四", "肆": .digit(4)
        case "五", "伍": .digit(5)
        case "六", "陆", "陸": .digit(6)
        case "七", "柒": .digit(7)
        case "八", "捌": .digit(8)
        case "九", "玖": .digit(9)
        case "十", "拾": .smallUnit(10)
        case "百", "佰": .smallUnit(100)
        case "千", "仟": .smallUnit(1000)
        case "万", "萬": .largeUnit(1e4)
        case "亿", "億": .largeUnit(1e8)
        default: nil
        }
    }

    /// The value of a sequence of parts.
    static func value(_ parts: [Part]) -> Double {
        var upper = 0.0  // everything multiplied by 亿 so far
        var wan = 0.0  // the 万 section
        var section = 0.0  // below 万
        var pending = 0.0  // the digit waiting for a unit
        var hasPending = false
        var previousWasDigit = false
        for part in parts {
            switch part {
            case .digit(let d):
                if previousWasDigit {
                    pending = pending * 10 + d
                } else if d == 0 {
                    previousWasDigit = false
                    continue
                } else {
                    pending = d
                }
                hasPending = true
                previousWasDigit = true
            case .number(let n):
                pending = n
                hasPending = true
                previousWasDigit = false
            case .smallUnit(let u):
                section += (hasPending ? pending : 1) * u
                pending = 0
                hasPending = false
                previousWasDigit = false
            case .largeUnit(let u) where u == 1e4:
                let base = section + pending
                wan += (base == 0 && !hasPending ? 1 : base) * u
                (section, pending, hasPending, previousWasDigit) = (0, 0, false, false)
            case .largeUnit(let u):
                let base = upper + wan + section + pending
                upper = (base == 0 && !hasPending ? 1 : base) * u
                (wan, section, pending, hasPending, previousWasDigit) = (0, 0, 0, false, false)
            }
        }
        return upper + wan + section + pending
    }

    /// `text` with every maximal run of Chinese numeral characters written as its value in Arabic digits, when the run
    /// (after any large units opening it, which are kept: `万一` stays) holds a digit other than a lone `零`, or two
    /// parts or more with a small unit: `一年` → `1年`, `三百二十` → `320`, `十五` → `15`, `千万` → `10000000`. A lone
    /// unit (`十`, `万`) and all other text are kept. Whole values are written without a fraction. Used only to
    /// compare two texts treated alike (an answer line and an option's text), so words such as `统一` (`统1`) or
    /// `千万不要` change on both sides.
    static func arabicized(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var run: [Unicode.Scalar] = []
        func flush() {
            // A large unit cannot open a numeral (`万一` is "in case", not 10001).
            var k = 0
            while k < run.count, case .largeUnit = part(run[k]) { k += 1 }
            out.append(contentsOf: run[..<k])
            let parts = run[k...].compactMap(part)
            let hasDigit = parts.contains { if case .digit(let d) = $0 { d > 0 || parts.count > 1 } else { false } }
            if hasDigit || (parts.count > 1 && parts.contains(where: { if case .smallUnit = $0 { true } else { false } })) {
                let v = value(parts)
                out.append(contentsOf: (v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)).unicodeScalars)
            } else {
                out.append(contentsOf: run[k...])
            }
            run.removeAll()
        }
        for c in text.unicodeScalars {
            if part(c) != nil {
                run.append(c)
            } else {
                if !run.isEmpty { flush() }
                out.append(c)
            }
        }
        if !run.isEmpty { flush() }
        return String(out)
    }
}
