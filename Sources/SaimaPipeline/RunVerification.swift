import Foundation
import SaimaModel
import SaimaRunner
import SaimaStorage

/// Checks that a run's data and results are what the run recorded.
///
/// 1. Every question set pinned in the manifest still has the same content hash.
/// 2. The result chain: rows in `seq` order, each `chain_hash` must equal
///    SHA-256(previous row's chain_hash + "\n" + the row's payload). An edited row fails its own
///    check; a deleted row leaves a gap in `seq` and breaks the next row's check; rows deleted at
///    the end or appended later no longer match the head recorded in `manifest.json`.
public enum RunVerification {
    public struct Report: Sendable {
        public var problems: [String]
        public var checkedSets: Int
        public var checkedRows: Int
        public var ok: Bool { problems.isEmpty }
    }

    public static func verify(folder: String, tracks: [Track]) throws -> Report {
        let store = try RunStore(folder: folder)
        var problems: [String] = []
        let fileManifest = (try? String(contentsOfFile: (folder as NSString).appendingPathComponent("manifest.json"),
                                        encoding: .utf8)).flatMap { try? JSONValue.parse($0) }
        let stored = try RunManifestStore.load(store: store)?.json
        guard let manifestJSON = fileManifest ?? stored else {
            return Report(problems: ["\(folder): no manifest.json — not a run folder / 没有运行清单"], checkedSets: 0, checkedRows: 0)
        }
        let manifest = RunManifest(json: manifestJSON)
        var current: [String: String] = [:]
        for track in tracks { for set in track.questionSets { current["\(track.id)/\(set.id)"] = set.contentHash } }
        for (key, hash) in manifest.setHashes.sorted(by: { $0.key < $1.key }) {
            if let now = current[key] {
                if now != hash {
                    problems.append("question set \(key) changed since the run: sha256 \(hash.prefix(12))… → \(now.prefix(12))… / 题集已被修改")
                }
            } else {
                problems.append("question set \(key) is missing from the tracks given / 找不到题集")
            }
        }
        let rows = try store.chainRows()
        var previous = RunStore.chainGenesis
        var expectedSeq: Int64 = rows.first?.seq ?? 1
        if let first = rows.first, first.seq != 1 {
            problems.append("rows 1–\(first.seq - 1) of the results were deleted / 结果记录被删除")
        }
        for row in rows {
            if row.seq != expectedSeq {
                problems.append("results row(s) \(expectedSeq)–\(row.seq - 1) were deleted (gap before \(row.result.key)) / 结果记录被删除")
            }
            let recomputed = row.result.chainHash(previous: previous)
            if recomputed != row.chainHash {
                problems.append("result \(row.result.key) (row \(row.seq)) does not match its chain hash: edited, or an earlier row was removed / 结果记录被篡改")
            }
            previous = row.chainHash
            expectedSeq = row.seq + 1
        }
        if let head = manifestJSON["chain_head"]?.stringValue, head != previous {
            problems.append("the chain head \(previous.prefix(12))… differs from the manifest's \(head.prefix(12))…: results were appended or removed after the run / 结果链头与清单不一致")
        }
        return Report(problems: problems, checkedSets: manifest.setHashes.count, checkedRows: rows.count)
    }
}
