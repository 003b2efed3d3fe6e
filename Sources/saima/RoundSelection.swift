import ArgumentParser
import Foundation
import SaimaModel
import SaimaRegistry
import SaimaRunner
import SaimaStorage

/// Chooses the teams and tracks of a run and pins the data it uses.
enum RoundSelection {
    static func submissions(location: LocationOptions, registry: TrackRegistry, teams: [String]) throws -> [Submission] {
        let all: [Submission]
        do {
            all = try SubmissionLoader.load(root: location.submissionsRoot, registry: registry)
        } catch {
            throw reportDiagnostics(error.diagnostics)
        }
        guard !teams.isEmpty else { return all }
        let unknown = Set(teams).subtracting(all.map(\.id))
        if !unknown.isEmpty {
            throw ValidationError("unknown team(s): \(unknown.sorted().joined(separator: ", ")) / 未知队伍")
        }
        return all.filter { teams.contains($0.id) }
    }

    static func tracks(registry: TrackRegistry, ids: [String]) throws -> [Track] {
        guard !ids.isEmpty else { return registry.tracks }
        let unknown = Set(ids).subtracting(registry.tracks.map(\.id))
        if !unknown.isEmpty {
            throw ValidationError("unknown track(s): \(unknown.sorted().joined(separator: ", ")) / 未知赛道")
        }
        return registry.tracks.filter { ids.contains($0.id) }
    }

    /// Writes the manifest before the first request; on resume, refuses data that changed since.
    static func freeze(_ manifest: RunManifest, in store: RunStore, folder: String) throws {
        if let existing = try store.meta("manifest") {
            let earlier = RunManifest(json: try JSONValue.parse(existing))
            let changed = earlier.changedSets(comparedWith: manifest).filter { earlier.setHashes[$0] != nil }
            if !changed.isEmpty {
                throw ValidationError(
                    "question sets changed since this run began: \(changed.joined(separator: ", ")); use a new --out. "
                        + "题集内容自本轮开始后已改变，请使用新的输出目录。")
            }
        }
        let text = try PrettyJSON.string(manifest.json)
        try store.setMeta("manifest", text)
        try text.write(toFile: (folder as NSString).appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
    }
}
