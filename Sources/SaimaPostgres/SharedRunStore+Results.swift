import Foundation
import Logging
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
            var stored = 0
            for r in results {
                var owned = false
                for try await _ in try await db.query(
                    """
                    UPDATE work SET state = 'done', lease_owner = NULL, lease_until = NULL
                    WHERE round = \(round) AND team = \(r.key.team) AND track = \(r.key.track) AND set_id = \(r.key.set)
                      AND item = \(r.key.item) AND sample = \(Int32(clamping: r.key.sample))
                      AND state = 'leased' AND lease_owner = \(worker)
                    RETURNING id
                    """, logger: logger
                ).decode(Int64.self) {
                    owned = true
                }
                guard owned else { continue }
                head = r.chainHash(previous: head)
                let content = r.content.map { Data($0.utf8) }
                let raw = r.rawResponse.map { Data($0.utf8) }
                let promptTokens = r.usage.map { Int64($0.prompt) }
                let completionTokens = r.usage.map { Int64($0.completion) }
                try await db.query(
                    """
                    INSERT INTO results (round, team, track, set_id, item, sample, outcome, http_status, attempts,
                        latency_ms, ttft_ms, content, raw_response, prompt_hash, template_version, prompt_tokens,
                        completion_tokens, detail, finished_at, worker, chain_hash)
                    VALUES (\(round), \(r.key.team), \(r.key.track), \(r.key.set), \(r.key.item),
                        \(Int32(clamping: r.key.sample)), \(r.outcome.rawValue), \(Int32(clamping: r.httpStatus)),
                        \(AttemptRecord.json(r.attempts)), \(r.latencyMs), \(r.ttftMs), \(content), \(raw),
                        \(r.promptHash), \(r.templateVersion), \(promptTokens), \(completionTokens), \(r.detail),
                        \(r.finishedAt.timeIntervalSince1970), \(worker), \(head))
                    """, logger: logger)
                stored += 1
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
        var head = String(repeating: "0", count: 64)
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
