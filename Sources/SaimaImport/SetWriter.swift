package import Foundation
import SaimaBase
package import SaimaModel

/// Writes an imported set into a tracks root: `questions/<set>.jsonl` and the set's entry in `track.yaml`
/// (creating the track folder when needed), with its provenance:
/// `source: {files, format, imported_at, sha256, licence}`. Never overwrites a set unless `replace`;
/// re-importing the same source files is a no-op, and a changed source is reported as such.
package enum SetWriter {
    package struct Request: Sendable {
        package var root: String
        package var track: String
        package var set: String
        package var split: Split
        package var pilotUnit: LocalizedText
        package var format: ImportFormat
        package var files: [String]
        package var licence: String?
        package var replace: Bool
        /// The track's name, written when the import creates the track's `track.yaml` (default: the id).
        package var trackName: LocalizedText?
        package init(root: String, track: String, set: String, split: Split, pilotUnit: LocalizedText, format: ImportFormat,
                    files: [String], licence: String?, replace: Bool)
        {
            self.root = root
            self.track = track
            self.set = set
            self.split = split
            self.pilotUnit = pilotUnit
            self.format = format
            self.files = files
            self.licence = licence
            self.replace = replace
        }
    }

    package enum Outcome: Sendable, Equatable {
        case written(path: String)
        case unchanged
    }

    package struct Refusal: Error, CustomStringConvertible {
        package var description: String
    }

    package static func write(_ items: [ImportedItem], _ r: Request, now: Date = Date()) throws -> Outcome {
        let fm = FileManager.default
        let trackDir = (r.root as NSString).appendingPathComponent(r.track)
        let yamlPath = (trackDir as NSString).appendingPathComponent("track.yaml")
        let relative = "questions/\(r.set).jsonl"
        let questions = (trackDir as NSString).appendingPathComponent(relative)
        let hash = Importer.sourceHash(r.files)
        var yaml = (try? String(contentsOfFile: yamlPath, encoding: .utf8)) ?? ""
        let existing = entryRange(in: yaml, set: r.set)
        if let existing {
            let block = String(yaml[existing])
            if block.contains("sha256: \"\(hash)\"") && fm.fileExists(atPath: questions) { return .unchanged }
            guard r.replace else {
                let recorded = block.range(of: #"sha256: "[0-9a-f]{64}""#, options: .regularExpression).map { String(block[$0].dropFirst(9).prefix(12)) }
                throw Refusal(description: recorded.map {
                    "\(yamlPath): question set `\(r.set)` was imported from other source files (sha256 \($0)… → \(hash.prefix(12))…): the source changed; give --replace to re-import it / 源文件已变化，需 --replace"
                } ?? "\(yamlPath): question set `\(r.set)` already exists; give --replace to overwrite it / 题集已存在，需 --replace")
            }
        } else if fm.fileExists(atPath: questions), !r.replace {
            throw Refusal(description: "\(questions) already exists; give --replace to overwrite it / 文件已存在，需 --replace")
        }
        try fm.createDirectory(atPath: (questions as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let lines = items.map { JSONValue.object($0.fields).canonicalJSON }.joined(separator: "\n") + "\n"
        try lines.write(toFile: questions, atomically: true, encoding: .utf8)
        let stamp = TimeStamp.iso8601(now)
        var entry = "  - id: \(q(r.set))\n    file: \(q(relative))\n"
        entry += "    pilot_unit: {zh: \(q(r.pilotUnit.zh)), en: \(q(r.pilotUnit.en))}\n"
        entry += "    split: \(r.split.rawValue)\n    weight: 1.0\n"
        entry += "    source: {files: [\(r.files.map { q(($0 as NSString).lastPathComponent) }.joined(separator: ", "))], "
        entry += "format: \(r.format.rawValue), imported_at: \(q(stamp)), sha256: \"\(hash)\""
        if let licence = r.licence { entry += ", licence: \(q(licence))" }
        entry += "}\n"
        if let existing {
            yaml.replaceSubrange(existing, with: entry)
        } else if yaml.isEmpty {
            yaml = "id: \(r.track)\nname: {zh: \(q(r.trackName?.zh ?? r.track)), en: \(q(r.trackName?.en ?? r.track))}\nquestion_sets:\n" + entry
        } else if let end = questionSetsEnd(in: yaml) {
            yaml.insert(contentsOf: entry, at: end)
        } else {
            if !yaml.hasSuffix("\n") { yaml += "\n" }
            yaml += "question_sets:\n" + entry
        }
        try yaml.write(toFile: yamlPath, atomically: true, encoding: .utf8)
        return .written(path: questions)
    }

    /// The lines of the `- id: <set>` entry under `question_sets:` (up to the next entry or top-level key).
    static func entryRange(in yaml: String, set: String) -> Range<String.Index>? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        var offset = yaml.startIndex
        var start: String.Index?
        for line in lines {
            let next = yaml.index(line.endIndex, offsetBy: line.endIndex < yaml.endIndex ? 1 : 0)
            let trimmed = line.trimmedSpaces
            if let s = start {
                if trimmed.hasPrefix("- ") || (!line.isEmpty && !line.hasPrefix(" ")) { return s..<offset }
            } else if trimmed == "- id: \(set)" || trimmed == "- id: \(q(set))" || trimmed == "- id: '\(set)'" {
                start = offset
            }
            offset = next
        }
        return start.map { $0..<yaml.endIndex }
    }

    /// Where a new entry goes: the end of the `question_sets:` block.
    static func questionSetsEnd(in yaml: String) -> String.Index? {
        guard let key = yaml.range(of: "\nquestion_sets:") ?? (yaml.hasPrefix("question_sets:") ? yaml.range(of: "question_sets:") : nil)
        else { return nil }
        var i = yaml[key.upperBound...].firstIndex(of: "\n").map { yaml.index(after: $0) } ?? yaml.endIndex
        while i < yaml.endIndex {
            let lineEnd = yaml[i...].firstIndex(of: "\n") ?? yaml.endIndex
            let line = yaml[i..<lineEnd]
            if !line.isEmpty, !line.hasPrefix(" "), !line.hasPrefix("-"), !line.hasPrefix("#") { return i }
            i = lineEnd < yaml.endIndex ? yaml.index(after: lineEnd) : yaml.endIndex
        }
        if !yaml.hasSuffix("\n") { return nil }
        return yaml.endIndex
    }

    static func q(_ s: String) -> String {
        var out = ""
        JSONValue.writeEscaped(s, into: &out)
        return out
    }
}
