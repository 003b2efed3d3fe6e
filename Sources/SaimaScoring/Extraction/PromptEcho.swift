import Foundation
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
/// Echoes are replaced by a line break; everything else is kept as it was.
struct PromptEcho {
    static let window = 8
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
    func removingEchoes(from reply: [Unicode.Scalar], prompt: String) -> (text: [Unicode.Scalar], echoes: Int) {
        let p = ScalarScanner(prompt).text.filter { !$0.properties.isWhitespace }
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
        var starts: [UInt64: [Int]] = [:]
        starts.reserveCapacity(p.count)
        for start in 0...(p.count - k) {
            let h = Self.hash(p, start, k)
            if starts[h, default: []].count < Self.candidates { starts[h, default: []].append(start) }
        }
        // Greedy left to right: the longest stretch of the reply starting here that occurs as one piece in the prompt.
        var echo = [Bool](repeating: false, count: reply.count)
        var echoes = 0
        var a = 0
        while a + k <= r.count {
            var longest = 0
            for q in starts[Self.hash(r, a, k)] ?? [] {
                var l = 0
                while a + l < r.count, q + l < p.count, r[a + l] == p[q + l] { l += 1 }
                longest = max(longest, l)
            }
            guard longest >= k else {
                a += 1
                continue
            }
            let b = a + longest
            if longest >= Self.minimumRun, isEcho(Array(r[a..<b]), before: Array(r[max(0, a - 6)..<a])) {
                for i in positions[a]...positions[b - 1] { echo[i] = true }
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
                out.append("\n")
                while i < reply.count, echo[i] { i += 1 }
            } else {
                out.append(reply[i])
                i += 1
            }
        }
        return (out, echoes)
    }

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

    /// FNV-1a over `count` scalars from `start`.
    private static func hash(_ s: [Unicode.Scalar], _ start: Int, _ count: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in start..<(start + count) {
            h ^= UInt64(s[i].value)
            h = h &* 0x100_0000_01b3
        }
        return h
    }
}
