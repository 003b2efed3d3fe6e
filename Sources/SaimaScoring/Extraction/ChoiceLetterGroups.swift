/// Reads **letter groups** from a prepared reply: one or more upper-case choice letters, either run together
/// (`AC`) or joined by `、 , / & + 和 与 及 以及 and` and spaces (`B和D`, `A, C, and D`). Each run must not touch
/// another ASCII letter or digit (so the `A` of `Apple`, the `I` of `I think`, the `C` of `C3` never count), and
/// every letter must be one the item offers.
struct ChoiceLetterGroups {
    /// A letter group found in the reply: its letters and where it starts and ends.
    struct Group {
        var letters: Set<Unicode.Scalar>
        var start: Int
        var end: Int
    }

    /// The item's letters.
    let offered: Set<Unicode.Scalar>

    static let separators = ["以及", "、", ",", "/", "&", "+", "和", "与", "及", "and", ";"]
    /// Words that turn `A 或 B` into a hedge between options rather than a committed answer.
    static let hedges = ["或者", "或是", "还是", "或", "or"]

    /// A run of upper-case letters at `i`, all offered, touching no other ASCII letter or digit.
    func run(_ s: ScalarScanner, at i: Int) -> (Set<Unicode.Scalar>, Int)? {
        guard i < s.count, s[i].isASCIIUppercase, !s.isWordASCII(i - 1) else { return nil }
        var j = i
        while j < s.count, s[j].isASCIIUppercase { j += 1 }
        guard !s.isWordASCII(j) else { return nil }
        let letters = Set(s.text[i..<j])
        return letters.isSubset(of: offered) ? (letters, j) : nil
    }

    /// The letter group starting at `i`: runs joined by separators and spaces. Up to two separators may stand
    /// between runs (`A, C, and D`); a `(`…`)` around a later run is allowed (`(A)、(C)`).
    func group(_ s: ScalarScanner, at i: Int) -> Group? {
        guard let (first, firstEnd) = run(s, at: i) else { return nil }
        var g = Group(letters: first, start: i, end: firstEnd)
        while true {
            var p = s.skippingSpaces(from: closingBracket(s, at: g.end))
            var seps = 0
            while seps < 2, let sep = s.matchAny(Self.separators, at: p) {
                p = s.skippingSpaces(from: sep.end)
                seps += 1
            }
            if p < s.count, s[p] == "(" || s[p] == "[" { p += 1 }
            guard p > g.end, seps > 0 || s.isSpace(g.end), let (more, end) = run(s, at: p) else { break }
            // A line break then an option line (`答案: D\nA: 优秀文化…`): the group ends with its line.
            if seps == 0, s.text[g.end..<p].contains("\n"), opensOptionLine(s, letters: more, end: end) { break }
            g.letters.formUnion(more)
            g.end = end
        }
        return g
    }

    /// Whether the one letter ending at `end` is an option label followed by text on its line (`A: 优秀文化`, `B. 乙`).
    private func opensOptionLine(_ s: ScalarScanner, letters: Set<Unicode.Scalar>, end: Int) -> Bool {
        guard letters.count == 1, end < s.count, [":", ".", "、", ")"].contains(s[end]) else { return false }
        var p = end + 1
        while p < s.count, s[p] == " " || s[p] == "\t" { p += 1 }
        return p < s.count && s[p] != "\n"
    }

    /// A single lower-case offered letter at `i` that is not followed by another word (`答案：b。`).
    func lowercaseLetter(_ s: ScalarScanner, at i: Int) -> Group? {
        guard i < s.count, s[i].isASCIILowercase, !s.isWordASCII(i - 1), !s.isWordASCII(i + 1),
            offered.contains(s[i].asciiUppercased), !s.isLetterASCII(s.skippingSpaces(from: i + 1))
        else { return nil }
        return Group(letters: [s[i].asciiUppercased], start: i, end: i + 1)
    }

    /// `A`/`I` followed by a space and a lower-case word: the English article or pronoun — unless an option word
    /// names it (`Option A is …`, `choice A is …`).
    func isEnglishWord(_ s: ScalarScanner, _ g: Group) -> Bool {
        guard g.end == g.start + 1, s[g.start] == "A" || s[g.start] == "I", s.isSpace(g.end) else { return false }
        var b = g.start
        while b > 0, s.isSpace(b - 1) { b -= 1 }
        if b < g.start, s.matchAnyBackward(["option", "choice", "answer", "选项"], endingAt: b) != nil { return false }
        let next = s.skippingSpaces(from: g.end)
        return next < s.count && s[next].isASCIILowercase
    }

    /// Whether the group is followed by a hedge and another letter (`A或B`, `B or C`): no committed answer.
    func isHedged(_ s: ScalarScanner, _ g: Group) -> Bool {
        var p = s.skippingSpaces(from: closingBracket(s, at: g.end))
        for filler in ["选项", "也可能是", "也可能", "可能是"] { if let e = s.match(filler, at: p) { p = e } }
        guard let hedge = s.matchAny(Self.hedges, at: s.skippingSpaces(from: p)) else { return false }
        var q = s.skippingSpaces(from: hedge.end)
        for filler in ["选项", "选", "是", "option", "(", "["] { if let e = s.match(filler, at: q) { q = s.skippingSpaces(from: e) } }
        return run(s, at: q) != nil
    }

    /// Past a `)`, `]` or `】` right after a letter (`(A)`), or `i` itself.
    private func closingBracket(_ s: ScalarScanner, at i: Int) -> Int {
        i < s.count && (s[i] == ")" || s[i] == "]" || s[i] == "】") ? i + 1 : i
    }
}
