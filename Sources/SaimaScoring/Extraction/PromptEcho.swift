import Foundation
import SaimaBase
import SaimaModel

/// Finds the parts of a reply that were copied from the prompt, so that they are never read as the model's answer:
/// an echoed instruction with its format example (`例如：【正确答案】A<eoa>`), an echoed few-shot example with its
/// answer, a restated question, the whole option list.
///
/// Definition. Reply and prompt are compared after the extractor's folding (`ScalarScanner`) and without
/// whitespace. Reading the reply from the left, a **copied run** is the longest stretch starting at the current
/// position that occurs as one piece in the prompt (candidates found by hashing every `window`-gram of the prompt),
/// when it is at least `window` long; reading resumes after it. A copied run of at least `minimumRun` scalars is an
/// **echo**, except:
/// - a run made of option material only (choice texts and their labels, at most `labelSlack` other scalars per
///   option named) that names fewer than all options: restating the options one chose is an answer, not an echo;
/// - a short answer-shaped run (`【正确答案】A<eoa>`: at most `answerSlack` scalars besides answer labels, brackets,
///   punctuation and letters) unless it is introduced as an example (`例如` `比如` `e.g.` `for example` `格式`):
///   the model's own answer may coincide with the prompt's example.
/// A run that opens a line with an answer (`answerPrefix`: `B`, `【正确答案】A<eoa>`, `The answer is (C).`) keeps that
/// answer and only the rest is judged. Each echo of at least `boundaryRun` scalars is replaced by a line holding only
/// `mark` (so that `QuestionScope` sees where the reply copied the prompt again), a shorter one by a line holding
/// `shortMark`; everything else is kept as it was.
struct PromptEcho {
    /// What stands in the reply where an echo was removed: U+FFFC, never a letter or a marker any rule reads.
    static let mark: Unicode.Scalar = "\u{FFFC}"
    /// What stands where a shorter echo was removed (a phrase of the prompt): U+2063.
    static let shortMark: Unicode.Scalar = "\u{2063}"
    static let window = 8
    /// Echoes at least this long (a copied question or example, not a phrase quoted in analysis) mark a boundary.
    static let boundaryRun = 30
    static let minimumRun = 12
    static let labelSlack = 4
    static let answerSlack = 3
    /// Prompt positions remembered per window: a prompt repeating one phrase more often than this is matched on its
    /// first occurrences only.
    static let candidates = 16
    static let exampleWords = ["例如", "比如", "例:", "示例", "样例", "格式", "e.g.", "for example", "such as"]
    static let answerLabels = ["最终答案", "正确答案", "参考答案", "正确选项", "答案", "answer", "选项", "<eoa>", "eoa"]

    let choices: [Choice]

    /// The reply with every echo replaced by a line break, and how many echoes were removed.
    /// `prompt` is the prompt folded as the reply was (`ScalarScanner`), without whitespace (`folded(_:)`).
    func removingEchoes(from reply: [Unicode.Scalar], prompt p: [Unicode.Scalar]) -> (text: [Unicode.Scalar], echoes: Int) {
        var positions: [Int] = []
        var r: [Unicode.Scalar] = []
        positions.reserveCapacity(reply.count)
        r.reserveCapacity(reply.count)
        for (i, c) in reply.enumerated() where !c.properties.isWhitespace {
            positions.append(i)
            r.append(c)
        }
        let k = Self.window
        guard r.count >= Self.minimumRun, p.count >= k else { return (reply, 0) }
        // The reply's windows (it is usually the shorter text) by rolling hash; the prompt is then scanned once, and
        // each reply position keeps the prompt positions where its window recurs (up to `candidates`).
        var replyWindows: [UInt64: [Int]] = [:]
        Self.forEachWindow(r, k) { a, h in replyWindows[h, default: []].append(a) }
        var starts = [[Int]](repeating: [], count: r.count)
        Self.forEachWindow(p, k) { q, h in
            for a in replyWindows[h] ?? [] where starts[a].count < Self.candidates { starts[a].append(q) }
        }
        // Greedy left to right: the longest stretch of the reply starting here that occurs as one piece in the prompt.
        var echo = [Bool](repeating: false, count: reply.count)
        var boundary = [Bool](repeating: false, count: reply.count)
        var echoes = 0
        var a = 0
        while a + k <= r.count {
            var longest = 0
            for q in starts[a] {
                var l = 0
                while a + l < r.count, q + l < p.count, r[a + l] == p[q + l] { l += 1 }
                longest = max(longest, l)
            }
            guard longest >= k else {
                a += 1
                continue
            }
            let b = a + longest
            // A run opening a line with an answer (`B`, `【正确答案】A<eoa>`, `The answer is (C).`) keeps that answer: a
            // model's own answer may equal the prompt's next example answer and run on into copied text.
            let lineStart = positions[a] == 0 || reply[positions[a] - 1] == "\n" || reply[..<positions[a]].allSatisfy(\.properties.isWhitespace)
            var kept = lineStart ? Self.answerPrefix(Array(r[a..<b])) : 0
            if kept > 0, r[a + kept - 1] != ">" {
                // A bare answer ends its line (`B\n…`); `A. 北京` opens a copied option line instead.
                var next = positions[a + kept - 1] + 1
                while next < reply.count, reply[next] == " " || reply[next] == "\t" { next += 1 }
                if next < reply.count, reply[next] != "\n" { kept = 0 }
            }
            if longest - kept >= Self.minimumRun, isEcho(Array(r[(a + kept)..<b]), before: Array(r[max(0, a + kept - 6)..<(a + kept)])) {
                for i in positions[a + kept]...positions[b - 1] { echo[i] = true }
                if longest - kept >= Self.boundaryRun { boundary[positions[a + kept]] = true }
                echoes += 1
            }
            a = b
        }
        guard echoes > 0 else { return (reply, 0) }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(reply.count)
        var i = 0
        while i < reply.count {
            if echo[i] {
                out.append(contentsOf: ["\n", boundary[i] ? Self.mark : Self.shortMark, "\n"])
                while i < reply.count, echo[i] { i += 1 }
            } else {
                out.append(reply[i])
                i += 1
            }
        }
        return (out, echoes)
    }

    /// The length of an answer at the start of `run` (whitespace already removed): optional brackets, an optional
    /// answer label (`正确答案` `答案` `answer` `theansweris`) with `:` or a closing bracket, one to five option letters,
    /// then optional closers (`)` `】` `]` `.` `。` `<eoa>`); 0 when the run does not open with one.
    static func answerPrefix(_ run: [Unicode.Scalar]) -> Int {
        // Lower-cased scalar by scalar (ASCII only), so positions line up with `run`.
        let scalars = run.map { $0.isASCIIUppercase ? Unicode.Scalar($0.value + 32)! : $0 }
        var i = 0
        while i < scalars.count, "【[(".unicodeScalars.contains(scalars[i]) { i += 1 }
        for label in ["theansweris", "正确答案", "最终答案", "答案", "answer"] {
            let l = Array(label.unicodeScalars)
            if i + l.count <= scalars.count, Array(scalars[i..<(i + l.count)]) == l {
                i += l.count
                while i < scalars.count, ":：】]".unicodeScalars.contains(scalars[i]) { i += 1 }
                break
            }
        }
        while i < scalars.count, "(（[".unicodeScalars.contains(scalars[i]) { i += 1 }
        let upper = run
        let lettersStart = i
        while i < upper.count, i - lettersStart < 5, upper[i].isASCIIUppercase { i += 1 }
        guard i > lettersStart, i == upper.count || !upper[i].isASCIILetter else { return 0 }
        var progressed = true
        while progressed {
            progressed = false
            if i < scalars.count, ")）】].。".unicodeScalars.contains(scalars[i]) {
                i += 1
                progressed = true
            }
            let eoa = Array("<eoa>".unicodeScalars)
            if i + eoa.count <= scalars.count, Array(scalars[i..<(i + eoa.count)]) == eoa {
                i += eoa.count
                progressed = true
            }
        }
        return i
    }

    /// A prompt folded as replies are, without whitespace.
    static func folded(_ prompt: String) -> [Unicode.Scalar] { ScalarScanner(prompt).text.filter { !$0.properties.isWhitespace } }

    /// Whether a copied run is an echo (see the type's definition); `before` is the text just before it.
    private func isEcho(_ run: [Unicode.Scalar], before: [Unicode.Scalar]) -> Bool {
        let text = String(String.UnicodeScalarView(run))
        let lower = text.lowercased()
        let context = String(String.UnicodeScalarView(before)).lowercased() + lower
        let introduced = Self.exampleWords.contains { ScalarSearch.contains(context, $0) }
        // Option material: remove every choice text (longest first) and count what is left.
        let texts = choices.map { String(String.UnicodeScalarView(ScalarScanner($0.text).text.filter { !$0.properties.isWhitespace })) }
            .filter { $0.unicodeScalars.count >= 2 }
        if !texts.isEmpty {
            var rest = text
            var named = 0
            for t in texts.sorted(by: { $0.unicodeScalars.count > $1.unicodeScalars.count }) {
                let (replaced, found) = ScalarSearch.replacing(t, in: rest, with: "\u{1}")
                if found {
                    rest = replaced
                    named += 1
                }
            }
            let other = rest.unicodeScalars.filter { $0 != "\u{1}" && !$0.isASCIIUppercase && !".:、)(".unicodeScalars.contains($0) }
            if named > 0, other.count <= Self.labelSlack * named { return named >= choices.count }
        }
        if !introduced {
            var rest = lower
            for label in Self.answerLabels { rest = ScalarSearch.replacing(label, in: rest, with: " ").0 }
            let other = rest.unicodeScalars.filter {
                !$0.isASCIILetter && !$0.properties.isWhitespace && !TextNormalizer.isPunctuation($0)
                    && !"<>[]【】()（）:：".unicodeScalars.contains($0)
            }
            if other.count <= Self.answerSlack { return false }
        }
        return true
    }

    /// Calls `body(start, hash)` for every window of `k` scalars, with a polynomial rolling hash (mod 2^64).
    private static func forEachWindow(_ s: [Unicode.Scalar], _ k: Int, _ body: (Int, UInt64) -> Void) {
        guard s.count >= k else { return }
        let base: UInt64 = 0x100_0000_01b3
        var top: UInt64 = 1
        for _ in 1..<k { top = top &* base }
        var h: UInt64 = 0
        for i in 0..<k { h = h &* base &+ UInt64(s[i].value) }
        body(0, h)
        var start = 1
        while start + k <= s.count {
            h = (h &- UInt64(s[start - 1].value) &* top) &* base &+ UInt64(s[start + k - 1].value)
            body(start, h)
            start += 1
        }
    }
}
