import Foundation
import SaimaBase
import SaimaModel
package import SaimaRunner
package import SaimaStorage

/// Keeps a run's manifest in two places: `manifest.json` in the run folder and the database's
/// `meta` table.
package enum RunManifestStore {
    package enum Problem: Error, CustomStringConvertible {
        case changedSets([String])
        case changedShuffle([String])
        case changedShard(String?, String?)
        package var description: String {
            switch self {
            case .changedSets(let sets):
                "question sets changed since this run began: \(sets.joined(separator: ", ")); use a new --out. "
                    + "题集内容自本轮开始后已改变，请使用新的输出目录。"
            case .changedShuffle(let sets):
                "shuffle_choices changed since this run began: \(sets.joined(separator: ", ")); use a new --out. "
                    + "选项乱序设置自本轮开始后已改变，请使用新的输出目录。"
            case .changedShard(let was, let now):
                "this run folder holds shard \(was ?? "(whole round)"), not \(now ?? "the whole round"); use the shard's own --out. "
                    + "该目录属于另一个分片，请使用对应的输出目录。"
            }
        }
    }

    /// Writes the manifest before the first request; on resume, refuses question sets that changed.
    /// A resumed run keeps the choice-order scheme it began with (none for runs begun before Saima shuffled choices),
    /// and refuses a set whose `shuffle_choices` changed. Returns the manifest as frozen.
    @discardableResult
    package static func freeze(_ manifest: RunManifest, store: RunStore, folder: String) throws -> RunManifest {
        var manifest = manifest
        if let existing = try load(store: store) {
            let changed = existing.changedSets(comparedWith: manifest).filter { existing.setHashes[$0] != nil }
            if !changed.isEmpty { throw Problem.changedSets(changed) }
            if existing.shard != manifest.shard { throw Problem.changedShard(existing.shard, manifest.shard) }
            manifest.choiceOrder = existing.choiceOrder
            var flipped: [String] = []
            for i in manifest.questionSets.indices {
                let entry = manifest.questionSets[i]
                if existing.choiceOrder == nil {
                    manifest.questionSets[i].shuffleChoices = nil
                } else if let old = existing.questionSets.first(where: { $0.track == entry.track && $0.set == entry.set }),
                    (old.shuffleChoices ?? false) != (entry.shuffleChoices ?? false)
                {
                    flipped.append("\(entry.track)/\(entry.set)")
                }
            }
            if !flipped.isEmpty { throw Problem.changedShuffle(flipped.sorted()) }
        }
        try save(manifest, store: store, folder: folder)
        return manifest
    }

    package static func load(store: RunStore) throws -> RunManifest? {
        try store.meta("manifest").map { try RunManifest(json: try JSONValue.parse($0)) }
    }

    /// Records the result chain's head at the end of a run invocation.
    package static func recordChainHead(_ head: String, store: RunStore, folder: String) throws {
        guard var manifest = try load(store: store) else { return }
        manifest.chainHead = head
        manifest.chainRows = try store.rowCount()
        try save(manifest, store: store, folder: folder)
        try store.setMeta("chain_head", head)
    }

    /// Records the appeals chain's head after judge readings are imported.
    static func recordAppealsHead(_ head: String, count: Int, store: RunStore, folder: String) throws {
        guard var manifest = try load(store: store) else { return }
        manifest.appealsHead = head
        manifest.appealsRows = count
        try save(manifest, store: store, folder: folder)
    }

    /// Records the human scores' chain head after judges' scores are imported.
    static func recordHumanHead(_ head: String, imports: Int, store: RunStore, folder: String) throws {
        guard var manifest = try load(store: store) else { return }
        manifest.humanHead = head
        manifest.humanImports = imports
        try save(manifest, store: store, folder: folder)
    }

    static func save(_ manifest: RunManifest, store: RunStore, folder: String) throws {
        let text = try PrettyJSON.string(encoding: manifest)
        try store.setMeta("manifest", text)
        try RunFolderFile.write(text + "\n", to: "manifest.json", in: folder)
    }
}
