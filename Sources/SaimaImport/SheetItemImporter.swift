import Foundation
import SaimaBase
import SaimaModel
import SaimaSheets
/// Items from question sheets (`SheetLayout`): one item per non-empty row under the header row, in every sheet
/// that has one. Every problem is located at its cell (`file.xlsx:Sheet1!C17`).
enum SheetItemImporter {
    package static func read(_ sheets: [Sheet], layout: SheetLayout, idPrefix: String) -> ImportResult {
        var result = ImportResult()
        var seen: [String: String] = [:]
        var anyHeader = false
        for sheet in sheets {
            guard let (headerRow, columns) = layout.header(of: sheet) else {
                if sheet.rows.contains(where: { $0.contains { !$0.isEmpty } }) {
                    result.notes.append("\(sheet.location(row: 0)): no header row with a question column; sheet skipped / 未找到表头，已跳过")
                }
                continue
            }
            anyHeader = true
            for r in (headerRow + 1)..<max(headerRow + 1, sheet.rows.count) {
                let row = sheet.rows[r]
                guard row.contains(where: { !$0.trimmedSpaces.isEmpty }) else { continue }
                func cell(_ field: String) -> String {
                    guard let c = columns[field], c < row.count else { return "" }
                    let text = row[c].trimmed
                    // The `'` that neutralizes a formula-like cell in exported CSV (`CSVTable.field`) is not content.
                    if text.hasPrefix("'"), let next = text.dropFirst().first, "=+-@".contains(next), Double(text.dropFirst()) == nil {
                        return String(text.dropFirst())
                    }
                    return text
                }
                func at(_ field: String) -> String { sheet.location(row: r, column: columns[field]) }
                let index = result.items.count + result.problems.count + 1
                let explicitID = cell("id")
                if !explicitID.isEmpty {
                    if let first = seen[explicitID] {
                        result.problems.append(LocatedProblem(at("id"), "duplicate id `\(explicitID)` (first at \(first)) / 编号重复"))
                        continue
                    }
                    seen[explicitID] = at("id")
                }
                if let item = item(cell: cell, at: at, index: index, idPrefix: idPrefix, problems: &result.problems) {
                    result.items.append(ImportedItem(fields: item, location: sheet.location(row: r)))
                }
            }
        }
        if !anyHeader {
            result.problems.append(LocatedProblem(sheets.first?.file ?? "?", "no sheet has a header row with a question column (题目/题干/prompt) and one more known column; see the default layout, or give --mapping / 表格为空或缺少表头"))
        }
        return result
    }

    /// One row as an item, or nil with its problems appended.
    static func item(
        cell: (String) -> String, at: (String) -> String, index: Int, idPrefix: String, problems: inout [LocatedProblem]
    ) -> [String: JSONValue]? {
        let before = problems.count
        var o: [String: JSONValue] = [:]
        let id = cell("id").isEmpty ? "\(idPrefix)-\(String(format: "%03d", index))" : cell("id")
        o["id"] = .string(id)
        let prompt = cell("prompt")
        if prompt.isEmpty { problems.append(LocatedProblem(at("prompt"), "the question is empty / 题目为空")) }
        o["prompt"] = .string(prompt)
        var choices: [String: JSONValue] = [:]
        for l in ["A", "B", "C", "D", "E", "F", "G", "H"] where !cell(l).isEmpty { choices[l] = .string(cell(l)) }
        let offered = choices.keys.sorted()
        let answer = cell("answer")
        var type: ItemType?
        if !cell("type").isEmpty {
            type = AnswerText.type(cell("type"))
            if type == nil { problems.append(LocatedProblem(at("type"), "unknown question type `\(cell("type"))` / 未知题型")) }
        } else if !offered.isEmpty {
            type = (AnswerText.letters(answer, offered: offered)?.count ?? 1) > 1 ? .multiChoice : .singleChoice
        } else if AnswerText.truth(answer) != nil {
            type = .trueFalse
        } else if AnswerText.number(answer) != nil {
            type = .numeric
        } else {
            type = cell("rubric").isEmpty && answer.count <= 60 ? .shortAnswer : .generation
        }
        if let type {
            o["type"] = .string(type.rawValue)
            switch type {
            case .singleChoice, .multiChoice:
                if offered.count < 2 { problems.append(LocatedProblem(at("A"), "a choice question needs at least two options (A, B, …) / 选择题至少需要两个选项")) }
                o["choices"] = .object(choices)
                if let letters = AnswerText.letters(answer, offered: offered) {
                    if type == .singleChoice, letters.count > 1 {
                        problems.append(LocatedProblem(at("answer"), "answer `\(answer)` names several options for a single-choice question / 单选题答案多于一个"))
                    }
                    o["answer"] = .string(letters)
                } else {
                    problems.append(LocatedProblem(at("answer"), "answer `\(answer)` names no offered option (\(offered.joined())) / 答案不是有效选项"))
                }
            case .trueFalse:
                if let t = AnswerText.truth(answer) { o["answer"] = .bool(t) } else {
                    problems.append(LocatedProblem(at("answer"), "a true/false answer must be 对/错, 正确/错误, √/×, true/false, not `\(answer)`"))
                }
            case .numeric:
                if let n = AnswerText.number(answer) { o["answer"] = .number(n) } else {
                    problems.append(LocatedProblem(at("answer"), "a numeric answer must be a number, not `\(answer)`"))
                }
                if let t = AnswerText.number(cell("tolerance")) { o["tolerance"] = .number(t) }
            case .shortAnswer, .generation:
                if answer.isEmpty && cell("rubric").isEmpty { problems.append(LocatedProblem(at("answer"), "the answer is empty / 答案为空")) }
                if !answer.isEmpty {
                    let alternatives = type == .shortAnswer ? answer.components(separatedBy: "|").map { $0.trimmedSpaces } : [answer]
                    o["answer"] = alternatives.count == 1 ? .string(alternatives[0]) : .array(alternatives.map(JSONValue.string))
                }
            case .extraction:
                if let json = try? JSONValue.parse(answer), case .object = json { o["answer"] = json } else {
                    problems.append(LocatedProblem(at("answer"), "an extraction answer must be a JSON object of fields"))
                }
            }
        }
        if !cell("explanation").isEmpty { o["explanation"] = .string(cell("explanation")) }
        if !cell("context").isEmpty { o["context"] = .string(cell("context")) }
        if !cell("difficulty").isEmpty { o["difficulty"] = .string(cell("difficulty")) }
        let tags = cell("tags").components(separatedBy: CharacterSet(charactersIn: ",，、;；")).map { $0.trimmedSpaces }.filter { !$0.isEmpty }
        if !tags.isEmpty { o["tags"] = .array(tags.map(JSONValue.string)) }
        let points = cell("keywords").components(separatedBy: CharacterSet(charactersIn: ";；")).map { $0.trimmedSpaces }.filter { !$0.isEmpty }
        if !points.isEmpty {
            o["keywords"] = .array(points.map { p in .array(p.components(separatedBy: "|").map { .string($0.trimmedSpaces) }) })
        }
        if !cell("rubric").isEmpty {
            var criteria: [JSONValue] = []
            for (k, part) in cell("rubric").components(separatedBy: CharacterSet(charactersIn: ";；")).enumerated() {
                let p = part.trimmedSpaces
                guard !p.isEmpty else { continue }
                let pieces = p.split(whereSeparator: { $0 == ":" || $0 == "：" })
                let points = pieces.count > 1 ? AnswerText.number(String(pieces.last!)) : nil
                let description = points != nil ? pieces.dropLast().joined(separator: ":") : p
                criteria.append(.object(["id": .string("c\(k + 1)"), "description": .string(description), "points": .number(points ?? 1)]))
            }
            o["rubric"] = .object(["criteria": .array(criteria)])
        }
        if !cell("attachments").isEmpty {
            o["attachments"] = .array(cell("attachments").components(separatedBy: CharacterSet(charactersIn: ",，;；")).compactMap { raw in
                let t = raw.trimmedSpaces
                guard !t.isEmpty else { return nil }
                for kind in ["image", "audio", "video"] where t.hasPrefix(kind + ":") {
                    return .object(["kind": .string(kind), "file": .string(String(t.dropFirst(kind.count + 1)))])
                }
                let lower = t.lowercased()
                let kind = [".wav", ".mp3", ".m4a", ".flac"].contains { lower.hasSuffix($0) } ? "audio"
                    : [".mp4", ".mov", ".webm"].contains { lower.hasSuffix($0) } ? "video" : "image"
                return .object(["kind": .string(kind), "file": .string(t)])
            })
        }
        return problems.count == before ? o : nil
    }
}
