import Foundation
import SaimaBase
public import SaimaModel

/// One case of a real-reply corpus (`Tests/SaimaScoringTests/RealReplies/FORMAT.md`): a model's reply to a choice
/// item, the prompt it was sent when known, and the letters a careful human reads as its final answer.
public struct ReplyCorpusCase: Sendable {
    public var id: String
    public var source: String
    /// The upstream model name, when the file records it.
    public var model: String?
    /// `base` or `chat`, when the file records it.
    public var kind: String?
    public var item: Item
    public var reply: String
    /// The exact text the model was sent, when the source publishes it.
    public var prompt: String?
    /// Sorted letters; empty when a human reads no committed answer.
    public var human: String
    /// The upstream tool's own reading, when the source published one.
    public var sourceReading: String?
    public var tags: [String]

    /// What Saima reads: sorted letters (`""` when unextractable or declined), the rule and the confidence.
    public func saimaReading() -> (letters: String, rule: String, confidence: ReadingConfidence, doubt: String?) {
        let a = ChoiceAnswerExtractor(item: item).assess(reply, prompt: prompt)
        switch a.reading {
        case .answer(let found): return (a.letters, found.rule.rawValue, a.confidence, a.doubt)
        case .declined: return (a.letters, "declined", a.confidence, a.doubt)
        case .none: return (a.letters, "unextractable", a.confidence, a.doubt)
        }
    }

    /// Every case of every `*.jsonl` file directly in `folder` (not its subfolders), in file and line order.
    /// Problems are reported as `file:line: message`, all at once.
    public static func load(folder: String) throws -> [ReplyCorpusCase] {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".jsonl") }.sorted()
        var cases: [ReplyCorpusCase] = []
        var problems: [Diagnostic] = []
        for file in files {
            let path = (folder as NSString).appendingPathComponent(file)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                do {
                    cases.append(try parse(JSONValue.parse(String(line))))
                } catch {
                    problems.append(Diagnostic(path: path, line: n + 1, message: "\(error)"))
                }
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return cases
    }

    struct Malformed: Error, CustomStringConvertible { var description: String }

    static func parse(_ v: JSONValue) throws -> ReplyCorpusCase {
        guard let id = v["id"]?.stringValue, let source = v["source"]?.stringValue,
            let type = v["type"]?.stringValue, let answer = v["answer"]?.stringValue,
            let reply = v["reply"]?.stringValue, let human = v["human"]?.stringValue,
            let choices = v["choices"]?.arrayValue
        else { throw Malformed(description: "a required field (id, source, type, answer, reply, human, choices) is missing") }
        let parsed = choices.compactMap { c -> Choice? in
            guard let letter = c["letter"]?.stringValue else { return nil }
            return Choice(letter: letter, text: c["text"]?.stringValue ?? "")
        }
        let item = Item(
            id: id, type: type == "multi_choice" ? .multiChoice : .singleChoice, prompt: "", choices: parsed,
            answer: .letters(answer))
        return ReplyCorpusCase(
            id: id, source: source, model: v["model"]?.stringValue, kind: v["kind"]?.stringValue, item: item,
            reply: reply, prompt: v["prompt"]?.stringValue, human: human, sourceReading: v["source_reading"]?.stringValue,
            tags: v["tags"]?.arrayValue?.compactMap(\.stringValue) ?? [])
    }
}
