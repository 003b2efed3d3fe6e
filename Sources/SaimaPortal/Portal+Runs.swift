import Foundation
import SaimaBase
import SaimaModel
import SaimaPipeline
import SaimaRegistry
import SaimaRunner
import Synchronization

/// Self-tests and the official round, run in this process through `RoundExecution` (the same runner, scorer and
/// run folders as the command line), into `<state>/runs/<run id>`.
extension Portal {
    /// The seed of every portal run, recorded in each run's manifest.
    static let seed: UInt64 = 20_241_001

    /// Launches a self-test of a team's checked endpoint on the public dev sets of its tracks, within its quota.
    package func launchSelfTest(team id: String, by account: Account) throws -> RunRecord {
        let phase = try store.phase()
        guard try store.quota(for: phase).total > 0 else {
            throw PortalError.phase("“\(phase.label)”阶段不开放自测。No self-tests in this phase (\(phase.rawValue)).")
        }
        guard let team = try store.team(id), team.status == .approved else {
            throw PortalError.forbidden("队伍尚未获批。The team is not approved yet.")
        }
        guard team.endpoint?.checkPassed == true else {
            throw PortalError.invalid("请先保存接口并通过检查。Save an endpoint that passes the check first.")
        }
        guard tracks(of: team).contains(where: { !$0.questionSets(split: .dev).isEmpty }) else {
            throw PortalError.invalid("所报赛道没有开发集。The team's tracks have no dev sets.")
        }
        let run = newRun(kind: .selftest, team: id, phase: phase)
        try store.startRun(run, limited: true)
        try store.audit(actor: account.username, action: "self-test started 开始自测", detail: "\(id): \(run.id)")
        start(run)
        return run
    }

    /// Starts the official round: every approved team with a checked endpoint, on the test sets (hidden roots
    /// included), in the test phase only.
    package func startOfficialRound(by organizer: Account) throws -> RunRecord {
        guard try store.phase() == .test else { throw PortalError.phase("正式测试只能在测试阶段开始。The official round starts in the test phase.") }
        if try store.runs(team: nil).contains(where: { [.queued, .running].contains($0.status) }) {
            throw PortalError.taken("正式测试已在进行。The official round is already running.")
        }
        guard try !officialTeams().isEmpty else { throw PortalError.invalid("没有已通过检查的队伍。No approved team has a checked endpoint.") }
        let run = newRun(kind: .official, team: nil, phase: .test)
        try store.startRun(run, limited: false)
        try store.audit(actor: organizer.username, action: "official round started 开始正式测试", detail: run.id)
        start(run)
        return run
    }

    /// Resumes the runs a stopped server left queued or running: each continues in its own folder, where every
    /// stored result is kept and no request is made again.
    package func resumeUnfinishedRuns() throws {
        for run in try store.unfinishedRuns() {
            try store.audit(actor: "server", action: "run resumed 恢复运行", detail: run.id)
            start(run)
        }
    }

    /// Stops this process's runs gracefully (at shutdown): no new request starts, those in flight finish and are
    /// stored, and the runs stay `running` in the state, to resume at the next start with no request made twice.
    package func stopRuns() async {
        let running = tasks.withLock { t in defer { t.removeAll() }; return Array(t.values) }
        drains.withLock { d in for signal in d.values { signal.drain() } }
        for task in running { await task.value }
    }

    /// Waits for a run of this process to end (tests and shutdown).
    package func wait(run: String) async {
        let task = tasks.withLock { $0[run] }
        await task?.value
    }

    func officialTeams() throws -> [TeamRecord] {
        try store.teams().filter { $0.status == .approved && $0.endpoint?.checkPassed == true }
    }

    func newRun(kind: RunRecord.Kind, team: String?, phase: Phase) -> RunRecord {
        let stamp = TimeStamp.iso8601(Date()).replacingOccurrences(of: ":", with: "").replacingOccurrences(of: "-", with: "")
        // No team id in a run id: judges grade runs blind, and run ids appear in their pages' addresses.
        let id = [kind.rawValue, stamp, String(PortalToken.random().prefix(8)).lowercased()].joined(separator: "-")
        let folder = ((store.folder as NSString).appendingPathComponent("runs") as NSString).appendingPathComponent(id)
        return RunRecord(id: id, kind: kind, team: team, status: .queued, folder: folder, started: Date(), phase: phase)
    }

    func start(_ run: RunRecord) {
        let drain = DrainSignal()
        drains.withLock { $0[run.id] = drain }
        let task = Task { [self] in
            do {
                try store.setRunStatus(run.id, .running)
                try await execute(run, drain: drain)
                try store.setRunStatus(run.id, .done)
            } catch is CancellationError, is RunDrained {
                // Left `running`: the next start resumes it.
            } catch {
                try? store.setRunStatus(run.id, .failed, error: "\(error)")
            }
            progress.clear(run: run.id)
            _ = tasks.withLock { $0.removeValue(forKey: run.id) }
            _ = drains.withLock { $0.removeValue(forKey: run.id) }
        }
        tasks.withLock { $0[run.id] = task }
    }

    /// The round of a run record, built from the state as it is now (a resumed run is refused by its own manifest
    /// if a frozen submission changed).
    func spec(for run: RunRecord) throws -> RoundSpec {
        let teams: [TeamRecord]
        let split: Split
        if let id = run.team {
            guard let team = try store.team(id) else { throw PortalError.notFound("没有这支队伍。No team \(id).") }
            (teams, split) = ([team], .dev)
        } else {
            (teams, split) = (try officialTeams(), .test)
        }
        let entered = Set(teams.flatMap(\.tracks))
        let tracks = registry.tracks.filter { entered.contains($0.id) && !$0.questionSets(split: split).isEmpty }
        var spec = RoundSpec(
            round: run.kind == .official ? "official" : "selftest", tracks: tracks,
            submissions: teams.compactMap(submission), split: split, seed: Self.seed, folder: run.folder)
        for t in teams { spec.keys[t.id] = try storedKey(team: t.id) }
        return spec
    }

    func execute(_ run: RunRecord, drain: DrainSignal) async throws {
        let spec = try spec(for: run)
        let board = progress
        let outcome = try await RoundExecution.run(
            spec, onPlans: { board.expect(run: run.id, plans: $0) }, drain: drain, blocking: blocking,
            onEvent: { board.record(run: run.id, $0) })
        try await blocking.run { [store] in
            try store.recordScores(Self.trackScores(outcome.leaderboard, run: run))
            if run.kind == .selftest, let submission = spec.submissions.first {
                // The team's own findings: scores, each failure class with an example and what it means, latency, and
                // how its answers were read (the local report path is left out: the team downloads the report).
                let findings = try SelfTestReport.render(
                    outcome: outcome, folder: run.folder, tracks: spec.tracks, split: .dev, endpoint: submission.endpoint,
                    keyGiven: submission.endpoint.apiKeyEnv != nil, reportPath: false)
                try RunFolderFile.write(findings, to: RunFiles.findings, in: run.folder)
            }
        }
    }
}
