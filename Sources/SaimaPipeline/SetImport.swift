import Foundation
package import SaimaImport
package import SaimaBase
import SaimaRegistry
package import SaimaModel

/// Writing an imported question set into a tracks root as one step that either lands whole or leaves nothing:
/// the set is written (`SetWriter`), the root is loaded as every command loads it, and if the track no longer loads
/// without problems, `track.yaml` and the set's file are put back byte for byte as they were.
package enum SetImport {
    package enum Outcome: Sendable, Equatable {
        /// The same source files were imported before: nothing was written.
        case unchanged
        /// The set was written and loads; `file` is its questions file.
        case imported(file: String)
    }

    /// Why nothing was written: the writer refused (`message`), or the written set did not load (`diagnostics`, the
    /// track's problems as `path:line`; the files were put back).
    package struct Refused: Error, CustomStringConvertible {
        package var message: String?
        package var diagnostics: [Diagnostic]
        package var description: String { message ?? diagnostics.map(\.description).joined(separator: "\n") }
    }

    package static func write(_ items: [ImportedItem], _ request: SetWriter.Request) throws(Refused) -> Outcome {
        let trackDir = (request.root as NSString).appendingPathComponent(request.track)
        let backup = FileBackup(files: [trackDir + "/track.yaml", trackDir + "/questions/\(request.set).jsonl"])
        let outcome: SetWriter.Outcome
        do {
            outcome = try SetWriter.write(items, request)
        } catch let refusal as SetWriter.Refusal {
            throw Refused(message: refusal.description, diagnostics: [])
        } catch {
            backup.restore()
            throw Refused(message: "\(trackDir): \(error) / 写入失败", diagnostics: [])
        }
        guard case .written(let file) = outcome else { return .unchanged }
        var diagnostics: [Diagnostic] = []
        _ = TrackRegistry.load(roots: [request.root], diagnostics: &diagnostics)
        let mine = diagnostics.filter { $0.path.contains("/\(request.track)/") }
        guard mine.isEmpty else {
            backup.restore()
            throw Refused(message: nil, diagnostics: mine)
        }
        return .imported(file: file)
    }
}

/// Files' contents as they were (or their absence), to put back.
struct FileBackup {
    let saved: [(path: String, data: Data?)]

    init(files: [String]) { saved = files.map { ($0, FileManager.default.contents(atPath: $0)) } }

    func restore() {
        for (path, data) in saved {
            if let data { try? data.write(to: URL(fileURLWithPath: path)) } else { try? FileManager.default.removeItem(atPath: path) }
        }
    }
}

/// `saima import` as the command line runs it: the formats, reading and previewing the source files, then writing.
extension SetImport {
    /// The formats `--from` takes.
    package static var formatNames: [String] { ImportFormat.allCases.map(\.rawValue) }

    /// Where an import goes: the set, its track and root, and how the set is described.
    package struct Target: Sendable {
        package var root: String
        package var track: String
        package var set: String
        package var split: Split
        package var pilotUnit: LocalizedText
        package var trackName: LocalizedText?
        package var licence: String?
        package var replace: Bool

        package init(root: String, track: String, set: String, split: Split, pilotUnit: LocalizedText,
                     trackName: LocalizedText?, licence: String?, replace: Bool)
        {
            self.root = root
            self.track = track
            self.set = set
            self.split = split
            self.pilotUnit = pilotUnit
            self.trackName = trackName
            self.licence = licence
            self.replace = replace
        }
    }

    /// Source files read as items, not yet written: notes to print, and a preview of the first items.
    package struct Source: Sendable {
        let items: [ImportedItem]
        let format: ImportFormat
        let files: [String]
        package let notes: [String]
        package var count: Int { items.count }
        package var preview: String { ImportPreview.render(items) }
    }

    /// Reads `files` in `format` (one of `formatNames`), with the sheet layout of the mapping file when given; every
    /// problem found is thrown at once (`ImportProblems`).
    package static func read(format name: String, files: [String], mapping: String?, idPrefix: String)
        throws(ImportProblems) -> Source
    {
        guard let format = ImportFormat(rawValue: name) else {
            throw ImportProblems(notes: [], problems: [LocatedProblem("--from", "unknown format \(name) / 未知格式")])
        }
        var layout = SheetLayout()
        if let mapping {
            do { layout = try SheetLayout(mappingFile: mapping) } catch { throw ImportProblems(notes: [], problems: [error]) }
        }
        let result = Importer.read(format: format, files: files, layout: layout, idPrefix: idPrefix)
        guard result.problems.isEmpty else { throw ImportProblems(notes: result.notes, problems: result.problems) }
        return Source(items: result.items, format: format, files: files, notes: result.notes)
    }

    /// Problems that stop an import before anything is written, with the notes read so far.
    package struct ImportProblems: Error, Sendable {
        package var notes: [String]
        package var problems: [LocatedProblem]
    }

    /// Writes a read source to its target (`write(_:_:)`: reloaded, rolled back when the registry refuses it).
    package static func write(_ source: Source, to target: Target) throws(Refused) -> Outcome {
        var request = SetWriter.Request(
            root: target.root, track: target.track, set: target.set, split: target.split, pilotUnit: target.pilotUnit,
            format: source.format, files: source.files, licence: target.licence, replace: target.replace)
        request.trackName = target.trackName
        return try write(source.items, request)
    }
}

/// `saima export-set`: a question set written back as a sheet.
package enum SetExport {
    /// Writes the items of `set` as rows of an xlsx or csv file at `path` (the sheet named after the set); returns the
    /// item fields no sheet column holds, which were left out.
    package static func write(_ set: QuestionSet, to path: String) throws -> Set<String> {
        let (rows, dropped) = SetExporter.rows(try set.items.all().map(\.raw))
        try SetExporter.write(rows: rows, sheetName: set.id, to: path)
        return dropped
    }
}
