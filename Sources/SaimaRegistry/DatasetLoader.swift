import Foundation
import SaimaBase
import SaimaModel

/// Reads a dataset document and splits it into sections at `## <section-id> title` headings.
struct DatasetLoader {
    let path: String

    func load(id: String, file: String, description: LocalizedText?, yamlPath: String, line: Int,
              diagnostics: inout [Diagnostic]) -> DatasetDocument?
    {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(
                Diagnostic(path: yamlPath, line: line, message: "dataset `\(id)`: file `\(file)` does not exist"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(Diagnostic(path: path, line: 0, message: "dataset file is not valid UTF-8"))
            return nil
        }
        return DatasetDocument(
            id: id, file: file, path: path, description: description, text: text, sections: Self.sections(of: text))
    }

    /// Section id → text from its `## ` heading up to the next `## ` heading (or the end).
    static func sections(of text: String) -> [String: String] {
        var sections: [String: String] = [:]
        var currentID: String?
        var current: [Substring] = []
        func flush() {
            if let currentID, sections[currentID] == nil {
                sections[currentID] = current.joined(separator: "\n").trimmed
            }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                flush()
                currentID = line.dropFirst(3).split(separator: " ").first.map(String.init)
                current = [line]
            } else if currentID != nil {
                current.append(line)
            }
        }
        flush()
        return sections
    }
}
