import Foundation
import GRDB
import Synchronization

/// The portal's state: one SQLite database (`portal.sqlite` in the state folder) through GRDB, in WAL mode so that
/// public pages read while a run writes. Every write is one transaction; nothing is overwritten silently (a taken
/// name is refused, an endpoint change is audited).
package final class PortalStore: Sendable {
    let db: DatabasePool
    package let folder: String
    /// Counts the writes made through this store: pages built from the state (the public board) are cached per
    /// generation and rebuilt after any write.
    let writes = Atomic<UInt64>(0)

    /// The current write generation.
    package var generation: UInt64 { writes.load(ordering: .acquiring) }

    /// One write transaction; the generation moves on after it (even when it throws: a partial failure rolled back
    /// costs only a rebuilt page).
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        defer { writes.add(1, ordering: .releasing) }
        return try db.write(updates)
    }

    /// One read.
    func read<T>(_ value: (Database) throws -> T) throws -> T { try db.read(value) }

    /// Opens (creating when absent) the state folder and its database, and applies the migrations.
    package init(folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var config = Configuration()
        config.busyMode = .timeout(10)
        db = try DatabasePool(path: (folder as NSString).appendingPathComponent("portal.sqlite"), configuration: config)
        self.folder = folder
        try Self.migrator.migrate(db)
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE teams (
                  id TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL, organisation TEXT NOT NULL,
                  contact TEXT NOT NULL, tracks TEXT NOT NULL, status TEXT NOT NULL, created REAL NOT NULL,
                  base_url TEXT, model TEXT, concurrency INTEGER, key_sealed TEXT,
                  checked_at REAL, check_passed INTEGER, check_report TEXT);
                CREATE TABLE accounts (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, username TEXT NOT NULL UNIQUE, role TEXT NOT NULL,
                  password_hash TEXT NOT NULL, team TEXT REFERENCES teams(id), created REAL NOT NULL);
                CREATE TABLE sessions (
                  token_hash TEXT PRIMARY KEY, account INTEGER NOT NULL REFERENCES accounts(id), csrf TEXT NOT NULL,
                  expires REAL NOT NULL);
                CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE audit (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                  detail TEXT NOT NULL);
                CREATE TABLE runs (
                  id TEXT PRIMARY KEY, kind TEXT NOT NULL, team TEXT, status TEXT NOT NULL, folder TEXT NOT NULL,
                  started REAL NOT NULL, finished REAL, error TEXT);
                CREATE TABLE track_scores (
                  run TEXT NOT NULL REFERENCES runs(id), team TEXT NOT NULL, track TEXT NOT NULL,
                  track_zh TEXT NOT NULL, track_en TEXT NOT NULL, score REAL NOT NULL, low REAL NOT NULL,
                  high REAL NOT NULL, items INTEGER NOT NULL, finished REAL NOT NULL, rank INTEGER, rank_group INTEGER,
                  PRIMARY KEY (run, team, track));
                CREATE INDEX runs_team ON runs(team, started);
                """)
        }
        m.registerMigration("v2-judges") { db in
            try db.execute(sql: """
                CREATE TABLE judge_runs (
                  run TEXT NOT NULL REFERENCES runs(id), judge TEXT NOT NULL, assigned REAL NOT NULL,
                  PRIMARY KEY (run, judge));
                """)
        }
        m.registerMigration("v3-votes") { db in
            try db.execute(sql: """
                CREATE TABLE votes (
                  run TEXT NOT NULL REFERENCES runs(id), judge TEXT NOT NULL, pair TEXT NOT NULL, team_a TEXT NOT NULL,
                  team_b TEXT NOT NULL, winner TEXT NOT NULL, at REAL NOT NULL, PRIMARY KEY (run, judge, pair));
                """)
        }
        m.registerMigration("v4-schedule", migrate: migrateSchedule)
        m.registerMigration("v5-passwords") { db in
            try db.execute(sql: "ALTER TABLE accounts ADD COLUMN must_change INTEGER NOT NULL DEFAULT 0")
        }
        return m
    }
}
