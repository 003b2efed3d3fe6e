import Foundation
package import SaimaModel
package import SaimaRunner
package import SaimaStorage

/// A run folder written whole from results made elsewhere (shards merged, a shared store pulled): never over an
/// existing run, the manifest frozen first, the results appended in the given order as one new chain, its head recorded.
package enum NewRunFolder {
    /// Why nothing was written (every problem, then nothing written).
    package struct Problem: Error, CustomStringConvertible {
        package var lines: [String]
        package var description: String {
            "nothing was written. 未写入任何内容。\n" + lines.map { "  - " + $0 }.joined(separator: "\n")
        }
    }

    /// The refusal when `out` exists and holds anything (`what`: the command, e.g. "a merge"); nil when it may be written.
    package static func refusal(_ out: String, what: String) -> String? {
        guard FileManager.default.fileExists(atPath: out),
            !((try? FileManager.default.contentsOfDirectory(atPath: out))?.isEmpty ?? true)
        else { return nil }
        return "\(out) exists and is not empty: \(what) writes a new run folder / 输出目录非空"
    }

    /// Freezes `manifest` in `out` and appends `parts` in order — each part's results (a chain link each, attempts and
    /// times as recorded) then its probe replies — recording the chain head. Returns the store and the head.
    package static func write(out: String, manifest: RunManifest, parts: [(results: [ItemResult], probes: [ProbeReply])]) throws
        -> (store: RunStore, head: String)
    {
        let store = try RunStore(folder: out)
        store.adoptLock(try RunLock(folder: out))
        try RunManifestStore.freeze(manifest, store: store, folder: out)
        var head = RunStore.chainGenesis
        for part in parts {
            for chunk in stride(from: 0, to: part.results.count, by: 1024) {
                head = try store.appendResults(Array(part.results[chunk..<min(part.results.count, chunk + 1024)]))
            }
            for p in part.probes { try store.appendProbe(p.asResult) }
        }
        try RunManifestStore.recordChainHead(head, store: store, folder: out)
        return (store, head)
    }
}
