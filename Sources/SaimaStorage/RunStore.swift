import Foundation
import GRDB
package import SaimaModel
import Synchronization

/// The SQLite database of one run folder (`<out>/run.sqlite`, WAL mode).
///
/// `results` is append-only: a request retried with `--retry-failed` adds a new row and marks the
/// old one `superseded`, so every request has exactly one current row and the hash chain over
/// all rows (ordered by `seq`) stays verifiable.
package final class RunStore: Sendable {
    package let path: String
    let pool: DatabasePool
    /// Held while this process writes the run (`lockForWriting()`).
    let writerLock = Mutex<RunLock?>(nil)

    /// The chain hash before the first row.
    package static let chainGenesis = ItemResult.chainGenesis

    package init(folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = (folder as NSString).appendingPathComponent("run.sqlite")
        var config = Configuration()
        config.busyMode = .timeout(10)
        // WAL with synchronous=NORMAL: a commit survives the process being killed (the OS holds
        // the pages); only a power cut can lose the last transactions. No fsync per group commit.
        // A 512 KB page cache per connection instead of SQLite's 2 MB: runs read and write rows in order, and a
        // 100,000-answer run kept 4.5 MB of cache across its connections at 2 MB (no measurable change in speed).
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -512") }
        pool = try DatabasePool(path: path, configuration: config)
        try Self.migrate(pool)
    }

    /// Brings the schema up to date. Two processes opening a new run folder at once (a run and a command that
    /// watches it) can both find the schema missing and both start creating it; the loser's `CREATE TABLE` fails.
    /// By then the winner has applied the migrations, so migrating again finds nothing to do.
    static func migrate(_ pool: DatabasePool) throws {
        var attempt = 0
        while true {
            do {
                try migrator.migrate(pool)
                return
            } catch is DatabaseError where attempt < 4 {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
            }
        }
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                    CREATE TABLE results (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        team TEXT NOT NULL, track TEXT NOT NULL, set_id TEXT NOT NULL, item TEXT NOT NULL,
                        sample INTEGER NOT NULL,
                        outcome TEXT NOT NULL, http_status INTEGER NOT NULL, attempts TEXT NOT NULL,
                        latency_ms REAL NOT NULL, ttft_ms REAL, content TEXT, raw_response TEXT,
                        prompt_hash TEXT NOT NULL, template_version TEXT NOT NULL,
                        prompt_tokens INTEGER, completion_tokens INTEGER, detail TEXT,
                        finished_at REAL NOT NULL, superseded INTEGER NOT NULL DEFAULT 0,
                        chain_hash TEXT NOT NULL
                    );
                    CREATE UNIQUE INDEX results_current ON results(team, track, set_id, item, sample)
                        WHERE superseded = 0;
                    """)
        }
        m.registerMigration("v1-scores") { db in
            try db.execute(
                sql: """
                    CREATE TABLE scores (
                        team TEXT NOT NULL, track TEXT NOT NULL, set_id TEXT NOT NULL, item TEXT NOT NULL,
                        sample INTEGER NOT NULL, score REAL NOT NULL, reason TEXT NOT NULL, extracted TEXT,
                        metric TEXT NOT NULL, metric_version INTEGER NOT NULL, unextractable INTEGER NOT NULL,
                        scored_at REAL NOT NULL,
                        PRIMARY KEY (team, track, set_id, item, sample)
                    );
                    """)
        }
        registerJudgingMigration(&m)
        registerHumanAssignmentMigration(&m)
        m.registerMigration("v4-score-sources") { db in
            try db.execute(
                sql: """
                    ALTER TABLE scores ADD COLUMN auto_score REAL;
                    ALTER TABLE scores ADD COLUMN llm_score REAL;
                    ALTER TABLE scores ADD COLUMN human_score REAL;
                    """)
        }
        m.registerMigration("v5-extraction-rule") { db in
            try db.execute(sql: "ALTER TABLE scores ADD COLUMN rule TEXT")
        }
        registerAppealsMigration(&m)
        registerAppealsIssuedMigration(&m)
        registerHumanChainMigration(&m)
        m.registerMigration("v7-reading-confidence") { db in
            try db.execute(sql: "ALTER TABLE scores ADD COLUMN confidence TEXT")
        }
        m.registerMigration("v10-choice-order") { db in
            try db.execute(sql: "ALTER TABLE scores ADD COLUMN choice_order TEXT")
            try db.execute(sql: "ALTER TABLE scores ADD COLUMN answer_moved INTEGER")
            try db.execute(sql: "ALTER TABLE scores ADD COLUMN variant INTEGER")
        }
        registerProbeMigration(&m)
        registerLiveScoresMigration(&m)
        return m
    }

    // MARK: meta

    package func setMeta(_ key: String, _ value: String) throws {
        try pool.write { db in
            try db.execute(
                sql: "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [key, value])
        }
    }

    package func meta(_ key: String) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }

    // MARK: writing

    /// The chain hash of the last row, or the genesis hash.
    package func chainHead() throws -> String {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT chain_hash FROM results ORDER BY seq DESC LIMIT 1")
        } ?? Self.chainGenesis
    }

    /// Appends results in one transaction and returns the new chain head (a merge of shard folders; runs use
    /// `ResultWriter`).
    package func appendResults(_ results: [ItemResult]) throws -> String {
        try pool.write { db in try Self.append(results, supersede: true, in: db) }
    }

    /// Appends results in one transaction on the writer queue, without blocking the caller;
    /// `completion` gets the new chain head.
    func appendAsync(
        _ results: [ItemResult], supersede: Bool = true,
        completion: @escaping @Sendable (Result<String, any Error>) -> Void
    ) {
        pool.asyncWrite(
            { db in try Self.append(results, supersede: supersede, in: db) }, completion: { _, result in completion(result) })
    }

    /// Supersedes earlier rows of the same keys (unless the caller knows there are none) and inserts the results,
    /// extending the chain from the last row in the database.
    static func append(_ results: [ItemResult], supersede supersedeEarlier: Bool = true, in db: Database) throws
        -> String
    {
        var head = try String.fetchOne(db, sql: "SELECT chain_hash FROM results ORDER BY seq DESC LIMIT 1")
            ?? Self.chainGenesis
        let supersede = try db.cachedStatement(
            sql: """
                UPDATE results SET superseded = 1
                WHERE team = ? AND track = ? AND set_id = ? AND item = ? AND sample = ? AND superseded = 0
                """)
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO results(team, track, set_id, item, sample, outcome, http_status, attempts,
                    latency_ms, ttft_ms, content, raw_response, prompt_hash, template_version,
                    prompt_tokens, completion_tokens, detail, finished_at, chain_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for r in results {
            if supersedeEarlier {
                try supersede.execute(arguments: [r.key.team, r.key.track, r.key.set, r.key.item, r.key.sample])
            }
            head = r.chainHash(previous: head)
            try insert.execute(arguments: [
                r.key.team, r.key.track, r.key.set, r.key.item, r.key.sample, r.outcome.rawValue,
                r.httpStatus, AttemptRecord.json(r.attempts), r.latencyMs, r.ttftMs, Self.exact(r.content),
                Self.exact(r.rawResponse),
                r.promptHash, r.templateVersion, r.usage?.prompt, r.usage?.completion, r.detail,
                r.finishedAt.timeIntervalSince1970, head,
            ])
        }
        return head
    }

    // MARK: reading

    /// Current outcome of every key in the run.
    package func currentOutcomes() throws -> [ResultKey: Outcome] {
        try pool.read { db in
            var map: [ResultKey: Outcome] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT team, track, set_id, item, sample, outcome FROM results WHERE superseded = 0")
            while let row = try rows.next() {
                let key = ResultKey(team: row[0], track: row[1], set: row[2], item: row[3], sample: row[4])
                map[key] = Outcome(rawValue: row[5]) ?? .malformed
            }
            return map
        }
    }

    /// Every current result, in key order. `attempts: false` leaves `attempts` empty (most readers never look at
    /// them, and parsing them was a sixth of a read); `filter`, given the key and outcome, skips a row before the
    /// rest of it is decoded.
    package func currentResults(
        attempts: Bool = true, filter: ((ResultKey, Outcome) -> Bool)? = nil
    ) throws -> [ItemResult] {
        try pool.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT \(Self.resultColumns) FROM results WHERE superseded = 0
                    ORDER BY team, track, set_id, item, sample
                    """)
            var out: [ItemResult] = []
            while let row = try rows.next() {
                let key = Self.key(row)
                let outcome = Self.outcome(row)
                if let filter, !filter(key, outcome) { continue }
                out.append(Self.result(from: row, key: key, outcome: outcome, attempts: attempts))
            }
            return out
        }
    }

    /// The team, outcome and latency of every current result, handed to `body` one at a time (for tables of counts
    /// and latency percentiles: no reply text is read).
    package func forEachOutcome(_ body: (_ team: String, _ outcome: Outcome, _ latencyMs: Double) throws -> Void) throws {
        try pool.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT team, outcome, latency_ms FROM results WHERE superseded = 0")
            while let row = try rows.next() {
                try body(row[0], Outcome(rawValue: row[1]) ?? .malformed, row[2])
            }
        }
    }

    /// How many current results the run holds (one per team, item and sample).
    package func currentCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM results WHERE superseded = 0") ?? 0 }
    }

    /// How many rows (current and superseded) the table holds.
    package func rowCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM results") ?? 0 }
    }

    /// Text a contestant's server controls, stored as UTF-8 bytes (a BLOB) so that NUL and every other code point
    /// survive: SQLite's text functions stop at the first NUL.
    static func exact(_ text: String?) -> Data? { text.map { Data($0.utf8) } }

    /// Text stored by `exact(_:)` (or, in older runs, as TEXT).
    static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .blob(let data): return String(decoding: data, as: UTF8.self)
        case .string(let s): return s
        default: return nil
        }
    }

    /// The columns `result(from:)` reads, in the order it reads them by position.
    static let resultColumns = """
        team, track, set_id, item, sample, outcome, http_status, attempts, latency_ms, ttft_ms, content, raw_response,
        prompt_hash, template_version, prompt_tokens, completion_tokens, detail, finished_at
        """

    static func key(_ row: Row) -> ResultKey {
        ResultKey(team: row[0], track: row[1], set: row[2], item: row[3], sample: row[4])
    }

    static func outcome(_ row: Row) -> Outcome { Outcome(rawValue: row[5]) ?? .malformed }

    /// A result from a row selected with `resultColumns` (read by position: name lookups were a tenth of a read).
    static func result(from row: Row, key: ResultKey? = nil, outcome: Outcome? = nil, attempts: Bool = true)
        -> ItemResult
    {
        let promptTokens: Int? = row[14]
        let completionTokens: Int? = row[15]
        return ItemResult(
            key: key ?? Self.key(row), outcome: outcome ?? Self.outcome(row), httpStatus: row[6],
            attempts: attempts ? AttemptRecord.parse(row[7] as String) : [], latencyMs: row[8], ttftMs: row[9],
            content: Self.text(row[10]), rawResponse: Self.text(row[11]), promptHash: row[12],
            templateVersion: row[13],
            usage: promptTokens.flatMap { p in completionTokens.map { (p, $0) } }, detail: row[16],
            finishedAt: Date(timeIntervalSince1970: row[17]))
    }
}

extension RunStore {
    /// One row of the result chain, as stored.
    package struct ChainRow: Sendable {
        package var seq: Int64
        package var chainHash: String
        package var result: ItemResult
        /// The row's `superseded` flag as stored (not covered by the hash; checked against the row order).
        package var superseded: Bool
    }

    /// Every row, current and superseded, in insertion order.
    package func chainRows() throws -> [ChainRow] {
        try pool.read { db in
            var out: [ChainRow] = []
            let rows = try Row.fetchCursor(
                db, sql: "SELECT \(Self.resultColumns), seq, chain_hash, superseded FROM results ORDER BY seq")
            while let row = try rows.next() {
                out.append(ChainRow(
                    seq: row[18], chainHash: row[19], result: Self.result(from: row), superseded: row[20]))
            }
            return out
        }
    }
}
