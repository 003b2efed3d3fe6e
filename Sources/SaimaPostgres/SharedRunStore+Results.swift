import Foundation
import Logging
import NIOCore
import PostgresNIO
public import SaimaModel

extension SharedRunStore {
    /// What one commit stored.
    public struct Commit: Sendable, Equatable {
        /// Results stored and linked into the chain.
        public var stored: Int
        /// Results dropped because their lease had passed to another worker (that worker's result counts).
        public var lost: Int
        /// The chain head after the commit.
        public var head: String
    }

    /// Stores results in one transaction: each only while its work row is still leased by `worker` (the row is marked
    /// done in the same statement), linked into the round's chain under a lock on the round's row.
    public func commit(round: String, worker: String, results: [ItemResult]) async throws -> Commit {
        try await transaction { db in
            var head = ""
            for try await h in try await db.query(
                "SELECT chain_head FROM rounds WHERE round = \(round) FOR UPDATE", logger: logger
            ).decode(String.self) {
                head = h
            }
            guard !head.isEmpty else { throw StoreError.unknownRound(round) }
            // The rows still leased by this worker, marked done in one statement; only their results are stored.
            var owned: Set<ResultKey> = []
            for try await (team, track, set, item, sample) in try await db.query(
                """
                UPDATE work w SET state = 'done', lease_owner = NULL, lease_until = NULL
                FROM unnest(\(results.map(\.key.team))::text[], \(results.map(\.key.track))::text[],
                            \(results.map(\.key.set))::text[], \(results.map(\.key.item))::text[],
                            \(results.map { Int32(clamping: $0.key.sample) })::int4[]) AS k(team, track, set_id, item, sample)
                WHERE w.round = \(round) AND w.team = k.team AND w.track = k.track AND w.set_id = k.set_id
                  AND w.item = k.item AND w.sample = k.sample AND w.state = 'leased' AND w.lease_owner = \(worker)
                RETURNING w.team, w.track, w.set_id, w.item, w.sample
                """, logger: logger
            ).decode((String, String, String, String, Int32).self) {
                owned.insert(ResultKey(team: team, track: track, set: set, item: item, sample: Int(sample)))
            }
            var kept: [ItemResult] = []
            var hashes: [String] = []
            for r in results where owned.remove(r.key) != nil {
                head = r.chainHash(previous: head)
                kept.append(r)
                hashes.append(head)
            }
            let stored = kept.count
            if !kept.isEmpty {
                // One insert for the batch, in chain order (seq follows the order of the unnested arrays); a NULL is
                // given beside each optional column as a flag (arrays of optionals do not bind).
                let content = kept.map { ByteBuffer(bytes: Array(($0.content ?? "").utf8)) }
                let raw = kept.map { ByteBuffer(bytes: Array(($0.rawResponse ?? "").utf8)) }
                try await db.query(
                    """
                    INSERT INTO results (round, team, track, set_id, item, sample, outcome, http_status, attempts,
                        latency_ms, ttft_ms, content, raw_response, prompt_hash, template_version, prompt_tokens,
                        completion_tokens, detail, finished_at, worker, chain_hash)
                    SELECT \(round), u.team, u.track, u.set_id, u.item, u.sample, u.outcome, u.http_status, u.attempts,
                        u.latency_ms, CASE WHEN u.ttft_null THEN NULL ELSE u.ttft_ms END,
                        CASE WHEN u.content_null THEN NULL ELSE u.content END,
                        CASE WHEN u.raw_null THEN NULL ELSE u.raw END, u.prompt_hash, u.template_version,
                        CASE WHEN u.usage_null THEN NULL ELSE u.prompt_tokens END,
                        CASE WHEN u.usage_null THEN NULL ELSE u.completion_tokens END,
                        CASE WHEN u.detail_null THEN NULL ELSE u.detail END, u.finished_at, \(worker), u.chain_hash
                    FROM unnest(\(kept.map(\.key.team))::text[], \(kept.map(\.key.track))::text[],
                        \(kept.map(\.key.set))::text[], \(kept.map(\.key.item))::text[],
                        \(kept.map { Int32(clamping: $0.key.sample) })::int4[], \(kept.map(\.outcome.rawValue))::text[],
                        \(kept.map { Int32(clamping: $0.httpStatus) })::int4[], \(kept.map { AttemptRecord.json($0.attempts) })::text[],
                        \(kept.map(\.latencyMs))::float8[], \(kept.map { $0.ttftMs ?? 0 })::float8[], \(kept.map { $0.ttftMs == nil })::bool[],
                        \(content)::bytea[], \(kept.map { $0.content == nil })::bool[],
                        \(raw)::bytea[], \(kept.map { $0.rawResponse == nil })::bool[],
                        \(kept.map(\.promptHash))::text[], \(kept.map(\.templateVersion))::text[],
                        \(kept.map { Int64($0.usage?.prompt ?? 0) })::int8[], \(kept.map { Int64($0.usage?.completion ?? 0) })::int8[],
                        \(kept.map { $0.usage == nil })::bool[],
                        \(kept.map { $0.detail ?? "" })::text[], \(kept.map { $0.detail == nil })::bool[],
                        \(kept.map(\.finishedAt.timeIntervalSince1970))::float8[], \(hashes)::text[])
                        WITH ORDINALITY AS u(team, track, set_id, item, sample, outcome, http_status, attempts, latency_ms,
                            ttft_ms, ttft_null, content, content_null, raw, raw_null, prompt_hash, template_version,
                            prompt_tokens, completion_tokens, usage_null, detail, detail_null, finished_at, chain_hash, n)
                    ORDER BY u.n
                    """, logger: logger)
            }
            try await db.query("UPDATE rounds SET chain_head = \(head) WHERE round = \(round)", logger: logger)
            return Commit(stored: stored, lost: results.count - stored, head: head)
        }
    }

    /// One committed row as stored.
    public struct StoredRow: Sendable {
        public var seq: Int64
        public var chainHash: String
        public var worker: String
        public var result: ItemResult
    }

    /// Every committed row of the round in chain order, each link checked: a changed, removed or reordered row
    /// throws `StoreError.brokenChain`. Returns the rows and the head.
    public func verifiedResults(round: String) async throws -> (rows: [StoredRow], head: String) {
        var rows: [StoredRow] = []
        var head = ItemResult.chainGenesis
        let query: PostgresQuery = """
            SELECT seq, team, track, set_id, item, sample, outcome, http_status, attempts, latency_ms, ttft_ms, content,
                raw_response, prompt_hash, template_version, prompt_tokens, completion_tokens, detail, finished_at,
                worker, chain_hash
            FROM results WHERE round = \(round) ORDER BY seq
            """
        for try await row in try await client.query(query, logger: logger) {
            let c = row.makeRandomAccess()
            let seq = try c["seq"].decode(Int64.self)
            let key = ResultKey(
                team: try c["team"].decode(String.self), track: try c["track"].decode(String.self),
                set: try c["set_id"].decode(String.self), item: try c["item"].decode(String.self),
                sample: Int(try c["sample"].decode(Int32.self)))
            let promptTokens = try c["prompt_tokens"].decode(Int64?.self)
            let completionTokens = try c["completion_tokens"].decode(Int64?.self)
            let result = ItemResult(
                key: key, outcome: Outcome(rawValue: try c["outcome"].decode(String.self)) ?? .malformed,
                httpStatus: Int(try c["http_status"].decode(Int32.self)),
                attempts: AttemptRecord.parse(try c["attempts"].decode(String.self)),
                latencyMs: try c["latency_ms"].decode(Double.self), ttftMs: try c["ttft_ms"].decode(Double?.self),
                content: try c["content"].decode(Data?.self).map { String(decoding: $0, as: UTF8.self) },
                rawResponse: try c["raw_response"].decode(Data?.self).map { String(decoding: $0, as: UTF8.self) },
                promptHash: try c["prompt_hash"].decode(String.self),
                templateVersion: try c["template_version"].decode(String.self),
                usage: promptTokens.flatMap { p in completionTokens.map { (Int(p), Int($0)) } },
                detail: try c["detail"].decode(String?.self),
                finishedAt: Date(timeIntervalSince1970: try c["finished_at"].decode(Double.self)))
            let stored = try c["chain_hash"].decode(String.self)
            head = result.chainHash(previous: head)
            guard head == stored else { throw StoreError.brokenChain(round: round, seq: seq) }
            rows.append(StoredRow(seq: seq, chainHash: stored, worker: try c["worker"].decode(String.self), result: result))
        }
        var recorded = ""
        for try await h in try await client.query("SELECT chain_head FROM rounds WHERE round = \(round)", logger: logger)
            .decode(String.self)
        {
            recorded = h
        }
        guard recorded == head else { throw StoreError.brokenChain(round: round, seq: rows.last?.seq ?? 0) }
        return (rows, head)
    }
}
