/// sacrebleu 2.x's `13a` and `zh` tokenizers, reproduced code point for code point.
///
/// Both end in sacrebleu's `TokenizerRegexp`, four `re.sub` passes and a whitespace split:
/// 1. `([\{-\~\[-\` -\&\(-\+\:-\@\/])` → ` \1 `: space around ASCII `{|}~ [\]^_` space !"#$%& ()*+ :;<=>?@ /`;
/// 2. `([^0-9])([\.,])` → `\1 \2 `: a period or comma after a non-digit;
/// 3. `([\.,])([^0-9])` → ` \1 \2`: a period or comma before a non-digit;
/// 4. `([0-9])(-)` → `\1 \2 `: a dash after a digit;
/// then `' '.join(line.split())`. Each pass scans left to right without overlapping matches, as `re.sub` does.
public enum SacreBLEUTokenizer: String, Sendable, Hashable, CaseIterable {
    /// `Tokenizer13a` (mteval-v13a): drops `<skipped>`, joins `-\n` hyphenations, turns newlines into spaces,
    /// unescapes `&quot; &amp; &lt; &gt;` (in that order, only when the line contains `&`), then the passes.
    case thirteenA = "13a"
    /// `TokenizerZh`: strips the line, puts spaces around every code point in sacrebleu's `_UCODE_RANGES`,
    /// then the passes.
    case zh

    /// The tokenizer sacrebleu picks for a target language: `zh` for Chinese, `13a` otherwise.
    public init(language: ScoringLanguage) { self = language == .zh ? .zh : .thirteenA }

    /// The tokens of one segment after sacrebleu's `_preprocess_segment` (`rstrip()`, no lowercasing).
    func tokens(_ line: String) -> [ArraySlice<Unicode.Scalar>] {
        let text = Array(PythonText.rstrip(Array(scalarsOf: line)[...]))
        let spaced: [Unicode.Scalar]
        switch self {
        case .thirteenA: spaced = [" "] + Self.mteval13aEscapes(text) + [" "]
        case .zh:
            spaced = PythonText.strip(text[...]).flatMap { c in
                Self.isChineseCharacter(c) ? [" ", c, " "] : [c]
            }
        }
        return PythonText.split(Self.regexpPasses(spaced))
    }

    /// The replacements `Tokenizer13a.__call__` makes before the regexp passes.
    private static func mteval13aEscapes(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var line = replacing(text, "<skipped>", "")
        line = replacing(line, "-\n", "")
        line = replacing(line, "\n", " ")
        if line.contains("&") {
            line = replacing(line, "&quot;", "\"")
            line = replacing(line, "&amp;", "&")
            line = replacing(line, "&lt;", "<")
            line = replacing(line, "&gt;", ">")
        }
        return line
    }

    /// Python's `str.replace(old, new)`: non-overlapping occurrences, left to right.
    static func replacing(_ text: [Unicode.Scalar], _ old: String, _ new: String) -> [Unicode.Scalar] {
        let pattern = Array(scalarsOf: old)
        let replacement = Array(scalarsOf: new)
        guard let first = pattern.first, text.contains(first) else { return text }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.count)
        var i = 0
        while i < text.count {
            if text[i] == first, i + pattern.count <= text.count, text[i..<(i + pattern.count)].elementsEqual(pattern) {
                out.append(contentsOf: replacement)
                i += pattern.count
            } else {
                out.append(text[i])
                i += 1
            }
        }
        return out
    }

    /// The four substitutions of `TokenizerRegexp` (before its final whitespace normalization).
    private static func regexpPasses(_ input: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var line: [Unicode.Scalar] = []
        line.reserveCapacity(input.count * 2)
        for c in input {
            if isSeparatedSymbol(c) { line.append(contentsOf: [" ", c, " "]) } else { line.append(c) }
        }
        let digit = PythonText.isASCIIDigit
        let periodOrComma: (Unicode.Scalar) -> Bool = { $0 == "." || $0 == "," }
        let notDigit: (Unicode.Scalar) -> Bool = { !digit($0) }
        line = substitutePairs(line, first: notDigit, second: periodOrComma, replacement: { [$0, " ", $1, " "] })
        line = substitutePairs(line, first: periodOrComma, second: notDigit, replacement: { [" ", $0, " ", $1] })
        line = substitutePairs(line, first: digit, second: { $0 == "-" }, replacement: { [$0, " ", $1, " "] })
        return line
    }

    /// `re.sub` of a two-character pattern `(first)(second)`.
    private static func substitutePairs(
        _ text: [Unicode.Scalar], first: (Unicode.Scalar) -> Bool, second: (Unicode.Scalar) -> Bool,
        replacement: (Unicode.Scalar, Unicode.Scalar) -> [Unicode.Scalar]
    ) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.count + text.count / 4)
        var i = 0
        while i < text.count {
            if i + 1 < text.count, first(text[i]), second(text[i + 1]) {
                out.append(contentsOf: replacement(text[i], text[i + 1]))
                i += 2
            } else {
                out.append(text[i])
                i += 1
            }
        }
        return out
    }

    /// The character class `[\{-\~\[-\` -\&\(-\+\:-\@\/]`.
    private static func isSeparatedSymbol(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x7B...0x7E, 0x5B...0x60, 0x20...0x26, 0x28...0x2B, 0x3A...0x40, 0x2F: true
        default: false
        }
    }

    /// `TokenizerZh._is_chinese_char` as it actually behaves. Its table writes two supplementary ranges as
    /// `u'\u20000'` and `u'\u2f800'`, which Python reads as two-character strings (U+2000 then "0"); compared
    /// with one character they make the ranges U+2001–U+2A6D and U+2F81–U+2FA1, and no code point above
    /// U+FFFF counts. The ranges below are the union sacrebleu 2.x effectively tests (checked exhaustively
    /// against sacrebleu 2.6.0 over every code point).
    static func isChineseCharacter(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x2001...0x2A6D, 0x2E80...0x2FDF, 0x2FF0...0x303F, 0x3100...0x312F, 0x31A0...0x31EF,
            0x3200...0x4DB5, 0x4E00...0x9FBB, 0xF900...0xFA2D, 0xFA30...0xFA6A, 0xFA70...0xFAD9,
            0xFE10...0xFE1F, 0xFE30...0xFE4F, 0xFF00...0xFFEF:
            true
        default: false
        }
    }
}
