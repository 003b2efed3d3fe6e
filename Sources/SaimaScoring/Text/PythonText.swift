/// The few Python 3 `str` operations that the reference implementations (rouge-score, sacrebleu, the SQuAD
/// evaluation script) build on, reproduced code point for code point so that Saima's metrics agree with them.
///
/// Python strings are sequences of code points, so everything here works on `[Unicode.Scalar]`, never on
/// Swift `Character`s (grapheme clusters) and never with Swift's canonical-equivalence string comparison.
/// Character properties come from the Swift runtime's Unicode tables; they agree with CPython 3.11
/// (Unicode 14) for every code point assigned in Unicode 14.
enum PythonText {
    /// `str.isspace()` for one code point: bidirectional class WS, B or S, or general category Zs.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            true
        default: false
        }
    }

    /// Whether a code point is an ASCII decimal digit (`[0-9]` in a Python `re` pattern).
    static func isASCIIDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    /// `str.lower()`: the full lowercase mapping of each code point (U+0130 becomes two code points), with
    /// U+03A3 Σ mapped to final ς in the Final_Sigma context as CPython's `handle_capital_sigma` decides.
    static func lowercased(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.count)
        for (i, s) in text.enumerated() {
            if s.value < 0x80 {
                out.append(s.value >= 0x41 && s.value <= 0x5A ? Unicode.Scalar(UInt8(s.value + 32)) : s)
            } else if (0x3000...0x9FFF).contains(s.value) || (0xAC00...0xD7AF).contains(s.value) {
                out.append(s)  // CJK, kana and Hangul have no case (checked over every code point)
            } else if s.value == 0x3A3 {
                out.append(isFinalSigma(text, at: i) ? "\u{3C2}" : "\u{3C3}")
            } else if !s.properties.changesWhenLowercased {
                out.append(s)
            } else {
                out.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return out
    }

    /// `\p{cased}\p{case-ignorable}* Σ !(\p{case-ignorable}* \p{cased})`, as CPython tests it.
    private static func isFinalSigma(_ text: [Unicode.Scalar], at i: Int) -> Bool {
        var j = i - 1
        while j >= 0, text[j].properties.isCaseIgnorable { j -= 1 }
        guard j >= 0, text[j].properties.isCased else { return false }
        j = i + 1
        while j < text.count, text[j].properties.isCaseIgnorable { j += 1 }
        return j == text.count || !text[j].properties.isCased
    }

    /// `str.split()` without arguments: the maximal runs of non-whitespace code points.
    static func split(_ text: [Unicode.Scalar]) -> [ArraySlice<Unicode.Scalar>] {
        var tokens: [ArraySlice<Unicode.Scalar>] = []
        var start: Int? = nil
        for (i, s) in text.enumerated() {
            if isSpace(s) {
                if let b = start { tokens.append(text[b..<i]) }
                start = nil
            } else if start == nil {
                start = i
            }
        }
        if let b = start { tokens.append(text[b..<text.count]) }
        return tokens
    }

    /// `str.strip()` without arguments.
    static func strip(_ text: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        rstrip(lstrip(text))
    }

    /// `str.lstrip()` without arguments.
    static func lstrip(_ text: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var b = text.startIndex
        while b < text.endIndex, isSpace(text[b]) { b += 1 }
        return text[b..<text.endIndex]
    }

    /// `str.rstrip()` without arguments.
    static func rstrip(_ text: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var e = text.endIndex
        while e > text.startIndex, isSpace(text[e - 1]) { e -= 1 }
        return text[text.startIndex..<e]
    }

    /// `\w` of a Python 3 `re` pattern on `str`: `str.isalnum()` (categories Lu Ll Lt Lm Lo, or any
    /// Numeric_Type) or the underscore.
    static func isWordCharacter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            return (s.value >= 0x30 && s.value <= 0x39) || (s.value >= 0x41 && s.value <= 0x5A)
                || (s.value >= 0x61 && s.value <= 0x7A) || s.value == 0x5F
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return s.properties.numericType != nil
        }
    }

    /// `string.punctuation`: the 32 ASCII punctuation characters ``!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~``.
    static func isASCIIPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: true
        default: false
        }
    }
}

extension Array where Element == Unicode.Scalar {
    /// The code points of a string (one pass, capacity reserved from the UTF-8 length).
    init(scalarsOf text: some StringProtocol) {
        self.init()
        reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars { append(s) }
    }
}

extension String {
    /// A string made of exactly these code points.
    init(scalars: some Sequence<Unicode.Scalar>) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        self.init(view)
    }
}
