import Foundation
import SaimaModel
package import SaimaRegistry
import SaimaRunner
import SaimaStorage

/// The tracks a run folder was made with. Commands that read a run (score, leaderboard, report, verify,
/// judge, appeals, export) take the tracks roots from the run's manifest unless `--tracks` is given, and
/// refuse to go on when a question set the run used is missing or changed — so a report can never be rebuilt
/// silently with every team at zero because the private root was not named.
package enum RunTracks {
    /// Why the run's tracks cannot be used.
    package struct Problem: Error, CustomStringConvertible {
        package var folder: String
        package var lines: [String]
        package var description: String {
            "\(folder): the run's question sets are not all available as the run used them; nothing was re-scored or rewritten. "
                + "本轮所用题集不可用或已改变，未重新计分或覆盖任何文件。\n" + lines.map { "  - " + $0 }.joined(separator: "\n")
        }
    }

    /// The roots recorded in the run's manifest (absolute paths), or nil for a run made before they were.
    package static func recordedRoots(folder: String) throws -> [String]? {
        guard let manifest = try RunManifestStore.load(store: try RunStore(folder: folder)) else { return nil }
        return manifest.tracksRoots
    }

    /// The registry to read `folder` with: `explicitRoots`, else the manifest's roots, else `fallback`; with
    /// `strict`, every question set the manifest pins must be there with the same content hash.
    package static func registry(folder: String, explicitRoots: [String], fallback: [String], strict: Bool = true)
        throws -> TrackRegistry
    {
        let recorded = explicitRoots.isEmpty ? try recordedRoots(folder: folder) : nil
        // A manifest that recorded no roots at all is read like one made before roots were recorded.
        let roots = explicitRoots.isEmpty ? (recorded.flatMap { $0.isEmpty ? nil : $0 } ?? fallback) : explicitRoots
        if let recorded, let manifest = try RunManifestStore.load(store: try RunStore(folder: folder)) {
            var lines: [String] = []
            for root in recorded where !FileManager.default.fileExists(atPath: root) {
                let sets = manifest.questionSets.compactMap { s -> String? in
                    guard let file = s.file, file.hasPrefix(root + "/") else { return nil }
                    return "\(s.track)/\(s.set)"
                }
                lines.append("the tracks root \(root) recorded by this run is missing (give it with --tracks if it moved)"
                    + (sets.isEmpty ? "" : "; question set \(sets.joined(separator: ", ")) is missing with it") + " / 找不到本轮记录的赛道根目录")
            }
            if !lines.isEmpty { throw Problem(folder: folder, lines: lines) }
        }
        // A run folder's commands (score, leaderboard, report, judging, appeals) read items on demand, as the run did.
        var registry = try TrackRegistry.load(roots: roots, items: .onDemand)
        let stored = try RunManifestStore.load(store: try RunStore(folder: folder))
        // A round that drew fresh items used only those: every command on its folder sees the same items.
        if let stored {
            for t in registry.tracks.indices {
                for s in registry.tracks[t].questionSets.indices {
                    let set = registry.tracks[t].questionSets[s]
                    guard let drawn = stored.questionSets.first(where: { $0.track == registry.tracks[t].id && $0.set == set.id })?
                        .drawnItems
                    else { continue }
                    let wanted = Set(drawn)
                    let positions = set.items.ids.indices.filter { wanted.contains(set.items.id(at: $0)) }
                    registry.tracks[t].questionSets[s].items = set.items.keeping(positions: positions)
                }
            }
        }
        guard strict, let manifest = stored else { return registry }
        var current: [String: String] = [:]
        for track in registry.tracks { for set in track.questionSets { current["\(track.id)/\(set.id)"] = set.contentHash } }
        var lines: [String] = []
        for (key, hash) in manifest.setHashes.sorted(by: { $0.key < $1.key }) {
            guard let now = current[key] else {
                lines.append("question set \(key) is missing from the tracks roots \(roots.joined(separator: ", ")) / 找不到题集")
                continue
            }
            if now != hash {
                lines.append("question set \(key) changed since the run: sha256 \(hash.prefix(12))… → \(now.prefix(12))… / 题集已被修改")
            }
        }
        if !lines.isEmpty { throw Problem(folder: folder, lines: lines) }
        return registry
    }
}
