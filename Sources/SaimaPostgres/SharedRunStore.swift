import Foundation
import Logging
import PostgresNIO
/// A round's work and results in PostgreSQL, shared by any number of runner processes on any number of hosts.
///
/// Definitions:
/// - **work**: one row per (team, track, set, item, sample) of the round, `pending`, `leased` (claimed by a worker
///   until `lease_until`) or `done`. Workers claim pending rows, and leased rows whose lease ran out, with
///   `FOR UPDATE SKIP LOCKED`; a live worker renews its leases, a dead one stops and its rows are claimed again.
/// - **team budget**: a team's unexpired leases never exceed its `max_concurrency`; claims for one team are
///   serialized by a lock on its `teams` row, so the budget holds however many workers join.
/// - **exactly once**: a result is committed only while its work row is still leased by the committing worker, in
///   the same transaction that marks the row done; `results` has a unique key per request as a second guard.
/// - **one chain**: commits lock the round's row, extend its `chain_head` with each result's
///   `ItemResult.chainHash(previous:)` and store it, so the rows ordered by `seq` form one verifiable chain, the same
///   chain a run folder keeps.
public final class SharedRunStore: Sendable {
    public let location: StoreLocation
    let client: PostgresClient
    let runTask: Task<Void, Never>
    let logger: Logger

    /// Connects (one pool per process, at most `connections` connections) and brings the schema up to date; a server
    /// that does not answer within `connectSeconds` is reported unreachable (the pool itself would retry for a minute).
    public static func open(_ location: StoreLocation, connections: Int = 4, connectSeconds: Double = 30) async throws
        -> SharedRunStore
    {
        var config = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: .disable)
        config.options.maximumConnections = max(1, connections)
        var logger = Logger(label: "saima.store")
        logger.logLevel = .critical
        let client = PostgresClient(configuration: config, backgroundLogger: logger)
        let store = SharedRunStore(location: location, client: client, logger: logger)
        do {
            try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    try await store.migrate()
                    return true
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(connectSeconds))
                    return false
                }
                let migrated = try await group.next() ?? false
                group.cancelAll()
                guard migrated else {
                    throw StoreError.unreachable(location.redacted, "no answer within \(Int(connectSeconds)) s")
                }
            }
        } catch let error as StoreError {
            await store.close()
            throw error
        } catch {
            await store.close()
            throw StoreError.unreachable(location.redacted, Self.reason(error))
        }
        return store
    }

    init(location: StoreLocation, client: PostgresClient, logger: Logger) {
        self.location = location
        self.client = client
        self.logger = logger
        runTask = Task { await client.run() }
    }

    /// Stops the connection pool.
    public func close() async {
        runTask.cancel()
        _ = await runTask.value
    }

    /// Runs `body` in a transaction; an error thrown by `body` comes out as itself (a `StoreError` stays one), not
    /// wrapped in the driver's transaction error.
    func transaction<R: Sendable>(_ body: (PostgresConnection) async throws -> R) async throws -> R {
        do {
            return try await client.withTransaction(logger: logger) { db in try await body(db) }
        } catch let error as PostgresTransactionError {
            if let inner = error.closureError { throw inner }
            throw error
        }
    }

    /// Locks `round`'s row for the rest of the transaction `db` (commits, reopening and publishing of one round are
    /// serialized by it); an unknown round throws `StoreError.unknownRound`.
    func lockRound(_ db: PostgresConnection, _ round: String) async throws {
        var exists = false
        for try await _ in try await db.query("SELECT 1 FROM rounds WHERE round = \(round) FOR UPDATE", logger: logger)
            .decode(Int.self)
        {
            exists = true
        }
        guard exists else { throw StoreError.unknownRound(round) }
    }

    /// The server's message for an error, without the query text or connection details.
    static func reason(_ error: any Error) -> String {
        if let e = error as? PSQLError {
            return e.serverInfo?[.message] ?? "\(e.code)"
        }
        if let e = error as? PostgresTransactionError {
            return reason(e.closureError ?? e.commitError ?? e.beginError ?? e.rollbackError ?? CancellationError())
        }
        return "\(error)"
    }

    // MARK: schema

    /// Migrations in order, each applied once, in one transaction holding an advisory lock (workers starting together
    /// wait for the first).
    static let migrations: [(name: String, statements: [String])] = [
        ("v1-shared-round", [
            """
            CREATE TABLE rounds (
                round TEXT PRIMARY KEY, planned TEXT NOT NULL, manifest TEXT NOT NULL,
                chain_head TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now())
            """,
            """
            CREATE TABLE teams (
                round TEXT NOT NULL REFERENCES rounds(round), team TEXT NOT NULL, max_concurrency INTEGER NOT NULL,
                PRIMARY KEY (round, team))
            """,
            """
            CREATE TABLE work (
                id BIGSERIAL PRIMARY KEY, round TEXT NOT NULL, team TEXT NOT NULL, track TEXT NOT NULL,
                set_id TEXT NOT NULL, item TEXT NOT NULL, sample INTEGER NOT NULL,
                state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'leased', 'done')),
                lease_owner TEXT, lease_until TIMESTAMPTZ, claims INTEGER NOT NULL DEFAULT 0,
                UNIQUE (round, team, track, set_id, item, sample),
                FOREIGN KEY (round, team) REFERENCES teams(round, team))
            """,
            "CREATE INDEX work_open ON work (round, team, state, id)",
            """
            CREATE TABLE results (
                seq BIGSERIAL PRIMARY KEY, round TEXT NOT NULL REFERENCES rounds(round), team TEXT NOT NULL,
                track TEXT NOT NULL, set_id TEXT NOT NULL, item TEXT NOT NULL, sample INTEGER NOT NULL,
                outcome TEXT NOT NULL, http_status INTEGER NOT NULL, attempts TEXT NOT NULL,
                latency_ms DOUBLE PRECISION NOT NULL, ttft_ms DOUBLE PRECISION, content BYTEA, raw_response BYTEA,
                prompt_hash TEXT NOT NULL, template_version TEXT NOT NULL, prompt_tokens BIGINT,
                completion_tokens BIGINT, detail TEXT, finished_at DOUBLE PRECISION NOT NULL, worker TEXT NOT NULL,
                chain_hash TEXT NOT NULL,
                UNIQUE (round, team, track, set_id, item, sample))
            """,
        ]),
        verdictMigration,
        retryMigration,
        humanScoresMigration,
        overridesMigration,
    ]

    func migrate() async throws {
        try await transaction { db in
            try await db.query("SELECT pg_advisory_xact_lock(81522026)", logger: logger)
            try await db.query(
                "CREATE TABLE IF NOT EXISTS saima_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
                logger: logger)
            var applied: Set<String> = []
            for try await name in try await db.query("SELECT name FROM saima_migrations", logger: logger).decode(String.self) {
                applied.insert(name)
            }
            for m in Self.migrations where !applied.contains(m.name) {
                for statement in m.statements { try await db.query(PostgresQuery(unsafeSQL: statement), logger: logger) }
                try await db.query("INSERT INTO saima_migrations (name) VALUES (\(m.name))", logger: logger)
            }
        }
    }

    /// The names of the migrations applied, in order of application.
    public func appliedMigrations() async throws -> [String] {
        var out: [String] = []
        for try await name in try await client.query("SELECT name FROM saima_migrations ORDER BY applied_at, name", logger: logger)
            .decode(String.self)
        {
            out.append(name)
        }
        return out
    }
}
