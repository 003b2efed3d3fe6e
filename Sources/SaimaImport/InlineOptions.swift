import Foundation
import SaimaBase
/// Splits options written inside a question (`…（ ）A．80，84 B．84，80 C．…`, one per line or on one line,
/// with `A.` `A．` `A、` `A:` `(A)` `（A）` markers) into the stem and lettered texts.
enum InlineOptions {
    /// The stem and the options A, B, C, … in order, or nil when fewer than two consecutive markers are found.
    static func split(_ text: String) -> (stem: String, options: [(letter: String, text: String)])? {
        let s = Array(text)
        // Candidate marker positions per letter: the letter, preceded by start, space, newline or an opening
        // bracket, followed by a delimiter.
        func markers(_ letter: Character) -> [(start: Int, end: Int)] {
            var out: [(Int, Int)] = []
            for i in s.indices where s[i] == letter {
                var start = i
                var end = i + 1
                let open = i > 0 && "(（".contains(s[i - 1])
                if open {
                    guard end < s.count, ")）".contains(s[end]) else { continue }
                    start = i - 1
                    end += 1
                } else {
                    guard end < s.count, ".．、:：)）".contains(s[end]) else { continue }
                    end += 1
                }
                guard start == 0 || s[start - 1].isWhitespace || "。；;？?)）".contains(s[start - 1]) || s[start - 1].isNewline else { continue }
                out.append((start, end))
            }
            return out
        }
        let letters: [Character] = ["A", "B", "C", "D", "E", "F", "G", "H"]
        // Take the last A that starts a run A, B, C … of increasing positions.
        for a in markers("A").reversed() {
            var chain = [a]
            for letter in letters.dropFirst() {
                guard let next = markers(letter).first(where: { $0.start > chain.last!.end }) else { break }
                chain.append(next)
            }
            guard chain.count >= 2 else { continue }
            var options: [(String, String)] = []
            for (k, m) in chain.enumerated() {
                let end = k + 1 < chain.count ? chain[k + 1].start : s.count
                options.append((String(letters[k]), String(s[m.end..<end]).trimmed))
            }
            let stem = String(s[0..<a.start]).trimmed
            return (stem, options)
        }
        return nil
    }
}
