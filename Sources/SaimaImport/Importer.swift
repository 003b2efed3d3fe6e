import Foundation
import SaimaBase
import SaimaSheets

/// Reads source files of one format into items (`saima import`).
package enum Importer {
    /// Reads `files`; every problem of every file is collected.
    package static func read(format: ImportFormat, files: [String], layout: SheetLayout, idPrefix: String) -> ImportResult {
        var all = ImportResult()
        for (k, path) in files.enumerated() {
            let file = (path as NSString).lastPathComponent
            let prefix = files.count > 1 ? "\(idPrefix)-\(k + 1)" : idPrefix
            var r: ImportResult
            switch format {
            case .xlsx, .csv, .ceval, .cmmlu:
                do {
                    let sheets = try SheetReader.read(path: path)
                    r = SheetItemImporter.read(sheets, layout: layout, idPrefix: prefix)
                    if format == .ceval || format == .cmmlu {
                        for i in r.items.indices where r.items[i].fields["metadata"] == nil {
                            r.items[i].fields["metadata"] = .object(["source_format": .string(format.rawValue)])
                        }
                    }
                } catch {
                    r = ImportResult()
                    r.problems.append(error)
                }
            case .gaokaoBench:
                guard let json = readJSON(path, into: &all) else { continue }
                r = BenchmarkImporters.gaokaoBench(json, file: file, idPrefix: prefix)
            case .agieval:
                r = BenchmarkImporters.agieval(lines: jsonLines(path, into: &all), file: file, idPrefix: prefix)
            case .lawbench:
                guard let json = readJSON(path, into: &all) else { continue }
                guard let array = json.arrayValue else {
                    all.problems.append(LocatedProblem(file, "LawBench JSON is a list of {instruction, question, answer}"))
                    continue
                }
                r = BenchmarkImporters.instructionAnswer(
                    lines: array.enumerated().map { ("\(file):[\($0.offset)]", $0.element) }, questionKey: "question", idPrefix: prefix)
            case .lexeval:
                r = BenchmarkImporters.instructionAnswer(
                    lines: jsonLines(path, into: &all).map { ("\(file):\($0.0)", $0.1) }, questionKey: "input", idPrefix: prefix)
            }
            all.items += r.items
            all.problems += r.problems
            all.notes += r.notes
        }
        var seen: [String: String] = [:]
        for item in all.items {
            let id = item.fields["id"]?.stringValue ?? ""
            if let first = seen[id] { all.problems.append(LocatedProblem(item.location, "duplicate id `\(id)` (first at \(first))")) }
            seen[id] = item.location
        }
        if all.items.isEmpty && all.problems.isEmpty { all.problems.append(LocatedProblem(files.joined(separator: ", "), "no items found / 没有读到题目")) }
        return all
    }

    static func readJSON(_ path: String, into result: inout ImportResult) -> JSONValue? {
        let file = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            result.problems.append(LocatedProblem(path, "file not found or unreadable"))
            return nil
        }
        guard let text = TextDecoding.decode(data)?.text else {
            result.problems.append(LocatedProblem(file, "not UTF-8 or GBK text"))
            return nil
        }
        do { return try JSONValue.parse(text) } catch {
            result.problems.append(LocatedProblem(file, "malformed JSON: \(error.message)"))
            return nil
        }
    }

    /// `(line, object)` for every non-empty line of a JSON Lines file; bad lines become located problems.
    static func jsonLines(_ path: String, into result: inout ImportResult) -> [(Int, JSONValue)] {
        let file = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path), let text = TextDecoding.decode(data)?.text else {
            result.problems.append(LocatedProblem(path, "file not found, unreadable, or not UTF-8/GBK text"))
            return []
        }
        var out: [(Int, JSONValue)] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let t = line.trimmed
            if t.isEmpty { continue }
            do { out.append((n + 1, try JSONValue.parse(t))) } catch {
                result.problems.append(LocatedProblem("\(file):\(n + 1)", "malformed JSON line: \(error.message)"))
            }
        }
        return out
    }

    /// SHA-256 over the source files' bytes, in order: the set's provenance.
    static func sourceHash(_ files: [String]) -> String {
        var all = Data()
        for f in files { all.append(FileManager.default.contents(atPath: f) ?? Data()) }
        return SHA256Digest.hex(all)
    }
}
