import Foundation
package import SaimaImport
package import SaimaBase
import SaimaRegistry

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
