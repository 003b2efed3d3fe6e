import Foundation
import SaimaBase
import SaimaModel
import SaimaSheets

/// The public Chinese benchmark formats. Each keeps the format's own fields that matter (year, category,
/// score, source, explanation) as `tags`, `explanation` and `metadata`.
enum BenchmarkImporters {
    /// GAOKAO-Bench JSON. Options inside the question are split out (`InlineOptions`); the answer list becomes
    /// letters; a file in which any item has several correct letters is a multi-answer set (不定项): all its
    /// choice items are `multi_choice`. Items without inline options are `short_answer` (fill-in-the-blank).
    static func gaokaoBench(_ json: JSONValue, file: String, idPrefix: String) -> ImportResult {
        var result = ImportResult()
        guard let examples = json["example"]?.arrayValue else {
            result.problems.append(LocatedProblem(file, "not GAOKAO-Bench JSON (an object with an `example` list was expected)"))
            return result
        }
        let keyword = json["keywords"]?.stringValue
        /// `["A"]`, `["A", "C"]`, `["AC"]` or `"AC"` as single letters; empty when anything else is there.
        func letters(_ v: JSONValue?) -> [String] {
            let joined = (v?.stringsValue ?? []).joined().uppercased()
            let chars = joined.filter { !$0.isWhitespace && $0 != "," }
            return chars.allSatisfy({ ("A"..."H").contains(String($0)) }) ? chars.map(String.init) : []
        }
        let multiSet = examples.contains { letters($0["answer"]).count > 1 }
        for (n, e) in examples.enumerated() {
            let at = "\(file):example[\(n)]"
            guard let question = e["question"]?.stringValue else {
                result.problems.append(LocatedProblem(at, "no `question`"))
                continue
            }
            var o: [String: JSONValue] = ["id": .string("\(idPrefix)-\(e["index"].flatMap(\.stringValue) ?? String(n))")]
            var metadata: [String: JSONValue] = [:]
            for key in ["year", "category", "score", "index"] { if let v = e[key] { metadata[key] = v } }
            if let keyword { metadata["keywords"] = .string(keyword) }
            o["metadata"] = .object(metadata)
            o["tags"] = .array(["year", "category"].compactMap { e[$0]?.stringValue.map { .string($0) } })
            if let analysis = e["analysis"]?.stringValue, !analysis.isEmpty { o["explanation"] = .string(analysis) }
            let answer = letters(e["answer"])
            if let (stem, options) = InlineOptions.split(question), !answer.isEmpty,
                answer.allSatisfy({ a in options.contains { $0.letter == a } })
            {
                o["prompt"] = .string(stem.isEmpty ? question : stem)
                o["choices"] = .object(Dictionary(options.map { ($0.letter, JSONValue.string($0.text)) }, uniquingKeysWith: { a, _ in a }))
                o["type"] = .string(multiSet ? ItemType.multiChoice.rawValue : ItemType.singleChoice.rawValue)
                o["answer"] = .string(answer.sorted().joined())
            } else if let text = e["answer"]?.stringsValue?
                .map({ $0.trimmed }).filter({ !$0.isEmpty }), !text.isEmpty, answer.isEmpty
            {
                o["prompt"] = .string(question)
                o["type"] = .string(ItemType.shortAnswer.rawValue)
                o["answer"] = text.count == 1 ? .string(text[0]) : .array(text.map(JSONValue.string))
            } else {
                result.problems.append(LocatedProblem(at, "answer \(answer.joined()) names no option found in the question text / 题干中找不到答案对应的选项"))
                continue
            }
            result.items.append(ImportedItem(fields: o, location: at))
        }
        return result
    }

    /// AGIEval JSON Lines: `options` `(A)…` become choices, `label` (a letter or a list) the answer (a list: multi
    /// choice), `passage` the context, `other.source` a tag; cloze items (`answer`, no options) are short answers.
    static func agieval(lines: [(Int, JSONValue)], file: String, idPrefix: String) -> ImportResult {
        var result = ImportResult()
        for (line, v) in lines {
            let at = "\(file):\(line)"
            guard let question = v["question"]?.stringValue else {
                result.problems.append(LocatedProblem(at, "no `question`"))
                continue
            }
            var o: [String: JSONValue] = ["id": .string("\(idPrefix)-\(String(format: "%03d", line))"), "prompt": .string(question)]
            if let passage = v["passage"]?.stringValue, !passage.isEmpty { o["context"] = .string(passage) }
            if let source = v["other"]?["source"]?.stringValue {
                o["tags"] = .array([.string(source)])
                o["metadata"] = .object(["source": .string(source)])
            }
            if let options = v["options"]?.arrayValue?.compactMap(\.stringValue), !options.isEmpty {
                var choices: [String: JSONValue] = [:]
                for (k, opt) in options.enumerated() {
                    let letter = String(UnicodeScalar(UInt8(65 + min(k, 25))))
                    var text = opt.trimmedSpaces
                    for prefix in ["(\(letter))", "（\(letter)）", "\(letter).", "\(letter)．"] where text.hasPrefix(prefix) {
                        text = String(text.dropFirst(prefix.count)).trimmedSpaces
                    }
                    choices[letter] = .string(text)
                }
                let labels = v["label"]?.stringsValue ?? []
                guard let letters = AnswerText.letters(labels.joined(), offered: choices.keys.sorted()) else {
                    result.problems.append(LocatedProblem(at, "label `\(labels.joined())` names no option / 答案不是有效选项"))
                    continue
                }
                o["choices"] = .object(choices)
                o["type"] = .string((v["label"]?.arrayValue != nil ? ItemType.multiChoice : .singleChoice).rawValue)
                o["answer"] = .string(letters)
            } else if let answer = v["answer"]?.stringValue, !answer.isEmpty {
                o["type"] = .string(ItemType.shortAnswer.rawValue)
                o["answer"] = .string(answer)
            } else {
                result.problems.append(LocatedProblem(at, "neither options with a label nor an answer"))
                continue
            }
            result.items.append(ImportedItem(fields: o, location: at))
        }
        return result
    }

    /// LawBench (`instruction`, `question`, `answer`) and LexEval (`instruction`, `input`, `answer`): an answer of
    /// option letters with options found in the question makes a choice item (several letters: multi choice);
    /// otherwise a generation item whose reference is the answer without its `答案:` prefix. The instruction
    /// goes first in the prompt, as in the benchmark.
    static func instructionAnswer(lines: [(String, JSONValue)], questionKey: String, idPrefix: String) -> ImportResult {
        var result = ImportResult()
        for (n, (at, v)) in lines.enumerated() {
            guard let question = v[questionKey]?.stringValue, var answer = v["answer"]?.stringValue else {
                result.problems.append(LocatedProblem(at, "needs `\(questionKey)` and `answer`"))
                continue
            }
            let instruction = v["instruction"]?.stringValue?.trimmed ?? ""
            for prefix in ["答案:", "答案：", "正确答案:", "正确答案："] where answer.hasPrefix(prefix) { answer = String(answer.dropFirst(prefix.count)) }
            answer = answer.trimmed
            var o: [String: JSONValue] = ["id": .string("\(idPrefix)-\(String(format: "%03d", n + 1))")]
            if let (stem, options) = InlineOptions.split(question),
                let letters = AnswerText.letters(answer, offered: options.map(\.letter))
            {
                o["prompt"] = .string(instruction.isEmpty ? stem : instruction + "\n" + stem)
                o["choices"] = .object(Dictionary(options.map { ($0.letter, JSONValue.string($0.text)) }, uniquingKeysWith: { a, _ in a }))
                o["type"] = .string((letters.count > 1 ? ItemType.multiChoice : .singleChoice).rawValue)
                o["answer"] = .string(letters)
            } else {
                guard !answer.isEmpty else {
                    result.problems.append(LocatedProblem(at, "the answer is empty"))
                    continue
                }
                o["prompt"] = .string(instruction.isEmpty ? question : instruction + "\n" + question)
                o["type"] = .string(ItemType.generation.rawValue)
                o["answer"] = .string(answer)
            }
            result.items.append(ImportedItem(fields: o, location: at))
        }
        return result
    }
}
