import ArgumentParser
import SaimaPipeline

/// Where tracks and submissions are read from.
struct LocationOptions: ParsableArguments {
    @Option(name: .customLong("tracks"), help: "A tracks root; repeat for several (default ./Tracks). 赛道根目录，可重复")
    var trackRoots: [String] = []

    @Option(name: .customLong("submissions"), help: "The submissions folder. 参赛提交目录")
    var submissionsRoot: String = "Submissions"

    var roots: [String] { trackRoots.isEmpty ? ["Tracks"] : trackRoots }

    /// The registry a run folder was made with (`RunTracks`): `--tracks` if given, else the roots recorded in
    /// the run's manifest; a missing or changed question set stops the command before anything is rewritten.
    func loadRunRegistry(out: String, strict: Bool = true) throws -> TrackRegistry {
        do {
            return try RunTracks.registry(folder: out, explicitRoots: trackRoots, fallback: roots, strict: strict)
        } catch let error as DiagnosticsError {
            throw reportDiagnostics(error.diagnostics)
        } catch let problem as RunTracks.Problem {
            printErr(problem.description)
            throw ExitCode.failure
        }
    }

    /// The registry for a run: items are read back from a private copy of their lines when asked and scored, so a
    /// run's memory does not grow with its question sets (`ItemList`).
    func loadRegistryForRun() throws -> TrackRegistry { try loadRegistry(items: .onDemand) }

    /// Loads the registry or prints every problem and exits with status 1.
    func loadRegistry(items: TrackRegistry.ItemStorage = .resident) throws -> TrackRegistry {
        do {
            return try TrackRegistry.load(roots: roots, items: items)
        } catch {
            throw reportDiagnostics(error.diagnostics)
        }
    }
}
