import Foundation
import SaimaBase
import SaimaModel
package import SaimaRegistry
import SaimaRunner

extension RoundSpec {
    /// The round a round file describes. Tracks come from `roots` plus the file's own tracks roots, restricted to
    /// the file's `tracks`; teams are the file's `teams`, or else every team that entered one of those tracks;
    /// runner limits, split, samples, seed and award tiers are the file's. Every problem in the tracks or
    /// submissions is thrown at once (`DiagnosticsError`); an unknown track or team id is `Selection.UnknownIDs`.
    package static func from(
        roundFile file: RoundFile, path: String, roots: [String], submissionsRoot: String, folder: String?,
        retryFailed: Bool
    ) throws -> RoundSpec {
        var diagnostics: [Diagnostic] = []
        let registry = TrackRegistry.load(roots: roots + file.tracksRoots, items: .onDemand, diagnostics: &diagnostics)
        let all = SubmissionLoader.load(root: submissionsRoot, registry: registry, diagnostics: &diagnostics)
        if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
        let tracks = try Selection.tracks(registry, ids: file.tracks, source: path)
        let trackIDs = Set(tracks.map(\.id))
        let teams = file.teams.isEmpty
            ? all.filter { !trackIDs.isDisjoint(with: $0.tracks) } : try Selection.teams(all, ids: file.teams, source: path)
        var spec = RoundSpec(
            round: file.name, tracks: tracks, submissions: teams, split: file.split, samples: file.samples,
            seed: file.seed,
            options: RunnerOptions(
                maxInFlight: file.maxInFlight, retry: RetryPolicy(maxAttempts: file.maxAttempts),
                maxResponseBytes: file.maxResponseBytes, forceStream: file.stream,
                timeoutCeilingSeconds: file.timeoutCeilingSeconds, maxConsecutiveFailures: file.maxConsecutiveFailures),
            retryFailed: retryFailed, folder: folder ?? "runs/\(file.name)")
        spec.awards = file.awards
        spec.judge = file.judge
        spec.probes = file.probes
        if let fresh = file.freshItems {
            let runs = file.exposureRuns.isEmpty ? [(spec.folder as NSString).deletingLastPathComponent] : file.exposureRuns
            try FreshItems.apply(&spec, count: fresh, exposureRuns: runs.map { $0.isEmpty ? "." : $0 })
        }
        return spec
    }
}
