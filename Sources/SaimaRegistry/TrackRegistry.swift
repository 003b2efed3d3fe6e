import Foundation
public import SaimaBase
public import SaimaModel

/// All tracks found under one or more tracks roots, merged by track id.
///
/// Roots are read in order. A track id present in several roots becomes one track: its question
/// sets and datasets are the union (ids must stay unique), its name and description come from
/// the first root, and every root must agree on its weight. This is how a private root of hidden
/// test sets joins the public dev sets.
public struct TrackRegistry: Sendable {
    public var tracks: [Track]
    public var roots: [String]

    public init(tracks: [Track], roots: [String]) {
        self.tracks = tracks
        self.roots = roots
    }

    /// The track with this id.
    public func track(_ id: String) -> Track? { tracks.first { $0.id == id } }

    /// Where loaded items are kept: in memory, or read back on demand from a private copy of their lines (for a
    /// run, whose memory would otherwise grow by about 500 bytes an item; see `ItemList`).
    public enum ItemStorage: Sendable {
        case resident
        case onDemand
    }

    /// Loads every `*/track.yaml` under each root; throws `DiagnosticsError` listing all problems.
    public static func load(roots: [String], items: ItemStorage = .resident) throws(DiagnosticsError) -> TrackRegistry {
        var diagnostics: [Diagnostic] = []
        let registry = load(roots: roots, items: items, diagnostics: &diagnostics)
        if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
        return registry
    }

    /// Loads what it can and appends every problem to `diagnostics`.
    public static func load(
        roots: [String], items: ItemStorage = .resident, diagnostics: inout [Diagnostic]
    ) -> TrackRegistry {
        // One private copy for every set this load reads on demand (none when it cannot be made: items in memory).
        let spool = items == .onDemand ? SpoolFile() : nil
        var merged: [Track] = []
        var declarations: [(declared: TrackFileLoader.Declared, path: String)] = []
        for root in roots {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
                diagnostics.append(Diagnostic(path: root, line: 0, message: "tracks root is not a folder"))
                continue
            }
            let folders = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
            for folder in folders where !folder.hasPrefix(".") {
                let directory = (root as NSString).appendingPathComponent(folder)
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
                    continue
                }
                let loader = TrackFileLoader(directory: directory, spool: spool)
                guard FileManager.default.fileExists(atPath: loader.yamlPath) else {
                    diagnostics.append(Diagnostic(path: directory, line: 0, message: "track folder has no track.yaml"))
                    continue
                }
                guard let (track, declared) = loader.load(diagnostics: &diagnostics) else { continue }
                if let index = merged.firstIndex(where: { $0.id == track.id }) {
                    merge(
                        track, declared: declared, into: &merged[index], mergedDeclared: &declarations[index],
                        yamlPath: loader.yamlPath, diagnostics: &diagnostics)
                } else {
                    merged.append(track)
                    declarations.append((declared, loader.yamlPath))
                }
            }
        }
        // A track must be named in at least one root; a root that only adds sets to it need not repeat it.
        for (i, track) in merged.enumerated() where !declarations[i].declared.name {
            diagnostics.append(Diagnostic(
                path: declarations[i].path, line: declarations[i].declared.line,
                message: "missing field `name` (track `\(track.id)` is named in no tracks root)"))
        }
        for track in merged { checkCitations(track, diagnostics: &diagnostics) }
        return TrackRegistry(tracks: merged, roots: roots)
    }

    private static func merge(
        _ other: Track, declared: TrackFileLoader.Declared, into track: inout Track,
        mergedDeclared: inout (declared: TrackFileLoader.Declared, path: String), yamlPath: String,
        diagnostics: inout [Diagnostic]
    ) {
        if declared.name && !mergedDeclared.declared.name {
            track.name = other.name
            track.description = other.description
            mergedDeclared.declared.name = true
        }
        if declared.weight && !mergedDeclared.declared.weight {
            track.weight = other.weight
            mergedDeclared.declared.weight = true
        } else if declared.weight, other.weight != track.weight {
            diagnostics.append(
                Diagnostic(path: yamlPath, line: 0,
                           message: "track `\(track.id)` has weight \(other.weight) here but \(track.weight) in \(track.directories[0])"))
        }
        for set in other.questionSets {
            if track.questionSets.contains(where: { $0.id == set.id }) {
                diagnostics.append(
                    Diagnostic(path: yamlPath, line: 0,
                               message: "question set `\(set.id)` of track `\(track.id)` is defined in more than one root"))
            } else {
                track.questionSets.append(set)
            }
        }
        for dataset in other.datasets {
            if track.datasets.contains(where: { $0.id == dataset.id }) {
                diagnostics.append(
                    Diagnostic(path: yamlPath, line: 0,
                               message: "dataset `\(dataset.id)` of track `\(track.id)` is defined in more than one root"))
            } else {
                track.datasets.append(dataset)
            }
        }
        track.directories += other.directories
    }

    /// Every `dataset` + `section` an item cites must exist in the (merged) track.
    private static func checkCitations(_ track: Track, diagnostics: inout [Diagnostic]) {
        for set in track.questionSets {
            let items: [Item]
            do { items = try set.items.items(at: set.items.positions(with: .citation)) } catch {
                diagnostics.append(Diagnostic(path: set.path, line: 0, message: "\(error)"))
                continue
            }
            for item in items {
                guard let citation = item.citation else { continue }
                guard let dataset = track.dataset(citation.dataset) else {
                    let known = track.datasets.map(\.id).joined(separator: ", ")
                    diagnostics.append(
                        Diagnostic(path: set.path, line: item.line,
                                   message: "item `\(item.id)`: unknown dataset `\(citation.dataset)` (track has: \(known))"))
                    continue
                }
                if let section = citation.section, dataset.sections[section] == nil {
                    diagnostics.append(
                        Diagnostic(path: set.path, line: item.line,
                                   message: "item `\(item.id)`: dataset `\(dataset.id)` has no section `\(section)` (a `## \(section) …` heading)"))
                }
            }
        }
    }
}
