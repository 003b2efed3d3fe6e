import Foundation
import SaimaBase
/// Deterministic baseline "models" for the demo: honest baselines, not oracles — none reads an
/// answer key; each answers from the request alone.
package enum BaselinePersona: String, Sendable, CaseIterable {
    /// Guesses uniformly among the choices (seeded by the question text).
    case random
    /// Always picks the first choice; states that everything is true.
    case firstChoice = "first-choice"
    /// Lexical overlap: picks the choice sharing the most characters with the reference material.
    case keyword
    /// Like `keyword`, behind an unreliable gateway: some requests get 429 or 500 on the first
    /// attempt, some answers are slow.
    case flaky
    /// Answers choice questions the way hard-to-read real models do: a third restate a choice's text, a
    /// third hedge between two letters, a third end with a proper answer line; true/false replies commit to
    /// nothing. For testing the contestant's answer-format advice.
    case rambling
    /// Behaves like a base model continuing a prompt: copies the whole question (instruction, format and option
    /// list) first, answers it with the keyword baseline's letter, then invents a follow-up question with options
    /// and an answer line of its own; one reply in three hedges between two letters instead of answering.
    case echoing

    /// The assistant's reply text for a request body.
    func answer(_ q: BaselineQuestion) -> String {
        var rng = SeededGenerator(seed: q.seed)
        switch self {
        case .random: return randomAnswer(q, &rng)
        case .firstChoice: return firstChoiceAnswer(q)
        case .keyword, .flaky: return keywordAnswer(q)
        case .rambling: return ramblingAnswer(q, &rng)
        case .echoing: return echoingAnswer(q, &rng)
        }
    }

    private func echoingAnswer(_ q: BaselineQuestion, _ rng: inout SeededGenerator) -> String {
        guard q.kind == .singleChoice || q.kind == .multiChoice, q.choices.count >= 2 else { return keywordAnswer(q) }
        let own = keywordAnswer(q).components(separatedBy: "答案：").last ?? q.choices[0].letter
        let other = q.choices.first { !own.contains($0.letter) }?.letter ?? q.choices[0].letter
        if rng.next() % 3 == 0 {
            return q.fullText + "\n\n可能是\(q.choices[0].letter)，也可能是\(q.choices[1].letter)，两个选项都有道理。"
        }
        return q.fullText + "\n答案：\(own)\n\n题目：下列哪一项属于本题考点的延伸？\nA. 甲说法\nB. 乙说法\nC. 丙说法\nD. 丁说法\n答案：\(other)\n"
    }

    private func ramblingAnswer(_ q: BaselineQuestion, _ rng: inout SeededGenerator) -> String {
        switch q.kind {
        case .singleChoice, .multiChoice:
            let pick = q.choices[Int(rng.next() % UInt64(q.choices.count))]
            switch rng.next() % 3 {
            case 0: return "这道题要综合考虑。我倾向于“\(pick.text)”这个说法。"
            case 1:
                let other = q.choices.first { $0.letter != pick.letter } ?? pick
                return "看起来\(pick.letter)或\(other.letter)都说得通，很难判断。"
            default: return "分析如上。\n答案：\(pick.letter)"
            }
        case .trueFalse: return "这个说法有一定道理，但也要看具体情况。"
        default: return randomAnswer(q, &rng)
        }
    }

    private func randomAnswer(_ q: BaselineQuestion, _ rng: inout SeededGenerator) -> String {
        switch q.kind {
        case .singleChoice:
            return "答案：\(q.choices[Int(rng.next() % UInt64(q.choices.count))].letter)"
        case .multiChoice:
            var picked = q.choices.filter { _ in rng.next() % 2 == 0 }.map(\.letter)
            if picked.isEmpty { picked = [q.choices[0].letter] }
            return "答案：\(picked.joined())"
        case .trueFalse: return rng.next() % 2 == 0 ? "答案：正确" : "答案：错误"
        case .numeric:
            let numbers = q.numbers
            return "答案：\(numbers.isEmpty ? "0" : Self.format(numbers[Int(rng.next() % UInt64(numbers.count))]))"
        case .extraction: return "{}"
        case .shortAnswer, .generation:
            let sentences = q.sentences
            return sentences.isEmpty ? "无法回答。" : sentences[Int(rng.next() % UInt64(sentences.count))]
        }
    }

    private func firstChoiceAnswer(_ q: BaselineQuestion) -> String {
        switch q.kind {
        case .singleChoice: return "答案：\(q.choices[0].letter)"
        case .multiChoice: return "答案：\(q.choices.prefix(2).map(\.letter).joined())"
        case .trueFalse: return "答案：正确"
        case .numeric: return "答案：\(q.numbers.first.map(Self.format) ?? "0")"
        case .extraction: return "{}"
        case .shortAnswer, .generation: return q.sentences.first ?? "无法回答。"
        }
    }

    private func keywordAnswer(_ q: BaselineQuestion) -> String {
        let context = q.reference.isEmpty ? q.question : q.reference
        let contextChars = Self.contentCharacters(context)
        func overlap(_ text: String) -> Double {
            let chars = Self.contentCharacters(text)
            guard !chars.isEmpty else { return 0 }
            return Double(chars.filter { contextChars.contains($0) }.count) / Double(chars.count)
        }
        switch q.kind {
        case .singleChoice:
            let best = q.choices.max { overlap($0.text) < overlap($1.text) }!
            return "根据材料中与选项最接近的表述判断。\n答案：\(best.letter)"
        case .multiChoice:
            let scores = q.choices.map { ($0.letter, overlap($0.text)) }
            let mean = scores.map(\.1).reduce(0, +) / Double(scores.count)
            var picked = scores.filter { $0.1 >= mean }.map(\.0)
            if picked.count < 2 { picked = scores.sorted { $0.1 > $1.1 }.prefix(2).map(\.0).sorted() }
            return "答案：\(picked.joined())"
        case .trueFalse:
            return q.reference.isEmpty || overlap(q.question) >= 0.6 ? "答案：正确" : "答案：错误"
        case .numeric:
            return "答案：\(q.numbers.last.map(Self.format) ?? "0")"
        case .extraction: return "{}"
        case .shortAnswer:
            let best = q.sentences.max { Self.shared($0, q.question) < Self.shared($1, q.question) }
            return best.map { String($0.prefix(30)) } ?? "无法回答。"
        case .generation:
            let ranked = q.sentences.sorted { Self.shared($0, q.question) > Self.shared($1, q.question) }
            return ranked.prefix(3).joined()
        }
    }

    /// Characters that carry meaning: CJK ideographs, letters and digits.
    static func contentCharacters(_ text: String) -> Set<Character> {
        Set(text.filter { $0.isLetter || $0.isNumber })
    }

    static func shared(_ a: String, _ b: String) -> Int {
        contentCharacters(a).intersection(contentCharacters(b)).count
    }

    static func format(_ n: Double) -> String {
        n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
    }
}
