import Foundation
import SaimaBase
import SaimaModel
import SaimaRunner
import SaimaStorage

/// Rotation: a round that asks for `fresh_items: N` is given, in each of its question sets, N items no team was sent in
/// any earlier round (`ExposureLedger`), drawn with the round's seed and recorded in the manifest (`drawn_items`).
///
/// Definitions: the **pool** of a set is its items not exposed in the scanned runs (the round's own folder excluded);
/// the draw is a Fisher–Yates shuffle of the pool by `SeededGenerator` seeded from SHA-256 of `saima-fresh-v1`, the
/// seed, track and set, of which the first N are kept, in file order. A set whose pool holds fewer than N items stops
/// the round before anything is sent (every such set named). A resumed round keeps the draw its manifest records.
package enum FreshItems {
    package struct Problem: Error, CustomStringConvertible {
        package var lines: [String]
        package var description: String {
            "not enough unexposed items for fresh_items; nothing was sent. 未曝光题目不足，未发送任何请求。\n"
                + lines.map { "  - " + $0 }.joined(separator: "\n")
        }
    }

    /// Restricts every set of the spec's split to its fresh draw and records the draw in the spec.
    package static func apply(_ spec: inout RoundSpec, count: Int, exposureRuns: [String]) throws {
        let recorded = try recordedDraws(folder: spec.folder)
        // The round's own folder and its other shards' folders are not earlier rounds.
        let ledger = recorded == nil
            ? try ExposureLedger.scan(exposureRuns, excluding: spec.folder, excludingRound: spec.round) : ExposureLedger()
        var problems: [String] = []
        // Drawn into a copy: a set without enough fresh items leaves the spec exactly as it was.
        var drawn = spec
        for t in spec.tracks.indices {
            let track = spec.tracks[t]
            for s in track.questionSets.indices where spec.split == nil || track.questionSets[s].split == spec.split {
                let set = track.questionSets[s]
                let key = "\(track.id)/\(set.id)"
                let ids = set.items.ids
                let chosen: [String]
                if let recorded {
                    guard let earlier = recorded[key] else { continue }
                    chosen = earlier
                } else {
                    let exposed = ledger.exposed(track: track.id, set: set.id)
                    let pool = ids.filter { !exposed.contains($0) }
                    guard pool.count >= count else {
                        problems.append("\(key): \(pool.count) of \(ids.count) items unexposed, fresh_items asks \(count) / 可用未曝光题目不足")
                        continue
                    }
                    chosen = draw(pool, count: count, seed: spec.seed, track: track.id, set: set.id)
                }
                let position = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
                let positions = chosen.compactMap { position[$0] }.sorted()
                drawn.tracks[t].questionSets[s].items = set.items.keeping(positions: positions)
                drawn.drawnItems[key] = positions.map { ids[$0] }
            }
        }
        if !problems.isEmpty { throw Problem(lines: problems) }
        spec = drawn
    }

    /// `count` ids of `pool`, seeded.
    static func draw(_ pool: [String], count: Int, seed: UInt64, track: String, set: String) -> [String] {
        let digest = SHA256Digest.hex(["saima-fresh-v1", String(seed), track, set].joined(separator: "\u{1F}"))
        var rng = SeededGenerator(seed: UInt64(digest.prefix(16), radix: 16) ?? 0)
        var ids = pool
        var i = ids.count - 1
        while i > 0 {
            ids.swapAt(i, rng.below(i + 1))
            i -= 1
        }
        return Array(ids.prefix(count))
    }

    /// The draws a run folder's manifest records (nil when the folder has no manifest or it drew nothing).
    static func recordedDraws(folder: String) throws -> [String: [String]]? {
        guard FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("run.sqlite")),
            let manifest = try RunManifestStore.load(store: try RunStore(folder: folder))
        else { return nil }
        var draws: [String: [String]] = [:]
        for s in manifest.questionSets { if let d = s.drawnItems { draws["\(s.track)/\(s.set)"] = d } }
        return draws.isEmpty ? nil : draws
    }
}
