import Foundation
import GRDB
import HummingbirdBcrypt

/// Password changes and resets. A change needs the current password and ends every other session of the account;
/// a reset (by the organizer, for a team or judge account that lost its password) sets a one-time password that
/// must be changed at the next sign-in, and ends every session of the account. Neither password is stored or
/// logged in clear.
extension PortalStore {
    /// One account as the organizer's list shows it.
    package struct AccountSummary: Sendable, Hashable {
        package var username: String
        package var role: Role
        package var team: String?
        /// Whether the account signs in with a one-time password it has not replaced yet.
        package var mustChange: Bool
    }

    /// Every account, organizers first, then by role and name.
    package func accounts() throws -> [AccountSummary] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT username, role, team, must_change FROM accounts ORDER BY role, username").compactMap { row in
                guard let role = Role(rawValue: row["role"]) else { return nil }
                return AccountSummary(username: row["username"], role: role, team: row["team"], mustChange: row["must_change"])
            }
        }
    }

    /// Changes `account`'s password after checking the current one; every session of the account other than
    /// `keeping` (the digest-free cookie token of the session that asked) ends.
    func changePassword(_ account: Account, current: String, new: String, keeping token: String?, cost: UInt8) throws {
        try PortalForm.checkPassword(new)
        guard new != current else { throw PortalError.invalid("新密码须与当前密码不同。The new password must differ from the current one.") }
        guard try verify(username: account.username, password: current) != nil else {
            throw PortalError.forbidden("当前密码错误。The current password is wrong.")
        }
        let hash = Bcrypt.hash(new, cost: cost)
        try write { db in
            try Self.setPassword(db, account: account.id, hash: hash, oneTime: false, keeping: token.map(PortalToken.digest))
        }
    }

    /// Resets a team or judge account's password to a new random one-time password, returned once to show the
    /// organizer; every session of the account ends and the next sign-in must change it. Organizer accounts are
    /// reset from the server's command line instead (`saima serve --reset-organizer-password`).
    func resetPassword(username: String, cost: UInt8) throws -> String {
        let temporary = String(PortalToken.random().prefix(16))
        let hash = Bcrypt.hash(temporary, cost: cost)
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, role FROM accounts WHERE username = ?", arguments: [username]) else {
                throw PortalError.notFound("没有此账号。No such account.")
            }
            guard row["role"] != Role.organizer.rawValue else {
                throw PortalError.forbidden("组织方密码须在服务器上重置。An organizer's password is reset on the server (saima serve --reset-organizer-password).")
            }
            try Self.setPassword(db, account: row["id"], hash: hash, oneTime: true, keeping: nil)
        }
        return temporary
    }

    /// Sets the organizer's password from the server's command line (a forgotten one): every organizer session ends.
    func setOrganizerPassword(username: String, password: String, cost: UInt8) throws {
        try PortalForm.checkPassword(password)
        let hash = Bcrypt.hash(password, cost: cost)
        try write { db in
            guard let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM accounts WHERE username = ? AND role = 'organizer'", arguments: [username])
            else { throw PortalError.notFound("没有此组织方账号。No organizer account \(username).") }
            try Self.setPassword(db, account: id, hash: hash, oneTime: false, keeping: nil)
        }
    }

    /// Stores a new password hash (`oneTime`: it must be changed at the next sign-in) and ends every session of the
    /// account but the one whose token digest is `keeping`.
    static func setPassword(_ db: Database, account: Int64, hash: String, oneTime: Bool, keeping: String?) throws {
        try db.execute(
            sql: "UPDATE accounts SET password_hash = ?, must_change = ? WHERE id = ?", arguments: [hash, oneTime, account])
        try db.execute(sql: "DELETE FROM sessions WHERE account = ? AND token_hash != ?", arguments: [account, keeping ?? ""])
    }
}
