import Logging
import PostgresNIO
public import SaimaModel

extension SharedRunStore {
    /// What a claim for one team found.
    public enum Claim: Sendable, Equatable {
        /// Requests now leased to this worker.
        case claimed([ResultKey])
        /// Nothing to take now: the team's budget is held by unexpired leases, or its last requests are leased by other
        /// workers (which may still die). Ask again shortly.
        case wait
        /// Every request of the team is committed.
        case finished
    }

    /// Leases up to `limit` of a team's open requests to `worker` for `leaseSeconds`, within the team's budget
    /// (`max_concurrency` minus its unexpired leases). Pending rows first, then rows whose lease ran out, by id.
    public func claim(round: String, team: String, worker: String, limit: Int, leaseSeconds: Double) async throws -> Claim {
        try await transaction { db in
            // Claims for one team are serialized by its row, so two workers never both spend the same budget.
            var cap = 0
            for try await c in try await db.query(
                "SELECT max_concurrency FROM teams WHERE round = \(round) AND team = \(team) FOR UPDATE", logger: logger
            ).decode(Int32.self) {
                cap = Int(c)
            }
            var leased = 0
            var open = 0
            for try await (l, o) in try await db.query(
                """
                SELECT count(*) FILTER (WHERE state = 'leased' AND lease_until > now()), count(*) FILTER (WHERE state <> 'done')
                FROM work WHERE round = \(round) AND team = \(team)
                """, logger: logger
            ).decode((Int, Int).self) {
                leased = l
                open = o
            }
            if open == 0 { return .finished }
            let take = min(limit, cap - leased)
            guard take > 0 else { return .wait }
            var keys: [ResultKey] = []
            for try await (track, set, item, sample) in try await db.query(
                """
                UPDATE work SET state = 'leased', lease_owner = \(worker),
                    lease_until = now() + make_interval(secs => \(leaseSeconds)), claims = claims + 1
                WHERE id IN (
                    SELECT id FROM work
                    WHERE round = \(round) AND team = \(team)
                      AND (state = 'pending' OR (state = 'leased' AND lease_until <= now()))
                    ORDER BY id LIMIT \(take) FOR UPDATE SKIP LOCKED)
                RETURNING track, set_id, item, sample
                """, logger: logger
            ).decode((String, String, String, Int32).self) {
                keys.append(ResultKey(team: team, track: track, set: set, item: item, sample: Int(sample)))
            }
            return keys.isEmpty ? .wait : .claimed(keys)
        }
    }

    /// Extends every lease `worker` holds in the round (a live worker's heartbeat); returns how many.
    @discardableResult
    public func renewLeases(round: String, worker: String, leaseSeconds: Double) async throws -> Int {
        var n = 0
        for try await count in try await client.query(
            """
            WITH renewed AS (
                UPDATE work SET lease_until = now() + make_interval(secs => \(leaseSeconds))
                WHERE round = \(round) AND lease_owner = \(worker) AND state = 'leased' RETURNING 1)
            SELECT count(*) FROM renewed
            """, logger: logger
        ).decode(Int.self) {
            n = count
        }
        return n
    }

    /// Gives back the leases `worker` still holds (a clean stop): other workers may claim them at once.
    public func releaseLeases(round: String, worker: String) async throws {
        try await client.query(
            """
            UPDATE work SET state = 'pending', lease_owner = NULL, lease_until = NULL
            WHERE round = \(round) AND lease_owner = \(worker) AND state = 'leased'
            """, logger: logger)
    }
}
