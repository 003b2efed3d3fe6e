import Logging
import PostgresNIO
public import SaimaModel

extension SharedRunStore {
    /// One team's share of a round: its concurrency budget and every request the round plans for it.
    public struct TeamWork: Sendable {
        public var team: String
        public var maxConcurrency: Int
        public var keys: [ResultKey]

        public init(team: String, maxConcurrency: Int, keys: [ResultKey]) {
            self.team = team
            self.maxConcurrency = maxConcurrency
            self.keys = keys
        }
    }

    /// What joining a round found.
    public struct JoinSummary: Sendable, Equatable {
        /// Whether this process created the round (the first worker) or joined one already there.
        public var created: Bool
        /// Requests of the round, and how many are already committed.
        public var requests: Int
        public var done: Int
    }

    /// Creates the round with its work rows, or joins it when another worker created it: `planned` (the manifest as
    /// planned, canonical JSON) must then be the same, or the worker runs another round than the store holds.
    public func join(round: String, planned: String, manifest: String, teams: [TeamWork]) async throws -> JoinSummary {
        try await transaction { db in
            try await db.query("SELECT pg_advisory_xact_lock(81522027, hashtext(\(round)))", logger: logger)
            var existing: String?
            for try await p in try await db.query("SELECT planned FROM rounds WHERE round = \(round)", logger: logger)
                .decode(String.self)
            {
                existing = p
            }
            if let existing {
                guard existing == planned else { throw StoreError.differentRound(round) }
            } else {
                try await db.query(
                    """
                    INSERT INTO rounds (round, planned, manifest, chain_head)
                    VALUES (\(round), \(planned), \(manifest), \(ItemResult.chainGenesis))
                    """, logger: logger)
                for t in teams {
                    try await db.query(
                        "INSERT INTO teams (round, team, max_concurrency) VALUES (\(round), \(t.team), \(t.maxConcurrency))",
                        logger: logger)
                    // Work rows in chunks, as arrays unnested by the server (one round trip per chunk).
                    for start in stride(from: 0, to: t.keys.count, by: 5000) {
                        let chunk = t.keys[start..<min(t.keys.count, start + 5000)]
                        try await db.query(
                            """
                            INSERT INTO work (round, team, track, set_id, item, sample)
                            SELECT \(round), \(t.team), k.track, k.set_id, k.item, k.sample
                            FROM unnest(\(chunk.map(\.track))::text[], \(chunk.map(\.set))::text[],
                                        \(chunk.map(\.item))::text[], \(chunk.map { Int32(clamping: $0.sample) })::int4[])
                                 AS k(track, set_id, item, sample)
                            ORDER BY k.track, k.set_id, k.item, k.sample
                            """, logger: logger)
                    }
                }
            }
            var requests = 0
            var done = 0
            for try await (all, finished) in try await db.query(
                "SELECT count(*), count(*) FILTER (WHERE state = 'done') FROM work WHERE round = \(round)", logger: logger
            ).decode((Int, Int).self) {
                requests = all
                done = finished
            }
            return JoinSummary(created: existing == nil, requests: requests, done: done)
        }
    }

    /// The round's manifest as the first worker recorded it (JSON).
    public func manifest(round: String) async throws -> String {
        for try await m in try await client.query("SELECT manifest FROM rounds WHERE round = \(round)", logger: logger)
            .decode(String.self)
        {
            return m
        }
        throw StoreError.unknownRound(round)
    }

    /// Requests of the round not yet committed (pending or leased).
    public func openCount(round: String) async throws -> Int {
        for try await n in try await client.query(
            "SELECT count(*) FROM work WHERE round = \(round) AND state <> 'done'", logger: logger
        ).decode(Int.self) {
            return n
        }
        return 0
    }
}
