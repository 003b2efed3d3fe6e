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
}
