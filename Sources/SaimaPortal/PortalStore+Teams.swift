import Foundation
import GRDB
import SaimaModel

/// Teams: registration, approval, endpoints (the key sealed).
extension PortalStore {
    /// Registers a pending team and its first account in one transaction; refuses a taken team id or user name.
    package func register(_ team: TeamRecord, username: String, password: String, cost: UInt8) throws -> Account {
        try PortalForm.checkUsername(username)
        try PortalForm.checkPassword(password)
        try write { db in
            if try Int.fetchOne(db, sql: "SELECT 1 FROM teams WHERE id = ?", arguments: [team.id]) != nil {
                throw PortalError.taken("队伍 ID 已被使用。The team id \(team.id) is taken.")
            }
            try db.execute(sql: """
                INSERT INTO teams (id, name_zh, name_en, organisation, contact, tracks, status, created)
                VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)
                """, arguments: [team.id, team.name.zh, team.name.en, team.organisation, team.contact,
                                 team.tracks.joined(separator: ","), Date().timeIntervalSince1970])
        }
        do {
            return try createAccount(username: username, password: password, role: .team, team: team.id, cost: cost)
        } catch {
            try write { try $0.execute(sql: "DELETE FROM teams WHERE id = ? AND status = 'pending'", arguments: [team.id]) }
            throw error
        }
    }

    /// Every team, oldest registration first.
    package func teams() throws -> [TeamRecord] {
        try read { try Row.fetchAll($0, sql: "SELECT * FROM teams ORDER BY created, id").map(Self.team) }
    }

    /// One team, or nil.
    package func team(_ id: String) throws -> TeamRecord? {
        try read { try Row.fetchOne($0, sql: "SELECT * FROM teams WHERE id = ?", arguments: [id]).map(Self.team) }
    }

    /// Sets a team's status (the organizer's approval or rejection).
    func setStatus(team: String, _ status: TeamRecord.Status) throws {
        try write { db in
            try db.execute(sql: "UPDATE teams SET status = ? WHERE id = ?", arguments: [status.rawValue, team])
            if db.changesCount == 0 { throw PortalError.notFound("没有这支队伍。No team \(team).") }
        }
    }

    /// Saves a team's endpoint; `sealedKey` nil keeps the key already stored. The check result is cleared: a changed
    /// endpoint has not been checked.
    package func saveEndpoint(team: String, baseURL: String, model: String, concurrency: Int, sealedKey: String?) throws {
        try write { db in
            try db.execute(sql: """
                UPDATE teams SET base_url = ?, model = ?, concurrency = ?, key_sealed = COALESCE(?, key_sealed),
                  checked_at = NULL, check_passed = NULL, check_report = NULL WHERE id = ?
                """, arguments: [baseURL, model, concurrency, sealedKey, team])
        }
    }

    /// Records the endpoint check's outcome.
    func recordCheck(team: String, passed: Bool, report: String, at: Date = Date()) throws {
        try write { db in
            try db.execute(
                sql: "UPDATE teams SET checked_at = ?, check_passed = ?, check_report = ? WHERE id = ?",
                arguments: [at.timeIntervalSince1970, passed, report, team])
        }
    }

    /// A team's sealed key, or nil when none was entered.
    package func sealedKey(team: String) throws -> String? {
        try read { try String.fetchOne($0, sql: "SELECT key_sealed FROM teams WHERE id = ?", arguments: [team]) }
    }

    static func team(_ row: Row) -> TeamRecord {
        var endpoint: PortalEndpoint?
        if let base: String = row["base_url"] {
            endpoint = PortalEndpoint(
                baseURL: base, model: row["model"] ?? "", concurrency: row["concurrency"] ?? 1,
                hasKey: (row["key_sealed"] as String?) != nil,
                checkedAt: (row["checked_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
                checkPassed: row["check_passed"], checkReport: row["check_report"])
        }
        let tracks: String = row["tracks"]
        return TeamRecord(
            id: row["id"], name: LocalizedText(zh: row["name_zh"], en: row["name_en"]), organisation: row["organisation"],
            contact: row["contact"], tracks: tracks.split(separator: ",").map(String.init),
            status: TeamRecord.Status(rawValue: row["status"]) ?? .pending, endpoint: endpoint,
            created: Date(timeIntervalSince1970: row["created"]))
    }
}
