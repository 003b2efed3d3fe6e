import Foundation
package import SaimaJudging
package import SaimaLeaderboard
package import SaimaModel
import SaimaStorage
import SaimaRunner

/// The judging operations the CLI offers. Each records what the judges said, re-scores the run and rebuilds its
/// leaderboard and report with the run's own seed, so the published numbers never lag the verdicts.
package enum JudgingPipeline {
    /// The re-scored run after a judging step.
    package struct Rebuilt: Sendable {
        package var scoring: RunScoring.Summary
        package var leaderboard: Leaderboard
        package var files: [String]
    }

    /// `saima judge` (and a round file's `judge:`): LLM-judge grading of the run's rubric answers (cached by judge
    /// model, template version, item and answer hash), then re-scoring and the rebuilt leaderboard.
    /// The same judge model is the LLM reader of uncertain choice readings (`LLMReader`): its accepted readings join
    /// the appeals chain before re-scoring.
    /// With `shared` (a shared round's PostgreSQL store), verdicts are also looked up there and kept there, so that
    /// hosts judging the same answers pay once (`LayeredVerdictCache`); the run folder keeps a copy of every verdict
    /// it uses, for scoring and `round verify`. `readerPolicy` says how the reader's readings are used.
    static func judgeAndRescore(
        folder: String, tracks: [Track], client: JudgeClient, shared: (any VerdictCache)? = nil,
        readerPolicy: LLMReader.Policy = .confirms
    ) async throws -> (judging: RunJudging.Summary, reader: LLMReader.Summary, rebuilt: Rebuilt)
    {
        let store = try RunStore(folder: folder)
        let judging = try await RunJudging.judge(
            store: store, tracks: tracks, client: client, cache: shared.map { LayeredVerdictCache(local: store, shared: $0) })
        try store.lockForWriting()
        let reader = try await LLMReader.read(
            store: store, tracks: tracks, client: client, manifest: try RunManifestStore.load(store: store), policy: readerPolicy)
        if let head = reader.appealsHead {
            try RunManifestStore.recordAppealsHead(head, count: try store.overrideRows().count, store: store, folder: folder)
        }
        return (judging, reader, try rebuild(folder: folder, tracks: tracks))
    }

    /// `saima judges import`: stores the filled human-judging sheets (all or nothing), measures the judges'
    /// agreement, re-scores and rebuilds.
    static func importHumanScores(folder: String, tracks: [Track], sheets: [String], threshold: Double) throws
        -> (imported: [HumanScore], judges: Set<String>, round: String, agreement: HumanJudging.AgreementReport, rebuilt: Rebuilt)
    {
        let store = try RunStore(folder: folder)
        try store.lockForWriting()
        let (imported, judges, chain) = try HumanJudging.importSheets(store: store, paths: sheets)
        try RunManifestStore.recordHumanHead(chain.head, imports: chain.imports, store: store, folder: folder)
        let agreement = HumanJudging.agreement(try store.humanScores(), threshold: threshold)
        let round = try RunManifestStore.load(store: store)?.round ?? ""
        return (imported, judges, round, agreement, try rebuild(folder: folder, tracks: tracks))
    }

    /// What `saima battle` produced.
    package struct BattleOutcome: Sendable {
        package var summary: RunBattles.Summary
        /// `arena.json` as written: ratings with intervals and the judge's position bias per pair.
        var arenaText: String
        package var rebuilt: Rebuilt
    }

    /// `saima battle`: pairwise battles judged in both orders (`battles.jsonl`), Bradley–Terry ratings with
    /// bootstrap intervals and position bias (`arena.json`), then the rebuilt leaderboard with the arena table.
    package static func battle(
        folder: String, tracks: [Track], client: JudgeClient, judgeModel: String, perItem: Int?, anchor: String?,
        resamples: Int, seed: UInt64
    ) async throws -> BattleOutcome {
        let store = try RunStore(folder: folder)
        let summary = try await RunBattles.run(store: store, tracks: tracks, client: client, perItem: perItem, seed: seed)
        let log = summary.battles.map(BattleLog.line).joined(separator: "\n") + "\n"
        try RunFolderFile.write(log, to: "battles.jsonl", in: folder)
        let (ratings, skipped) = try ArenaRatings.compute(summary.battles, anchor: anchor, resamples: resamples, seed: seed)
        let arena = ArenaFile(
            ratings: ratings, skipped: skipped, anchor: anchor ?? ratings.map(\.team).sorted().first ?? "",
            battles: summary.battles, judge: judgeModel)
        let text = try arena.write(folder: folder)
        return BattleOutcome(summary: summary, arenaText: text, rebuilt: try rebuild(folder: folder, tracks: tracks))
    }

    /// Runs `body` with a client of the judge at `endpoint` (its key from `APIKeyLookup`, over a libcurl transport
    /// of its own, shut down afterwards).
    static func withJudge<T: Sendable>(
        _ endpoint: EndpointSettings, _ body: (JudgeClient) async throws -> T
    ) async throws -> T {
        let transport = CurlMultiTransport()
        defer { transport.shutdown() }
        return try await body(JudgeClient(endpoint: endpoint, apiKey: try APIKeyLookup.key(endpoint.apiKeyEnv), transport: transport))
    }

    package static func rebuild(folder: String, tracks: [Track]) throws -> Rebuilt {
        let (scoring, board, files) = try RoundPipeline.rescoreAndRebuild(folder: folder, tracks: tracks)
        return Rebuilt(scoring: scoring, leaderboard: board, files: files)
    }
}
