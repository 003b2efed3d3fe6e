import Foundation
import SaimaBase
package import SaimaModel
package import SaimaScoring
package import SaimaStorage

/// Advice for a contestant whose replies are hard to read: the share of choice answers that were
/// unextractable or only guessed (weak rules), with examples from their own replies.
package enum AnswerReadability {
    /// Above this share of unreadable or guessed answers, the contestant is warned.
    static let warnThreshold = 0.1

    /// The counts behind the advice.
    package struct Summary: Sendable {
        /// Answered choice and true/false items.
        package var answers = 0
        package var unextractable = 0
        /// Read only by a weak rule (restated choice text, stray letters).
        package var guessed = 0
        /// Up to three (item, end of the reply, what was read).
        package var examples: [(item: String, tail: String, reading: String)] = []
        /// Choice answers by the confidence of their reading (`ReadingConfidence`).
        package var confidence: [ReadingConfidence: Int] = [:]
        /// The three most uncertain readings: no reading first, then guesses, then other doubts; in key order.
        var uncertainExamples: [(item: String, tail: String, reading: String)] = []

        package var hardShare: Double { answers == 0 ? 0 : Double(unextractable + guessed) / Double(answers) }
    }

    /// Counts a scored run's choice answers by how they were read.
    package static func summarize(store: RunStore, tracks: [Track]) throws -> Summary {
        let items = ItemIndex(tracks: tracks)
        let scores = try store.currentScores()
        var s = Summary()
        var uncertain: [(rank: Int, example: (item: String, tail: String, reading: String))] = []
        for r in try store.currentResults(attempts: false, filter: { _, outcome in outcome == .ok }) {
            guard let (item, _) = try items[r.key], [.singleChoice, .multiChoice, .trueFalse].contains(item.type),
                let score = scores[r.key]
            else { continue }
            s.answers += 1
            let weak = score.rule.flatMap(ExtractionRule.init(rawValue:))?.strength == .weak
            if let c = score.confidence.flatMap(ReadingConfidence.init(rawValue:)) {
                s.confidence[c, default: 0] += 1
                if c == .uncertain {
                    let rank = score.unextractable ? 0 : weak ? 1 : 2
                    uncertain.append((rank, example(r, score, item)))
                }
            }
            if score.unextractable { s.unextractable += 1 } else if weak { s.guessed += 1 } else { continue }
            if s.examples.count < 3 { s.examples.append(example(r, score, item)) }
        }
        s.uncertainExamples = uncertain.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }
            .prefix(3).map(\.element.example)
        return s
    }

    /// The item, the end of the reply and what was read from it (in the letters the team saw).
    static func example(_ r: ItemResult, _ score: StoredScore, _ item: Item) -> (item: String, tail: String, reading: String) {
        let text = (r.content ?? "").trimmed.replacingOccurrences(of: "\n", with: " ")
        let tail = text.count > 80 ? "…" + text.suffix(80) : text
        let letters = ChoiceOrder(record: score.choiceOrder, item: item).showing(score.extracted ?? "", of: item)
        let reading = score.unextractable ? "nothing 未读出" : "\(letters) (\(score.rule ?? ""))"
        return ("\(r.key.track)/\(r.key.set)/\(r.key.item)", tail, reading)
    }

    /// How the contestant's choice answers were read, by confidence, with the three most uncertain readings.
    package static func confidenceReport(_ s: Summary) -> String? {
        let total = s.confidence.values.reduce(0, +)
        guard total > 0 else { return nil }
        var text = "读取置信度 Reading confidence: "
        text += ReadingConfidence.allCases.map { "\($0.chinese) \($0.rawValue) \(s.confidence[$0] ?? 0)" }.joined(separator: " · ")
        text += " (of \(total) choice answers 道选择题回答)\n"
        if !s.uncertainExamples.isEmpty {
            text += "  存疑的读取会交由评委复核 Uncertain readings go to a second reader (appeals sheet, LLM reader); the most uncertain:\n"
            for e in s.uncertainExamples { text += "  - \(e.item): “\(e.tail)” → \(e.reading)\n" }
        }
        return text
    }

    /// The bilingual warning, or nil when the replies read well.
    package static func advice(_ s: Summary) -> String? {
        guard s.answers > 0, s.hardShare >= warnThreshold else { return nil }
        let pct = Int((s.hardShare * 100).rounded())
        var text = "⚠ 答案格式 Answer format: \(pct)% 的选择题回答无法读取或只能猜测读取（无法读取 \(s.unextractable)，猜测 \(s.guessed)，共 \(s.answers)）。"
        text += "请在每个回答的最后单独一行写“答案：X”（多选写“答案：AC”）。\n"
        text += "  \(pct)% of your choice answers could not be read or were only guessed (\(s.unextractable) unreadable, "
        text += "\(s.guessed) guessed, of \(s.answers)); end each reply with a line of its own: 答案：X (multi choice: 答案：AC).\n"
        for e in s.examples {
            text += "  - \(e.item): “\(e.tail)” → \(e.reading)\n"
        }
        return text
    }
}
