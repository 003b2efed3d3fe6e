import Foundation
import GRDB
package import SaimaModel

/// One fingerprint-probe reply, as stored (`probe_results`): never scored, read by the freeze analysis.
package struct ProbeReply: Sendable, Hashable {
    package var team: String
    package var probe: String
    package var wave: Int
    package var outcome: Outcome
    package var content: String?
    package var latencyMs: Double
    package var completionTokens: Int?
    package var finishedAt: Double
}

extension RunStore {
    static func registerProbeMigration(_ m: inout DatabaseMigrator) {
        m.registerMigration("v11-probe-results") { db in
            try db.execute(
                sql: """
                    CREATE TABLE probe_results (
                        team TEXT NOT NULL, probe TEXT NOT NULL, wave INTEGER NOT NULL, outcome TEXT NOT NULL,
                        content TEXT, latency_ms REAL NOT NULL, completion_tokens INTEGER, finished_at REAL NOT NULL,
                        prompt_hash TEXT NOT NULL,
                        PRIMARY KEY (team, probe, wave)
                    )
                    """)
        }
    }

    /// Stores a probe reply (a retried wave replaces the earlier reply of the same probe and wave); its text is kept
    /// as bytes (`exact(_:)`), NUL included.
    package func appendProbe(_ r: ItemResult) throws {
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO probe_results(team, probe, wave, outcome, content, latency_ms, completion_tokens,
                        finished_at, prompt_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    r.key.team, r.key.item, r.key.sample, r.outcome.rawValue, Self.exact(r.content), r.latencyMs, r.usage?.completion,
                    r.finishedAt.timeIntervalSince1970, r.promptHash,
                ])
        }
    }

    /// The probe requests already answered, keyed as the planner keys them.
    package func probeOutcomes() throws -> [ResultKey: Outcome] {
        var map: [ResultKey: Outcome] = [:]
        for r in try probeReplies() {
            map[ResultKey(team: r.team, track: FingerprintProbes.trackID, set: FingerprintProbes.setID, item: r.probe, sample: r.wave)] = r.outcome
        }
        return map
    }

    /// Every stored probe reply, by team, probe and wave.
    package func probeReplies() throws -> [ProbeReply] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT team, probe, wave, outcome, content, latency_ms, completion_tokens, finished_at FROM probe_results
                    ORDER BY team, probe, wave
                    """
            ).map { r in
                ProbeReply(
                    team: r[0], probe: r[1], wave: r[2], outcome: Outcome(rawValue: r[3]) ?? .malformed, content: Self.text(r[4]),
                    latencyMs: r[5], completionTokens: r[6], finishedAt: r[7])
            }
        }
    }
}

extension RunStore {
    /// Per team: ok answers (probes aside) that took at least `thresholdMs`, and the longest of them.
    package func slowAnswers(thresholdMs: Double) throws -> [String: (count: Int, maxMs: Double)] {
        try pool.read { db in
            var out: [String: (Int, Double)] = [:]
            for r in try Row.fetchAll(
                db,
                sql: """
                    SELECT team, COUNT(*), MAX(latency_ms) FROM results
                    WHERE superseded = 0 AND outcome = 'ok' AND latency_ms >= ? GROUP BY team
                    """, arguments: [thresholdMs])
            {
                out[r[0]] = (r[1], r[2])
            }
            return out
        }
    }
}

extension RunStore {
    /// Per team: every ok answer's (latency ms, completion tokens), probes aside, where the tokens are known and at
    /// least `minTokens` (the filter runs in SQLite, so a round of short answers costs no memory here).
    package func answerLatencies(minTokens: Int = 0) throws -> [String: [(latencyMs: Double, tokens: Int)]] {
        try pool.read { db in
            var out: [String: [(Double, Int)]] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT team, latency_ms, completion_tokens FROM results
                    WHERE superseded = 0 AND outcome = 'ok' AND completion_tokens IS NOT NULL AND completion_tokens >= ?
                    """, arguments: [minTokens])
            while let r = try rows.next() { out[r[0], default: []].append((r[1], r[2])) }
            return out
        }
    }
}

extension ProbeReply {
    /// The reply as a result keyed as the planner keys probes (for copying into another run folder).
    package var asResult: ItemResult {
        ItemResult(
            key: ResultKey(team: team, track: FingerprintProbes.trackID, set: FingerprintProbes.setID, item: probe, sample: wave),
            outcome: outcome, httpStatus: outcome == .ok ? 200 : 0, attempts: [], latencyMs: latencyMs, content: content,
            promptHash: "", templateVersion: "", usage: completionTokens.map { (0, $0) },
            finishedAt: Date(timeIntervalSince1970: finishedAt))
    }
}
