import Foundation

/// A reply prepared for rule-based answer extraction: NFKC-folded (so full-width `Ｂ`, `（`, `：` read as
/// `B`, `(`, `:`), with Markdown emphasis and code marks (`*`, `` ` ``) removed, as an array of code points
/// with word-matching helpers.
struct ScalarScanner {
    let text: [Unicode.Scalar]
    var count: Int { text.count }

    init(_ reply: String, lowercase: Bool = false) {
        var folded = reply.precomposedStringWithCompatibilityMapping
        if lowercase { folded = folded.lowercased() }
        text = folded.unicodeScalars.filter { $0 != "*" && $0 != "`" }
    }

    /// A scanner over code points that are already prepared.
    init(scalars: [Unicode.Scalar]) { text = scalars }

    subscript(i: Int) -> Unicode.Scalar { text[i] }

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
