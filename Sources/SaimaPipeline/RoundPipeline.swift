import Foundation
package import SaimaLeaderboard
package import SaimaModel
import SaimaRegistry
import SaimaReports
package import SaimaRunner
package import SaimaStorage

/// What a round runs: the same for `saima run`, `round start`, `selftest` and `demo`.
package struct RoundSpec: Sendable {
    package var round: String
    package var tracks: [Track]
    package var submissions: [Submission]
    package var split: Split?
    package var samples: Int
    package var seed: UInt64
    package var options: RunnerOptions
    package var retryFailed: Bool
    package var folder: String
    package var resamples: Int
    /// Keys from the organizer's keys file, by team id (memory only: never written anywhere).
    package var keys: [String: String] = [:]
    /// Award tiers from the round file, recorded in the manifest.
    package var awards: AwardRule?
    /// The round file's LLM judge, called on the run's rubric answers once the requests are done.
    package var judge: EndpointSettings?
    /// The organizer's signing key: the manifest is signed at the start and the results at the end (`RunSigning`).
    package var signingKey: RunSigning.PrivateKey?
    /// `track/set` → the ids drawn by `fresh_items` (`FreshItems`), recorded in the manifest.
    package var drawnItems: [String: [String]] = [:]
    /// The round's fingerprint probes, sent to every team in waves among its items (`FingerprintProbes`).
    package var probes: FingerprintProbes?
    /// The static shard this process runs (`ShardSpec`), recorded in the manifest; nil for the whole round.
    package var shard: ShardSpec?

    package init(round: String, tracks: [Track], submissions: [Submission], split: Split?, samples: Int = 1,
                seed: UInt64, options: RunnerOptions = RunnerOptions(), retryFailed: Bool = false, folder: String,
                resamples: Int = 1000)
    {
        self.round = round
        self.tracks = tracks
        self.submissions = submissions
        self.split = split
        self.samples = samples
        self.seed = seed
        self.options = options
        self.retryFailed = retryFailed
        self.folder = folder
        self.resamples = resamples
    }
}

/// A round from manifest to report: freeze the manifest, plan, run, score, aggregate, write.
package enum RoundPipeline {
    /// The key lookup the runner uses: a team's key from the keys file under its `SAIMA_KEY_<TEAM>` name, then
    /// the environment; and the submissions with that name filled in for teams whose key is in the file. Keys are
    /// looked up by exact team id; a variable that two teams' ids map to (`a-b`, `a_b`, refused by the loader) gets
    /// no key from the file at all, so that no key can cross teams.
    static func keyedSubmissions(_ spec: RoundSpec) -> ([Submission], @Sendable (String) -> String?) {
        var byVariable: [String: String] = [:]
        var submissions = spec.submissions
        let shared = Dictionary(grouping: submissions.map(\.id), by: EndpointPolicy.keyVariable(team:)).filter { $0.value.count > 1 }
        for i in submissions.indices {
            let variable = EndpointPolicy.keyVariable(team: submissions[i].id)
            guard shared[variable] == nil, let key = spec.keys[submissions[i].id] else { continue }
            byVariable[variable] = key
            submissions[i].endpoint.apiKeyEnv = variable
        }
        let lookup = byVariable
        return (submissions, { name in lookup[name] ?? ProcessInfo.processInfo.environment[name] })
    }

    /// The manifest a round's spec describes, before any run folder or store has seen it.
    static func manifest(for spec: RoundSpec) -> RunManifest {
        var manifest = RunManifest(
            round: spec.round, split: spec.split, samples: spec.samples, seed: spec.seed, tracks: spec.tracks,
            submissions: spec.submissions)
        manifest.awards = spec.awards?.json
        if let p = spec.probes { manifest.probes = .init(count: p.items.count, waves: p.waves, sha256: p.sha256) }
        manifest.shard = spec.shard?.description
        for i in manifest.questionSets.indices {
            manifest.questionSets[i].drawnItems = spec.drawnItems["\(manifest.questionSets[i].track)/\(manifest.questionSets[i].set)"]
        }
        return manifest
    }

    /// Freezes the manifest and plans the requests that are still to be made.
    static func prepare(_ spec: RoundSpec) throws -> (RunStore, [TeamPlan]) {
        try FileManager.default.createDirectory(atPath: spec.folder, withIntermediateDirectories: true)
        let lock = try RunLock(folder: spec.folder)
        let store = try RunStore(folder: spec.folder)
        store.adoptLock(lock)
        let frozen = try RunManifestStore.freeze(manifest(for: spec), store: store, folder: spec.folder)
        if let key = spec.signingKey { try RunSigning.signStart(folder: spec.folder, manifest: frozen, key: key) }
        let plans = RunPlanner.plan(
            registry: spec.tracks, submissions: spec.submissions, trackFilter: nil, split: spec.split,
            samples: spec.samples, existing: try store.currentOutcomes().merging(try store.probeOutcomes()) { a, _ in a },
            retryFailed: spec.retryFailed, manifest: frozen, probes: spec.probes, shard: spec.shard)
        return (store, plans)
    }

    /// The outputs of a finished round.
    package struct Outcome: Sendable {
        package var scoring: RunScoring.Summary
        package var leaderboard: Leaderboard
        package var files: [String]
    }

    /// Records the chain head, scores every answer, builds and writes the leaderboard and report.
    /// `invocation`: the live scorer of the requests just run (`RunScoring.LiveScorer`), whose scores are taken.
    package static func finish(
        _ spec: RoundSpec, store: RunStore, chainHead: String, clock: PhaseClock? = nil, invocation: String? = nil
    ) throws -> Outcome {
        try RunManifestStore.recordChainHead(chainHead, store: store, folder: spec.folder)
        let scoring = try RunScoring.score(store: store, tracks: spec.tracks, invocation: invocation)
        clock?.lap("score")
        let (board, files) = try writeLeaderboard(folder: spec.folder, tracks: spec.tracks, seed: spec.seed,
                                                  resamples: spec.resamples, clock: clock, signingKey: spec.signingKey)
        return Outcome(scoring: scoring, leaderboard: board, files: files)
    }

    /// Re-scores a run folder (after judge readings, verdicts or human scores changed) and rewrites its
    /// leaderboard and report with the run's own seed.
    package static func rescoreAndRebuild(folder: String, tracks: [Track], resamples: Int = 1000) throws
        -> (RunScoring.Summary, Leaderboard, [String])
    {
        let lock = try RunLock(folder: folder)
        defer { withExtendedLifetime(lock) {} }
        let summary = try RunScoring.score(store: try RunStore(folder: folder), tracks: tracks)
        let (board, files) = try writeLeaderboard(folder: folder, tracks: tracks, seed: nil, resamples: resamples)
        return (summary, board, files)
    }

    /// Builds the leaderboard of a scored run and writes JSON, CSV, Markdown and the HTML report.
    package static func writeLeaderboard(
        folder: String, tracks: [Track], seed: UInt64?, resamples: Int, appendixItems: [String] = [],
        clock: PhaseClock? = nil, signingKey: RunSigning.PrivateKey? = nil
    ) throws -> (Leaderboard, [String]) {
        // One writer per run folder: a report while another process runs or reports is refused (its history versions
        // would split, and a live run's board is not final).
        let lock = try RunLock(folder: folder)
        defer { withExtendedLifetime(lock) {} }
        let store = try RunStore(folder: folder)
        let manifest = try RunManifestStore.load(store: store)
        let input = try LeaderboardAssembly.input(store: store, tracks: tracks, folder: folder)
        let runSeed = seed ?? manifest?.seed ?? 0
        var board = LeaderboardBuilder(seed: runSeed, resamples: resamples).build(input)
        (board.arena, board.arenaBias) = try JudgingSummary.arena(folder: folder)
        clock?.lap("leaderboard")
        let (files, separatingItems) = try LeaderboardWriter.write(
            board, input: input, folder: folder, manifest: manifest,
            failureExamples: try LeaderboardWriter.failureExamples(store: store),
            agreement: try JudgingSummary.agreement(store: store), appeals: try LeaderboardWriter.appeals(store: store),
            signingFingerprint: RunSigning.fingerprint(folder: folder),
            variants: try store.variantScores().map {
                ReportData.VariantLine(item: "\($0.track)/\($0.set)/\($0.item)", variant: $0.variant, answers: $0.answers, meanScore: $0.meanScore)
            },
            probes: try ProbeFindings.compute(store: store, manifest: manifest))
        // The organizer appendix: the most separating items and any asked for, with every team's reply.
        let separating = separatingItems.map { "\($0.track)/\($0.set)/\($0.item)" }
        let appendix = try OrganizerAppendix.write(
            folder: folder, store: store, tracks: tracks, items: separating + appendixItems.filter { !separating.contains($0) },
            title: board.round)
        clock?.lap("report")
        if let signingKey { try RunSigning.signEnd(folder: folder, key: signingKey) }
        return (board, files + [appendix])
    }
}
