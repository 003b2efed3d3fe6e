import Foundation
import SaimaBase
/// What a baseline persona can read from a chat request: the question text, lettered choices,
/// the reference material, and the answer format asked for. It never sees an answer key.
struct BaselineQuestion {
    enum Kind { case singleChoice, multiChoice, trueFalse, numeric, extraction, shortAnswer, generation }

    var kind: Kind
    var question: String
    var choices: [(letter: String, text: String)]
    var reference: String
    /// The whole user text (used to seed deterministic choices).
    var fullText: String

    /// Reads the last user message of an OpenAI chat request body.
    init(body: Data) {
        let json = try? JSONValue.parse(body)
        let messages = json?["messages"]?.arrayValue ?? []
        var text = ""
        if let last = messages.last(where: { $0["role"]?.stringValue == "user" }) {
            if let s = last["content"]?.stringValue {
                text = s
            } else if let parts = last["content"]?.arrayValue {
                text = parts.compactMap { $0["text"]?.stringValue }.joined(separator: "\n")
            }
        }
        fullText = text
        var choices: [(String, String)] = []
        var questionLines: [String] = []
        var referenceLines: [String] = []
        var inReference = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("【参考材料】") { inReference = true; continue }
            if line.hasPrefix("【问题】") { inReference = false; continue }
            if inReference { referenceLines.append(line); continue }
            let scalars = Array(line)
            if scalars.count >= 3, scalars[0].isASCII, scalars[0].isUppercase, scalars[1] == ".", scalars[2] == " " {
                choices.append((String(scalars[0]), String(scalars[3...])))
            } else {
                questionLines.append(line)
            }
        }
        self.choices = choices
        reference = referenceLines.joined(separator: "\n")
        question = questionLines.joined(separator: "\n")
        // A multi-choice instruction without lettered choices (a hostile or broken request) is not a choice question:
        // the personas index the choices.
        if !choices.isEmpty, text.contains("两个或更多正确选项") || text.contains("一个或多个正确选项") {
            kind = .multiChoice
        } else if !choices.isEmpty {
            kind = .singleChoice
        } else if text.contains("判断上述说法") {
            kind = .trueFalse
        } else if text.contains("答案：数值") {
            kind = .numeric
        } else if text.contains("JSON 对象") {
            kind = .extraction
        } else if text.contains("简短答案") {
            kind = .shortAnswer
        } else {
            kind = .generation
        }
    }

    /// A deterministic seed from the question text (FNV-1a), so a persona answers the same
    /// question the same way every time.
    var seed: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in fullText.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// Sentences of the reference material (or of the question when there is none).
    var sentences: [String] {
        let source = reference.isEmpty ? question : reference
        var out: [String] = []
        var current = ""
        for ch in source {
            current.append(ch)
            if "。！？；\n".contains(ch) {
                let trimmed = current.trimmed
                if trimmed.count > 1, !trimmed.hasPrefix("#") { out.append(trimmed) }
                current = ""
            }
        }
        let rest = current.trimmed
        if rest.count > 1 { out.append(rest) }
        return out
    }

    /// Numbers written in the text, in order.
    var numbers: [Double] {
        var out: [Double] = []
        var current = ""
        for ch in fullText + " " {
            if ch.isASCII, ch.isNumber || (ch == "." && !current.isEmpty) {
                current.append(ch)
            } else if !current.isEmpty {
                if let n = Double(current) { out.append(n) }
                current = ""
            }
        }
        return out
    }
}
