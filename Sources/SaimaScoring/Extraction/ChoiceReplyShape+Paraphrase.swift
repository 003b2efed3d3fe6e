import Foundation
import SaimaBase

/// Weak fallback `choice_text`: a short reply paraphrasing one option.
extension ChoiceReplyShape {
    /// Weak fallback for short single-choice replies that paraphrase one option's text: the option sharing the
    /// longest common substring with the reply, when it covers at least 60% of that option's text and at least
    /// twice as much as any other option's.
    func paraphrasedOption(reply: String) -> Unicode.Scalar? {
        let r = Array(TextNormalizer.matchingForm(reply).unicodeScalars)
        guard !r.isEmpty, r.count <= 120 else { return nil }
        var scored: [(Unicode.Scalar, Double, Int)] = []
        for (letter, form) in forms {
            let f = Array(form.unicodeScalars)
            guard f.count >= 3 else { continue }
            let common = Self.longestCommonSubstring(r, f)
            scored.append((letter, Double(common) / Double(f.count), common))
        }
        scored.sort { $0.1 > $1.1 }
        guard let top = scored.first, top.1 >= 0.6, top.2 >= 3 else { return nil }
        if scored.count > 1, scored[1].1 * 2 > top.1 { return nil }
        return top.0
    }

    static func longestCommonSubstring(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var best = 0
        var previous = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            var current = [Int](repeating: 0, count: b.count + 1)
            for j in 1...b.count where a[i - 1] == b[j - 1] {
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
            }
            previous = current
        }
        return best
    }
}
