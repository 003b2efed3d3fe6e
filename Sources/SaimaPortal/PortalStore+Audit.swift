package import Foundation
import GRDB

/// The audit log and the contest's settings (the current phase; the schedule is in `PortalStore+Schedule`).
extension PortalStore {
    /// Appends an audit entry. Details never carry a key or a password (callers pass descriptions, not values).
    package func audit(actor: String, action: String, detail: String, at: Date = Date()) throws {
        try write { db in
            try db.execute(
                sql: "INSERT INTO audit (at, actor, action, detail) VALUES (?, ?, ?, ?)",
                arguments: [at.timeIntervalSince1970, actor, action, detail])
        }
    }

    /// The latest `limit` audit entries, newest first.
    package func auditLog(limit: Int = 200) throws -> [AuditEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id DESC LIMIT ?", arguments: [limit]).map {
                AuditEntry(at: Date(timeIntervalSince1970: $0["at"]), actor: $0["actor"], action: $0["action"], detail: $0["detail"])
            }
        }
    }

    /// The current phase (registration until an organizer moves it).
    package func phase() throws -> Phase { try read(Self.phase) }

    static func phase(_ db: Database) throws -> Phase {
        try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'phase'").flatMap(Phase.init(rawValue:)) ?? .registration
    }

    package func setPhase(_ phase: Phase) throws { try set("phase", phase.rawValue) }

    func set(_ key: String, _ value: String) throws {
        try write { db in
            try db.execute(
                sql: "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [key, value])
        }
    }
}
