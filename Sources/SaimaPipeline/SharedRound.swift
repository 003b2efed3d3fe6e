import Foundation
import SaimaBase
package import SaimaModel
package import SaimaPostgres
package import SaimaRunner
import SaimaStorage

/// A shared store's address (`postgres://…`), as the command line parses it.
package typealias StoreLocation = SaimaPostgres.StoreLocation
/// A shared store's errors, printed as they are.
package typealias StoreError = SaimaPostgres.StoreError

/// A round run by many processes over one PostgreSQL store (`saima run --store postgres://… --worker NAME`), and its
/// results brought back into a run folder (`saima pull`) for scoring, judging, reports and `round verify`.
package enum SharedRound {
    /// A store address parsed (the password from the address or PGPASSWORD), or why it is not one.
    package static func location(_ address: String) -> Result<StoreLocation, StoreError> { StoreLocation.parse(address) }

    /// The words for a store error (nil for any other error): what failed and what to do, never a password.
    package static func message(_ error: any Error) -> String? { (error as? StoreError)?.description }

    /// Settings of one worker process.
    package struct WorkerSettings: Sendable {
        package var location: StoreLocation
        package var name: String
        /// How long a claim holds without renewal; a killed worker's requests are claimed again after this.
        package var leaseSeconds: Double
        /// Requests claimed at a time per team (nil: the team's `max_concurrency`).
        package var batch: Int?

        package init(location: StoreLocation, name: String, leaseSeconds: Double = 60, batch: Int? = nil) {
            self.location = location
            self.name = name
            self.leaseSeconds = leaseSeconds
            self.batch = batch
        }
    }

    /// A worker joined to its round: the plans whose items come from claims, and where their results go.
    package struct Joined: Sendable {
        package var worker: SharedRoundWorker
        package var plans: [TeamPlan]
        package var summary: SharedRunStore.JoinSummary
        package var sink: any ResultSink

        /// What joining found, for the terminal.
        func joinedLine(round: String) -> String {
            "\(summary.created ? "created" : "joined") round \(round) in \(worker.store.location.redacted): "
                + "\(summary.requests) requests, \(summary.done) committed / \(summary.created ? "已创建" : "已加入")共享轮次"
        }

        /// Gives back the leases not finished, closes the store and returns what this worker did, for the terminal.
        package func leave(name: String) async -> String {
            await worker.stop()
            let totals = worker.totals
            let open = (try? await worker.store.openCount(round: worker.round)).map(String.init) ?? "?"
            await worker.store.close()
            return "worker \(name): committed \(totals.stored) results, \(totals.lost) dropped (taken over by another worker); "
                + "round open 未完成: \(open) / 本进程已提交 \(totals.stored) 条"
        }
    }

    /// Plans the whole round, creates it in the store or checks that the store's round is the same, and hands each
    /// team's work to claims. Fingerprint probes, static shards and `--retry-failed` belong to single-process runs.
    package static func join(_ spec: RoundSpec, settings: WorkerSettings) async throws -> Joined {
        if spec.probes != nil { throw StoreError.unsupported("fingerprint probes run in a single-process round (no --store)") }
        if spec.shard != nil { throw StoreError.unsupported("--shard and --store are alternatives") }
        if spec.retryFailed {
            throw StoreError.unsupported("--retry-failed with --store: run `saima reopen-failed --store … --round \(spec.round)` once, then the workers")
        }
        let manifest = RoundPipeline.manifest(for: spec)
        var plans = RunPlanner.plan(
            registry: spec.tracks, submissions: spec.submissions, trackFilter: nil, split: spec.split,
            samples: spec.samples, existing: [:], retryFailed: false, manifest: manifest)
        let store = try await SharedRunStore.open(settings.location)
        let teams = plans.map {
            SharedRunStore.TeamWork(team: $0.submission.id, maxConcurrency: $0.submission.endpoint.maxConcurrency, keys: $0.work.map(\.key))
        }
        let summary: SharedRunStore.JoinSummary
        do {
            summary = try await store.join(
                round: spec.round, planned: RunMerge.shared(manifest), manifest: manifest.json.canonicalJSON, teams: teams)
        } catch {
            await store.close()
            throw error
        }
        let worker = SharedRoundWorker(store: store, round: spec.round, name: settings.name, leaseSeconds: settings.leaseSeconds)
        for i in plans.indices {
            let cap = plans[i].submission.endpoint.maxConcurrency
            plans[i].source = worker.source(team: plans[i].submission.id, work: plans[i].work, batch: settings.batch ?? cap)
        }
        return Joined(worker: worker, plans: plans, summary: summary, sink: worker.makeSink())
    }

    /// What a pull wrote.
    package struct Pulled: Sendable {
        package var results: Int
        package var workers: Int
        package var chainHead: String
        /// Human-score imports replayed into the folder.
        package var humanScoreImports: Int = 0
        /// Appeal readings replayed into the folder.
        var appealReadings: Int = 0
    }

    /// Writes a finished shared round into a new run folder: the manifest as the store recorded it, every committed
    /// result in chain order (each link checked on the way out; the folder's chain must come out the same). Scoring,
    /// the leaderboard and the report follow with `RoundPipeline.rescoreAndRebuild` on the tracks the manifest names.
    /// Refuses a round with requests still open and a folder that is not empty; a pull that fails after it began writing
    /// leaves the folder as it found it (absent or empty), so it can simply be run again.
    package static func pull(location: StoreLocation, round: String, out: String) async throws -> Pulled {
        if let refusal = NewRunFolder.refusal(out, what: "a pull") { throw NewRunFolder.Problem(lines: [refusal]) }
        let fetched = try await withStore(location) { store in
            let manifestText = try await store.manifest(round: round)
            let open = try await store.openCount(round: round)
            if open > 0 { throw StoreError.incomplete(round: round, open: open) }
            let (rows, head) = try await store.verifiedResults(round: round)
            return Fetched(
                manifestText: manifestText, rows: rows, head: head, imports: try await store.humanScoreImports(round: round),
                overrides: try await store.overrides(round: round))
        }
        let existed = FileManager.default.fileExists(atPath: out)
        do {
            return try write(fetched, round: round, out: out)
        } catch {
            let fm = FileManager.default
            if existed {
                for name in (try? fm.contentsOfDirectory(atPath: out)) ?? [] {
                    try? fm.removeItem(atPath: (out as NSString).appendingPathComponent(name))
                }
            } else {
                try? fm.removeItem(atPath: out)
            }
            throw error
        }
    }

    /// What a pull read from the store.
    struct Fetched: Sendable {
        var manifestText: String
        var rows: [SharedRunStore.StoredRow]
        var head: String
        var imports: [SharedRunStore.HumanScoreImport]
        var overrides: [(seq: Int, chainHash: String, override: ReadingOverride)]
    }

    /// Writes what a pull read into the new folder `out`: the manifest and results (the chain checked), the human-score
    /// imports replayed in order, the appeal readings appended; each chain must reach the store's head.
    static func write(_ f: Fetched, round: String, out: String) throws -> Pulled {
        let manifest = try RunManifest(json: try JSONValue.parse(f.manifestText))
        let (_, local) = try NewRunFolder.write(out: out, manifest: manifest, parts: [(f.rows.map(\.result), [])])
        guard local == f.head else { throw StoreError.brokenChain(round: round, seq: f.rows.last?.seq ?? 0) }
        let store = try RunStore(folder: out)
        for i in f.imports {
            let judges = Set(i.judges.split(separator: ",").map(String.init))
            let (replayed, _) = try store.replaceHumanScores(i.scores, judges: judges)
            guard replayed == i.chainHash else { throw StoreError.brokenHumanChain(round: round, seq: i.seq) }
        }
        if let last = f.imports.last {
            try RunManifestStore.recordHumanHead(last.chainHash, imports: last.seq, store: store, folder: out)
        }
        if let last = f.overrides.last {
            let replayed = try store.appendOverrides(f.overrides.map(\.override))
            guard replayed == last.chainHash else { throw StoreError.brokenAppealsChain(round: round) }
            try RunManifestStore.recordAppealsHead(replayed, count: f.overrides.count, store: store, folder: out)
        }
        return Pulled(
            results: f.rows.count, workers: Set(f.rows.map(\.worker)).count, chainHead: f.head,
            humanScoreImports: f.imports.count, appealReadings: f.overrides.count)
    }

    /// Publishes the appeal readings of the run folder `folder` that the shared store lacks, under the folder's round;
    /// returns the store's appeals head and how many readings the round holds.
    package static func publishOverrides(location: StoreLocation, folder: String) async throws -> (head: String, rows: Int) {
        let round = try roundOf(folder: folder)
        let overrides = try RunStore(folder: folder).overrideRows().map(\.override)
        return try await withStore(location) { store in try await store.publishOverrides(round: round, overrides: overrides) }
    }

    /// The round a run folder's manifest names; a folder without one cannot publish to a shared store.
    static func roundOf(folder: String) throws -> String {
        guard let round = try RunManifestStore.load(store: try RunStore(folder: folder))?.round, !round.isEmpty else {
            throw NewRunFolder.Problem(lines: ["\(folder) has no run manifest naming its round: nothing to publish / 结果目录无轮次清单"])
        }
        return round
    }

    /// Publishes a human-score import of the run folder `folder` to the shared store under the folder's round (every
    /// host then sees it, and a pull replays it); returns the store's chain hash after it and how many imports the round
    /// holds.
    package static func publishHumanScores(
        location: StoreLocation, folder: String, scores: [HumanScore], judges: Set<String>
    ) async throws -> (head: String, imports: Int) {
        let round = try roundOf(folder: folder)
        return try await withStore(location) { store in
            try await store.publishHumanScores(round: round, scores: scores, judges: judges)
        }
    }

    /// Runs `body` with the shared store at `location` open, and closes it afterwards, whatever `body` did.
    static func withStore<T: Sendable>(_ location: StoreLocation, _ body: (SharedRunStore) async throws -> T) async throws -> T {
        let store = try await SharedRunStore.open(location)
        do {
            let value = try await body(store)
            await store.close()
            return value
        } catch {
            await store.close()
            throw error
        }
    }

    /// Runs `body` with the shared store at `location` as a verdict cache (judge verdicts shared by every host), or
    /// with nil when no store is named.
    static func withVerdicts<T: Sendable>(
        _ location: StoreLocation?, _ body: ((any VerdictCache)?) async throws -> T
    ) async throws -> T {
        guard let location else { return try await body(nil) }
        return try await withStore(location) { try await body($0) }
    }

    /// Puts every failed request of a shared round back to be asked again (`SharedRunStore.reopenFailed`); returns
    /// how many.
    package static func reopenFailed(location: StoreLocation, round: String) async throws -> Int {
        try await withStore(location) { try await $0.reopenFailed(round: round) }
    }
}
