import Foundation

/// A reply prepared for rule-based answer extraction: NFKC-folded (so full-width `Ｂ`, `（`, `：` read as
/// `B`, `(`, `:`), with Markdown emphasis and code marks (`*`, `` ` ``) removed, as an array of code points
/// with word-matching helpers.
struct ScalarScanner {
    let text: [Unicode.Scalar]
    var count: Int { text.count }

    init(_ reply: String, lowercase: Bool = false) {
        var folded = Self.withoutCircledMarks(reply).precomposedStringWithCompatibilityMapping
        if lowercase { folded = folded.lowercased() }
        text = folded.unicodeScalars.filter { $0 != "*" && $0 != "`" }
    }

    /// The reply without circled or parenthesized numbers (`①` `⑴` `⒈`) written just before a letter (`①A. …`): NFKC
    /// would make `①A` the word `1A`, hiding the option label; a number standing alone is kept.
    static func withoutCircledMarks(_ reply: String) -> String {
        let scalars = Array(reply.unicodeScalars)
        guard scalars.contains(where: { (0x2460...0x249B).contains($0.value) }) else { return reply }
        var out = String.UnicodeScalarView()
        for (i, c) in scalars.enumerated() {
            if (0x2460...0x249B).contains(c.value), i + 1 < scalars.count {
                let next = scalars[i + 1].value
                if (0x41...0x5A).contains(next) || (0xFF21...0xFF3A).contains(next) { continue }
            }
            out.append(c)
        }
        return String(out)
    }

    /// A scanner over code points that are already prepared.
    init(scalars: [Unicode.Scalar]) { text = scalars }

    subscript(i: Int) -> Unicode.Scalar { text[i] }

    /// For each position, whether it lies inside TeX math: `$…$`, `$$…$$`, `\(…\)` or `\[…\]`. Letters there are
    /// variables (`\(A\)`, `$A=2$`), never answers.
    var mathMask: [Bool] {
        var mask = [Bool](repeating: false, count: count)
        var i = 0
        while i < count {
            var close: [Unicode.Scalar]?
            var open = 0
            if text[i] == "$" {
                let double = i + 1 < count && text[i + 1] == "$"
                close = double ? ["$", "$"] : ["$"]
                open = double ? 2 : 1
            } else if text[i] == "\\", i + 1 < count, text[i + 1] == "(" || text[i + 1] == "[" {
                close = ["\\", text[i + 1] == "(" ? ")" : "]"]
                open = 2
            }
            guard let close else {
                i += 1
                continue
            }
            var j = i + open
            while j + close.count <= count, Array(text[j..<(j + close.count)]) != close { j += 1 }
            guard j + close.count <= count, j - i < 2000 else {
                // `\(` or `\[` never closed: a reply cut off inside its math; the rest is math.
                if close.first == "\\", count - i < 2000 {
                    for k in i..<count { mask[k] = true }
                    break
                }
                i += open
                continue
            }
            for k in i..<(j + close.count) { mask[k] = true }
            i = j + close.count
        }
        return mask
    }

    /// Whether position `i` holds an ASCII letter or digit (so a letter next to it is part of a word).
    func isWordASCII(_ i: Int) -> Bool {
        guard i >= 0, i < count else { return false }
        let v = text[i].value
        return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }

    /// Whether position `i` holds an ASCII letter.
    func isLetterASCII(_ i: Int) -> Bool {
        guard i >= 0, i < count else { return false }
        let v = text[i].value
        return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }

    /// Whether position `i` holds whitespace.
    func isSpace(_ i: Int) -> Bool { i >= 0 && i < count && text[i].properties.isWhitespace }

    /// The first index at or after `i` that is not whitespace.
    func skippingSpaces(from i: Int) -> Int {
        var j = i
        while isSpace(j) { j += 1 }
        return j
    }

    /// If `word` occurs at `i`, the index just past it. ASCII letters compare case-insensitively; a word that
    /// starts (ends) with an ASCII letter must not be preceded (followed) by an ASCII letter or digit.
    func match(_ word: String, at i: Int) -> Int? {
        var j = i
        for w in word.unicodeScalars {
            guard j < count, Self.foldASCII(text[j]) == Self.foldASCII(w) else { return nil }
            j += 1
        }
        if let first = word.unicodeScalars.first, first.isASCIILetter, isWordASCII(i - 1) { return nil }
        if let last = word.unicodeScalars.last, last.isASCIILetter, isWordASCII(j) { return nil }
        return j
    }

    /// If `word` ends just before `end`, the index where it starts (same rules as `match`).
    func matchBackward(_ word: String, endingAt end: Int) -> Int? {
        let start = end - word.unicodeScalars.count
        guard start >= 0, let stop = match(word, at: start), stop == end else { return nil }
        return start
    }

    /// The first of `words` that ends just before `end`, with the index where it starts.
    func matchAnyBackward(_ words: [String], endingAt end: Int) -> Int? {
        for w in words { if let start = matchBackward(w, endingAt: end) { return start } }
        return nil
    }

    /// The first of `words` that occurs at `i` (list longer words first), with the index past it.
    func matchAny(_ words: [String], at i: Int) -> (word: String, end: Int)? {
        for w in words { if let end = match(w, at: i) { return (w, end) } }
        return nil
    }

    private static func foldASCII(_ s: Unicode.Scalar) -> UInt32 {
        s.value >= 0x41 && s.value <= 0x5A ? s.value + 32 : s.value
    }
}

extension Unicode.Scalar {
    /// `A`–`Z` or `a`–`z`.
    var isASCIILetter: Bool { isASCIIUppercase || isASCIILowercase }
    /// `A`–`Z`.
    var isASCIIUppercase: Bool { value >= 0x41 && value <= 0x5A }
    /// `a`–`z`.
    var isASCIILowercase: Bool { value >= 0x61 && value <= 0x7A }
    /// The ASCII upper-case form of `a`–`z`; other code points unchanged.
    var asciiUppercased: Unicode.Scalar { isASCIILowercase ? Unicode.Scalar(UInt8(value - 32)) : self }
}
