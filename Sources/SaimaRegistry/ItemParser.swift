import Foundation
import SaimaBase
import SaimaModel

/// Turns one parsed JSON line of a question file into an `Item`, reporting every problem found.
struct ItemParser {
    let path: String
    let trackDirectory: String
    /// When true a missing `answer` is allowed (contestant bundles of hidden sets).
    var answersWithheld = false

    static let knownFields: Set<String> = [
        "id", "type", "prompt", "system", "choices", "answer", "tolerance", "metric", "rubric", "context",
        "dataset", "section", "messages", "attachments", "tags", "difficulty", "keywords", "references", "pattern",
        "variants",
        // Kept as written, not interpreted: an imported item's explanation and its source format's own fields.
        "explanation", "metadata",
    ]

    /// `canonicalText`: the value's canonical JSON when already known (an item read back from it).
    func parse(_ value: JSONValue, line: Int, canonicalText: String? = nil, diagnostics: inout [Diagnostic]) -> Item? {
        var problems: [String] = []
        guard let o = value.objectValue else {
            diagnostics.append(Diagnostic(path: path, line: line, message: "an item must be a JSON object"))
            return nil
        }
        for key in o.keys.sorted() where !Self.knownFields.contains(key) {
            problems.append("unknown field `\(key)`")
        }
        let id = o["id"]?.stringValue ?? ""
        if id.isEmpty { problems.append("missing field `id` (a non-empty string)") }
        if let problem = Self.idProblem(id) { problems.append(problem) }
        let fields = ItemFields(answersWithheld: answersWithheld) { file in
            switch TrackPath.resolve(file, in: trackDirectory) {
            case .success(let real): return .success(real)
            case .failure(let problem):
                return .failure(ItemFields.AttachmentProblem(message: problem.message(for: file, what: "attachment")))
            }
        }
        let item = fields.item(o, id: id, raw: value, canonicalText: canonicalText, line: line, problems: &problems)
        diagnostics += problems.map { Diagnostic(path: path, line: line, message: id.isEmpty ? $0 : "item `\(id)`: \($0)") }
        return problems.isEmpty ? item : nil
    }

    /// Ids key results, files and sheets: no control characters (a NUL would merge two items), no leading or
    /// trailing space, at most 200 characters.
    static func idProblem(_ id: String) -> String? {
        if id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            return "`id` must not contain control characters / 编号中不得含控制字符"
        }
        if id != id.trimmed { return "`id` must not start or end with spaces" }
        if id.count > 200 { return "`id` must be at most 200 characters" }
        return nil
    }
}
