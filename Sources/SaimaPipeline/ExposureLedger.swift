import Foundation
import SaimaBase
package import SaimaModel
import SaimaRunner
package import SaimaStorage

/// Every time an item was sent to a team, across rounds: read from the run folders themselves (each request's row in
/// `run.sqlite`, superseded retries included), so the ledger is as durable as the runs and survives any resume.
///
/// Definitions: a **run folder** is a folder holding `run.sqlite`; a path given to the ledger is a run folder or a
/// folder of run folders (one level down). An **exposure** is one request row: (round, team, track/set/item, sample,
/// the variant shown once the run is scored, time). An item is **exposed** once any team was sent it in any scanned run.
package struct ExposureLedger: Sendable {
    package struct Entry: Sendable {
        package var round: String
        package var folder: String
        package var sent: SentItem
    }

    package private(set) var entries: [Entry] = []
    /// The run folders read.
    package private(set) var folders: [String] = []

    /// Reads every run folder under `paths`, except `excluding` (a round's own folder) and the folders of
    /// `excludingRound` (its other shards), and only those of `round` when given.
    package static func scan(_ paths: [String], excluding: String? = nil, excludingRound: String? = nil, round: String? = nil)
        throws -> ExposureLedger
    {
        var ledger = ExposureLedger()
        let skip = excluding.flatMap(realPath)
        for folder in runFolders(paths) where folder != skip {
            guard let (items, manifestText) = try RunStore.sentItems(folder: folder) else { continue }
            let name = manifestText.flatMap { try? RunManifest(json: JSONValue.parse($0)).round } ?? (folder as NSString).lastPathComponent
            if let round, name != round { continue }
            if let excludingRound, name == excludingRound { continue }
            ledger.folders.append(folder)
            ledger.entries += items.map { Entry(round: name, folder: folder, sent: $0) }
        }
        return ledger
    }

    /// Run folders at or one level under each path (real paths, sorted, each once).
    static func runFolders(_ paths: [String]) -> [String] {
        var found: Set<String> = []
        let fm = FileManager.default
        for path in paths {
            guard let real = realPath(path) else { continue }
            if fm.fileExists(atPath: real + "/run.sqlite") { found.insert(real) }
            for child in (try? fm.contentsOfDirectory(atPath: real)) ?? [] {
                let folder = real + "/" + child
                if fm.fileExists(atPath: folder + "/run.sqlite"), let r = realPath(folder) { found.insert(r) }
            }
        }
        return found.sorted()
    }

    /// The ids of a set's items sent to any team.
    package func exposed(track: String, set: String) -> Set<String> {
        Set(entries.lazy.filter { $0.sent.track == track && $0.sent.set == set }.map(\.sent.item))
    }

    /// One question set's exposure.
    package struct SetExposure: Sendable {
        package var track: String
        package var set: String
        /// Items in the set now.
        package var items: Int
        /// Items of the set sent to at least one team.
        package var exposedItems: Int
        /// Requests sent (item × team × sample × attempt rows).
        package var sends: Int
        package var teams: Int
        package var rounds: [String]
        /// The variants shown (0: as written), where the runs recorded them.
        package var variants: [Int]
        /// The items sent most often and how often.
        package var mostExposed: [(item: String, sends: Int)]
    }

    /// Per set of `tracks` (and any other set the ledger names), how much has been exposed.
    package func bySet(tracks: [Track]) -> [SetExposure] {
        var sizes: [String: Int] = [:]
        var keys: [(String, String)] = []
        for track in tracks {
            for set in track.questionSets {
                sizes["\(track.id)/\(set.id)"] = set.items.count
                keys.append((track.id, set.id))
            }
        }
        let grouped = Dictionary(grouping: entries) { "\($0.sent.track)/\($0.sent.set)" }
        for key in grouped.keys.sorted() where sizes[key] == nil {
            let e = grouped[key]![0].sent
            keys.append((e.track, e.set))
        }
        return keys.map { track, set in
            let rows = grouped["\(track)/\(set)"] ?? []
            var perItem: [String: Int] = [:]
            for r in rows { perItem[r.sent.item, default: 0] += 1 }
            return SetExposure(
                track: track, set: set, items: sizes["\(track)/\(set)"] ?? 0, exposedItems: perItem.count, sends: rows.count,
                teams: Set(rows.map(\.sent.team)).count, rounds: Array(Set(rows.map(\.round))).sorted(),
                variants: Array(Set(rows.compactMap(\.sent.variant))).sorted(),
                mostExposed: perItem.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).map { ($0.key, $0.value) })
        }
    }

    /// The bilingual table `saima exposure` prints.
    package func render(tracks: [Track]) -> String {
        var out = "曝光记录 Exposure ledger: \(folders.count) run folder(s) 个结果目录, \(entries.count) request(s) 次发送\n\n"
        out += "| 题集 set | 题数 items | 已曝光 exposed | 发送次数 sends | 队伍 teams | 轮次 rounds | 变体 variants | 最常曝光 most exposed |\n"
        out += "|---|---:|---:|---:|---:|---|---|---|\n"
        for s in bySet(tracks: tracks) {
            let most = s.mostExposed.map { "\($0.item) ×\($0.sends)" }.joined(separator: ", ")
            let variants = s.variants.isEmpty ? "—" : s.variants.map(String.init).joined(separator: ", ")
            out += "| \(s.track)/\(s.set) | \(s.items) | \(s.exposedItems) | \(s.sends) | \(s.teams) | \(s.rounds.joined(separator: ", ")) | \(variants) | \(most) |\n"
        }
        return out
    }
}
