import ArgumentParser
import SaimaPipeline

/// The teams and tracks named on the command line (`Selection` decides; this maps its errors to exit codes).
enum RoundSelection {
    static func submissions(location: LocationOptions, registry: TrackRegistry, teams: [String]) throws -> [Submission] {
        let all: [Submission]
        do {
            all = try SubmissionLoader.load(root: location.submissionsRoot, registry: registry)
        } catch {
            throw reportDiagnostics(error.diagnostics)
        }
        do { return try Selection.teams(all, ids: teams) } catch { throw ValidationError(error.description) }
    }

    static func tracks(registry: TrackRegistry, ids: [String]) throws -> [Track] {
        do { return try Selection.tracks(registry, ids: ids) } catch { throw ValidationError(error.description) }
    }
}
