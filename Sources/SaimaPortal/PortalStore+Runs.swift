package import Foundation
import GRDB
import SaimaModel

/// Runs launched from the portal and the per-track scores of finished ones.
extension PortalStore {
    /// Records a new run as queued. A self-test (`limited`) is checked in the same transaction (so two launches at
    /// once cannot both take the last one, and a phase change cannot slip between check and start): the phase is
    /// still the run's, and the team has quota left in it — fewer than `perDay` self-tests started this UTC day in
    /// this phase and fewer than `total` in this phase.
    package func startRun(_ run: RunRecord, limited: Bool, now: Date = Date()) throws {
        try write { db in
            if limited, let team = run.team {
                let phase = try Self.phase(db)
                guard phase == run.phase, phase.selfTestsPossible,
                      let row = try Row.fetchOne(db, sql: "SELECT quota_day, quota_total FROM phase_plan WHERE phase = ?", arguments: [phase.rawValue]),
                      case let quota = Quota(perDay: row["quota_day"], total: row["quota_total"]), quota.total > 0
                else { throw PortalError.phase("“\(run.phase?.label ?? "")”阶段不开放自测。No self-tests in this phase.") }
                let (today, total) = try Self.selfTestsUsed(db, team: team, phase: phase, now: now)
                if today >= quota.perDay || total >= quota.total {
                    throw PortalError.quota(
                        "本阶段自测次数已用完（今日 \(today)/\(quota.perDay)，本阶段 \(total)/\(quota.total)）。Self-test quota of this phase used up (today \(today)/\(quota.perDay), this phase \(total)/\(quota.total)).")
                }
            }
            if run.kind == .selftest, let team = run.team,
               try Int.fetchOne(db, sql: "SELECT 1 FROM runs WHERE team = ? AND status IN ('queued', 'running')", arguments: [team]) != nil
            {
                throw PortalError.quota("已有一次自测在进行。A self-test of this team is already running.")
            }
            try db.execute(sql: """
                INSERT INTO runs (id, kind, team, status, folder, started, phase) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [run.id, run.kind.rawValue, run.team, run.status.rawValue, run.folder,
                                 run.started.timeIntervalSince1970, run.phase?.rawValue])
        }
    }

    /// How many self-tests `team` started in `phase`: this UTC day and in all.
    package func selfTestsUsed(team: String, phase: Phase, now: Date = Date()) throws -> (today: Int, total: Int) {
        try read { try Self.selfTestsUsed($0, team: team, phase: phase, now: now) }
    }

    static func selfTestsUsed(_ db: Database, team: String, phase: Phase, now: Date) throws -> (today: Int, total: Int) {
        let dayStart = (now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400
        let row = try Row.fetchOne(db, sql: """
            SELECT COUNT(*) AS total, COALESCE(SUM(started >= ?), 0) AS today FROM runs
            WHERE team = ? AND kind = 'selftest' AND phase = ?
            """, arguments: [dayStart, team, phase.rawValue])
        return (row?["today"] ?? 0, row?["total"] ?? 0)
    }

    /// Moves a run to `status`; a finished one gets its end time and, when failed, the error shown to its team.
    package func setRunStatus(_ id: String, _ status: RunRecord.Status, error: String? = nil, at: Date = Date()) throws {
        let ended = [.done, .failed, .interrupted].contains(status)
        try write { db in
            try db.execute(
                sql: "UPDATE runs SET status = ?, error = ?, finished = ? WHERE id = ?",
                arguments: [status.rawValue, error, ended ? at.timeIntervalSince1970 : nil, id])
        }
    }

    /// Stores the per-track scores of a finished run.
    func recordScores(_ scores: [TrackScore]) throws {
        try write { db in for s in scores { try Self.insert(s, db) } }
    }

    /// Replaces a run's scores in one transaction (after its boards were rebuilt, e.g. once judges' scores arrived).
    package func replaceScores(run: String, _ scores: [TrackScore]) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM track_scores WHERE run = ?", arguments: [run])
            for s in scores { try Self.insert(s, db) }
        }
    }

    static func insert(_ s: TrackScore, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO track_scores (run, team, track, track_zh, track_en, score, low, high, items, finished, rank,
              rank_group) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [s.run, s.team, s.track, s.trackName.zh, s.trackName.en, s.score, s.low, s.high, s.items,
                             s.finished.timeIntervalSince1970, s.rank, s.rankGroup])
    }

    /// One run, or nil.
    package func run(_ id: String) throws -> RunRecord? {
        try read { try Row.fetchOne($0, sql: "SELECT * FROM runs WHERE id = ?", arguments: [id]).map(Self.run) }
    }

    /// A team's runs, newest first (nil: the official runs).
    package func runs(team: String?) throws -> [RunRecord] {
        try read { db in
            try Row.fetchAll(db, sql: team == nil
                ? "SELECT * FROM runs WHERE team IS NULL ORDER BY started DESC"
                : "SELECT * FROM runs WHERE team = ? ORDER BY started DESC", arguments: team.map { [$0] } ?? [])
                .map(Self.run)
        }
    }

    /// Runs that were queued or running when the server stopped.
    func unfinishedRuns() throws -> [RunRecord] {
        try read { try Row.fetchAll($0, sql: "SELECT * FROM runs WHERE status IN ('queued', 'running')").map(Self.run) }
    }

    /// Scores of one run.
    package func scores(run: String) throws -> [TrackScore] {
        try read { try Row.fetchAll($0, sql: "SELECT * FROM track_scores WHERE run = ? ORDER BY track", arguments: [run]).map(Self.score) }
    }

    /// The dev board's rows: each approved team's latest finished self-test score on each track.
    func latestSelfTestScores() throws -> [TrackScore] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.* FROM track_scores s JOIN runs r ON r.id = s.run JOIN teams t ON t.id = s.team
                WHERE r.kind = 'selftest' AND r.status = 'done' AND t.status = 'approved'
                  AND s.finished = (SELECT MAX(s2.finished) FROM track_scores s2 JOIN runs r2 ON r2.id = s2.run
                                    WHERE s2.team = s.team AND s2.track = s.track AND r2.kind = 'selftest')
                ORDER BY s.track, s.score DESC
                """).map(Self.score)
        }
    }

    /// The latest finished official run, or nil.
    func latestOfficialRun() throws -> RunRecord? {
        try read {
            try Row.fetchOne($0, sql: "SELECT * FROM runs WHERE kind = 'official' AND status = 'done' ORDER BY finished DESC LIMIT 1")
                .map(Self.run)
        }
    }

    static func run(_ row: Row) -> RunRecord {
        RunRecord(
            id: row["id"], kind: RunRecord.Kind(rawValue: row["kind"]) ?? .selftest, team: row["team"],
            status: RunRecord.Status(rawValue: row["status"]) ?? .failed, folder: row["folder"],
            started: Date(timeIntervalSince1970: row["started"]),
            finished: (row["finished"] as Double?).map(Date.init(timeIntervalSince1970:)), error: row["error"],
            phase: (row["phase"] as String?).flatMap(Phase.init(rawValue:)))
    }

    static func score(_ row: Row) -> TrackScore {
        TrackScore(
            run: row["run"], team: row["team"], track: row["track"],
            trackName: LocalizedText(zh: row["track_zh"], en: row["track_en"]), score: row["score"], low: row["low"],
            high: row["high"], items: row["items"], finished: Date(timeIntervalSince1970: row["finished"]), rank: row["rank"],
            rankGroup: row["rank_group"])
    }
}
