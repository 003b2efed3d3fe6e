import Foundation
import SaimaBase
package import SaimaModel
import SaimaRunner
import SaimaStorage

/// Checks that a run's data and results are what the run recorded.
///
/// 1. Every question set pinned in the manifest still has the same content hash.
/// 2. The result chain: rows in `seq` order, each `chain_hash` must equal
///    SHA-256(previous row's chain_hash + "\n" + the row's payload). An edited row fails its own
///    check; a deleted row leaves a gap in `seq` and breaks the next row's check; rows deleted at
///    the end or appended later no longer match the head recorded in `manifest.json`, in the database's
///    manifest and in its `chain_head` — each must be present and agree, and the two manifests must agree field by
///    field, so removing a record of the head along with the last rows is caught.
package enum RunVerification {
    package struct Report: Sendable {
        package var problems: [String]
        package var checkedSets: Int
        package var checkedRows: Int
        /// Judge readings on appeal checked in their chain, and the answers they currently override.
        var checkedOverrides = 0
        var overriddenAnswers = 0
        /// Stored scores compared with scores recomputed from the chained results and readings.
        package var checkedScores = 0
        package var ok: Bool { problems.isEmpty }

        /// What a passing check verified, in English and Chinese.
        package var summary: String {
            "OK: \(checkedSets) question sets, \(checkedRows) result rows, \(checkedScores) scores and "
                + "\(checkedOverrides) judge readings verified; \(overriddenAnswers) answer(s) re-read by judges. "
                + "校验通过：\(checkedSets) 个题集、\(checkedRows) 条结果、\(checkedScores) 个分数、"
                + "\(checkedOverrides) 条复核记录一致；评委复核改读 \(overriddenAnswers) 个答案。"
        }
    }

    package static func verify(folder: String, tracks: [Track]) throws -> Report {
        let store = try RunStore(folder: folder)
        var problems: [String] = []
        // `manifest.json` is the record people read; one that is there but cannot be read as a manifest is itself
        // a problem, and the database's copy is used for the remaining checks.
        var fileManifest: RunManifest?
        let manifestPath = (folder as NSString).appendingPathComponent("manifest.json")
        if let text = try? String(contentsOfFile: manifestPath, encoding: .utf8) {
            do {
                fileManifest = try RunManifest(json: JSONValue.parse(text))
            } catch {
                problems.append("\(manifestPath) is not a readable run manifest (\(error)) / 运行清单已损坏")
            }
        }
        let databaseManifest = try RunManifestStore.load(store: store)
        guard let manifest = fileManifest ?? databaseManifest else {
            return Report(problems: ["\(folder): no manifest.json — not a run folder / 没有运行清单"], checkedSets: 0, checkedRows: 0)
        }
        // The file people read and the database's own copy must agree, field by field.
        if let file = fileManifest, let stored = databaseManifest {
            problems += manifestDifferences(file: file, database: stored)
        }
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
        // Every record of the head must be there and agree with the chain: manifest.json, the database's manifest and
        // its `chain_head`; a record removed along with the last rows is itself a problem.
        let recordedHeads: [(String, String?)] = [
            ("manifest.json", fileManifest?.chainHead), ("the database's manifest", databaseManifest?.chainHead),
            ("the database's chain_head", try store.meta("chain_head")),
        ]
        for (place, head) in recordedHeads where !rows.isEmpty || head != nil {
            guard place != "manifest.json" || fileManifest != nil else { continue }
            guard let head else {
                problems.append("\(place) records no chain head although the run has \(rows.count) result rows / \(place) 缺少结果链头")
                continue
            }
            if head != previous {
                problems.append("the chain head \(previous.prefix(12))… differs from \(place)'s \(head.prefix(12))…: results were appended or removed after the run / 结果链头与记录不一致")
            }
        }
        for (place, count) in [("manifest.json", fileManifest?.chainRows), ("the database's manifest", databaseManifest?.chainRows)] {
            if let count, count != rows.count {
                problems.append("\(place) records \(count) result rows; the chain has \(rows.count) / 结果行数与清单不一致")
            }
        }
        problems += supersessionProblems(rows)
        var report = Report(problems: problems, checkedSets: manifest.setHashes.count, checkedRows: rows.count)
        try verifyOverrides(store: store, manifest: manifest, into: &report)
        try verifyHumanScores(store: store, manifest: manifest, into: &report)
        try verifyScores(store: store, tracks: tracks, into: &report)
        return report
    }

    /// Fields in which `manifest.json` and the database's copy of the manifest differ, one problem naming them.
    static func manifestDifferences(file: RunManifest, database: RunManifest) -> [String] {
        guard let a = try? JSONValue.parse(PrettyJSON.string(encoding: file)).objectValue,
            let b = try? JSONValue.parse(PrettyJSON.string(encoding: database)).objectValue
        else { return [] }
        let fields = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
        guard !fields.isEmpty else { return [] }
        return ["manifest.json differs from the database's copy in \(fields.joined(separator: ", ")) / 运行清单文件与数据库副本不一致"]
    }

    /// Each answer's current row must be its last row: a flipped `superseded` flag shows here.
    static func supersessionProblems(_ rows: [RunStore.ChainRow]) -> [String] {
        var last: [ResultKey: Int64] = [:]
        for row in rows { last[row.result.key] = row.seq }
        var problems: [String] = []
        for row in rows where (row.superseded == false) != (last[row.result.key] == row.seq) {
            problems.append(
                "result \(row.result.key) (row \(row.seq)): its superseded flag was changed — the current answer must be the last one / 结果的替代标记被篡改")
        }
        return problems
    }

    /// The appeals chain: every reading re-hashed, the head compared with the manifest's.
    static func verifyOverrides(store: RunStore, manifest: RunManifest, into report: inout Report) throws {
        let rows = try store.overrideRows()
        let previous = walkChain(
            rows.map { row in (row.seq, row.chainHash, { row.override.chainHash(previous: $0) }) }, into: &report,
            deleted: { "judge reading row(s) \($0)–\($1) were deleted / 复核记录被删除" },
            edited: { "judge reading of \(rows[$0].override.key) (row \(rows[$0].seq)) does not match its chain hash / 复核记录被篡改" })
        let recorded = manifest.appealsHead ?? RunStore.chainGenesis
        if recorded != previous {
            report.problems.append("the judge readings' chain head \(previous.prefix(12))… differs from the manifest's \(recorded.prefix(12))…: readings were added or removed outside saima appeals / 复核链头与清单不一致")
        }
        if let count = manifest.appealsRows, count != rows.count {
            report.problems.append("the manifest records \(count) judge readings; the chain has \(rows.count) / 复核记录数与清单不一致")
        }
        report.checkedOverrides = rows.count
        report.overriddenAnswers = Set(rows.map(\.override.key)).count
    }

    /// Walks a side chain (judge readings, human-score imports) from the genesis hash: a gap in `seq` is reported with
    /// `deleted(first, last)`, a row whose recomputed hash differs with `edited(index)`. Returns the chain's head.
    static func walkChain(
        _ rows: [(seq: Int64, stored: String, recompute: (String) -> String)], into report: inout Report,
        deleted: (Int64, Int64) -> String, edited: (Int) -> String
    ) -> String {
        var previous = RunStore.chainGenesis
        var expectedSeq: Int64 = 1
        for (index, row) in rows.enumerated() {
            if row.seq != expectedSeq { report.problems.append(deleted(expectedSeq, row.seq - 1)) }
            if row.recompute(previous) != row.stored { report.problems.append(edited(index)) }
            previous = row.stored
            expectedSeq = row.seq + 1
        }
        return previous
    }

    /// The human scores' chain: every import re-hashed, the head compared with the manifest's, and the scores stored
    /// now compared with the digest the last import recorded (an SQL edit of `human_scores` shows here).
    static func verifyHumanScores(store: RunStore, manifest: RunManifest, into report: inout Report) throws {
        let imports = try store.humanScoreImports()
        let previous = walkChain(
            imports.map { row in (row.seq, row.chainHash, { RunStore.humanChainHash(previous: $0, judges: row.judges, digest: row.digest) }) },
            into: &report,
            deleted: { "human score import(s) \($0)–\($1) were deleted / 人工评分导入记录被删除" },
            edited: { "human score import \(imports[$0].seq) does not match its chain hash / 人工评分导入记录被篡改" })
        let recorded = manifest.humanHead ?? RunStore.chainGenesis
        if recorded != previous {
            report.problems.append("the human scores' chain head \(previous.prefix(12))… differs from the manifest's \(recorded.prefix(12))…: scores were imported or removed outside saima judges import / 人工评分链头与清单不一致")
        }
        let current = try store.humanScoresDigest()
        let expected = imports.last?.digest ?? RunStore.emptyHumanScoresDigest
        if current != expected {
            report.problems.append("the human scores stored differ from those the last import recorded: edited outside saima judges import / 人工评分记录被修改")
        }
    }

    /// Scores are derived data: recompute them from the chained results and readings and name every stored
    /// score that differs (an edited `scores` row).
    static func verifyScores(store: RunStore, tracks: [Track], into report: inout Report) throws {
        let stored = try store.currentScores()
        guard !stored.isEmpty else { return }
        let recomputed = try RunScoring.compute(store: store, tracks: tracks).scores
        var edited: [String] = []
        for s in recomputed {
            guard let old = stored[s.key] else {
                edited.append("\(s.key) (missing)")
                continue
            }
            if abs(old.score - s.score) > 1e-9 || old.unextractable != s.unextractable || old.extracted != s.extracted {
                edited.append("\(s.key) (stored \(old.score), recomputed \(s.score))")
            }
        }
        let extra = Set(stored.keys).subtracting(recomputed.map(\.key))
        edited += extra.map { "\($0) (no such answer)" }
        if !edited.isEmpty {
            report.problems.append(
                "\(edited.count) stored score(s) differ from the scores recomputed from the results — edited, or not re-scored after a change: \(edited.sorted().prefix(10).joined(separator: "; ")) / 分数记录与重新计算的结果不一致")
        }
        report.checkedScores = recomputed.count
    }
}
