import SaimaBase
import Foundation
package import SaimaModel
import SaimaRunner
import SaimaStorage

/// Folds the run folders of a round's static shards (`saima run --shard i/N`) into one run folder: every shard must be
/// there once, made with the same manifest (round, seed, question sets, teams, orders, probes), with an intact chain
/// and no answer held by two shards; the results are appended to a new chain in shard order, then scored, and the
/// leaderboard and report written, as a single run would have them.
package enum RunMerge {
    package struct Problem: Error, CustomStringConvertible {
        package var lines: [String]
        package var description: String {
            "the shards cannot be merged; nothing was written. 分片无法合并，未写入任何内容。\n" + lines.map { "  - " + $0 }.joined(separator: "\n")
        }
    }

    /// What was merged.
    package struct Summary: Sendable {
        package var shards: Int
        package var results: Int
        package var chainHead: String
        package var files: [String]
    }

    /// The manifest's fields that every shard must share, as canonical JSON.
    static func shared(_ m: RunManifest) -> String {
        var m = m.asPlanned
        m.shard = nil
        m.libcurl = nil
        return m.json.canonicalJSON
    }

    package static func merge(out: String, shards folders: [String], tracks: [Track], resamples: Int = 1000) throws -> Summary {
        var problems: [String] = []
        var manifests: [(folder: String, manifest: RunManifest, shard: ShardSpec)] = []
        for folder in folders {
            guard FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("run.sqlite")),
                let m = try RunManifestStore.load(store: try RunStore(folder: folder))
            else {
                problems.append("\(folder): not a run folder / 不是结果目录")
                continue
            }
            guard let text = m.shard, let shard = ShardSpec(text) else {
                problems.append("\(folder): not a shard (made without --shard) / 不是分片目录")
                continue
            }
            manifests.append((folder, m, shard))
        }
        if let first = manifests.first {
            let count = first.shard.count
            let reference = shared(first.manifest)
            for m in manifests.dropFirst() where shared(m.manifest) != reference || m.shard.count != count {
                problems.append("\(m.folder): made with another manifest than \(first.folder) (round, seed, sets, teams or shard count) / 清单不一致")
            }
            let indexes = manifests.map(\.shard.index)
            for i in 1...count where !indexes.contains(i) { problems.append("shard \(i)/\(count) is missing / 缺少分片") }
            for i in Set(indexes) where indexes.filter({ $0 == i }).count > 1 {
                problems.append("shard \(i)/\(count) is given \(indexes.filter { $0 == i }.count) times / 分片重复")
            }
        }
        if let refusal = NewRunFolder.refusal(out, what: "a merge") { problems.append(refusal) }
        guard problems.isEmpty else { throw Problem(lines: problems) }
        // Each shard intact, and no answer in two shards.
        var owner: [ResultKey: String] = [:]
        var ordered: [(ShardSpec, [ItemResult], [ProbeReply])] = []
        for (folder, _, shard) in manifests.sorted(by: { $0.shard.index < $1.shard.index }) {
            let report = try RunVerification.verify(folder: folder, tracks: tracks)
            problems += report.problems.map { "\(folder): \($0)" }
            let store = try RunStore(folder: folder)
            let results = try store.currentResults()
            for r in results {
                if let other = owner[r.key] {
                    problems.append("\(r.key) is in both \(other) and \(folder) / 同一回答出现在两个分片")
                } else {
                    owner[r.key] = folder
                }
                if !shard.contains(r.key) { problems.append("\(folder): \(r.key) does not belong to shard \(shard) / 回答不属于该分片") }
            }
            ordered.append((shard, results, try store.probeReplies()))
        }
        guard problems.isEmpty else { throw Problem(lines: Array(problems.prefix(50))) }

        // The merged manifest is shard 1's (its creation time and libcurl), whatever order the folders were given in.
        guard var manifest = manifests.min(by: { $0.shard.index < $1.shard.index })?.manifest else {
            throw Problem(lines: ["no shard folders given / 未给出分片目录"])
        }
        manifest.shard = nil
        manifest.chainHead = nil
        manifest.chainRows = nil
        // A chain link per result, in shard order; attempts and times as the shard recorded them.
        let (store, head) = try NewRunFolder.write(out: out, manifest: manifest, parts: ordered.map { ($0.1, $0.2) })
        let count = ordered.reduce(0) { $0 + $1.1.count }
        _ = try RunScoring.score(store: store, tracks: tracks)
        let (_, files) = try RoundPipeline.writeLeaderboard(folder: out, tracks: tracks, seed: manifest.seed, resamples: resamples)
        return Summary(shards: ordered.count, results: count, chainHead: head, files: files)
    }
}
