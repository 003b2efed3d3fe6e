package import Foundation
import GRDB
import HummingbirdBcrypt

/// Accounts and sessions. Passwords are stored as bcrypt hashes; a session is a random 256-bit token given to the
/// browser once, stored only as its SHA-256, with its own CSRF token and an expiry.
extension PortalStore {
    /// A signed-in session: the account and the CSRF token every state-changing form of this session must carry.
    package struct Session: Sendable {
        package var account: Account
        package var csrf: String
        /// The account signed in with a one-time password (after a reset) and must choose its own before anything else.
        package var mustChange = false
    }

    /// A hash no password matches in practice, checked for unknown user names (cost 12, as in service).
    static let unknownUserHash = Bcrypt.hash(PortalToken.random(), cost: 12)

    /// How long a session lasts without signing in again.
    static let sessionSeconds: TimeInterval = 12 * 3600

    /// Creates an account; refuses a taken user name. `cost` is bcrypt's work factor (12 in service, lower in tests).
    @discardableResult
    package func createAccount(username: String, password: String, role: Role, team: String?, cost: UInt8)
        throws -> Account
    {
        try PortalForm.checkUsername(username)
        try PortalForm.checkPassword(password)
        let hash = Bcrypt.hash(password, cost: cost)
        return try write { db in
            if try Int.fetchOne(db, sql: "SELECT 1 FROM accounts WHERE username = ?", arguments: [username]) != nil {
                throw PortalError.taken("用户名已被使用。The user name \(username) is taken.")
            }
            try db.execute(
                sql: "INSERT INTO accounts (username, role, password_hash, team, created) VALUES (?, ?, ?, ?, ?)",
                arguments: [username, role.rawValue, hash, team, Date().timeIntervalSince1970])
            return Account(id: db.lastInsertedRowID, username: username, role: role, team: team)
        }
    }

    /// The account whose password this is, or nil (same answer for an unknown name and a wrong password).
    package func verify(username: String, password: String) throws -> Account? {
        let row = try read { db in
            try Row.fetchOne(db, sql: "SELECT id, role, password_hash, team FROM accounts WHERE username = ?", arguments: [username])
        }
        guard let row, let role = Role(rawValue: row["role"]) else {
            // As slow as a wrong password, so that timing does not tell which user names exist.
            _ = Bcrypt.verify(password, hash: Self.unknownUserHash)
            return nil
        }
        guard Bcrypt.verify(password, hash: row["password_hash"]) else { return nil }
        return Account(id: row["id"], username: username, role: role, team: row["team"])
    }

    /// Whether an account with this role exists.
    func hasAccount(role: Role) throws -> Bool {
        try read { try Int.fetchOne($0, sql: "SELECT 1 FROM accounts WHERE role = ? LIMIT 1", arguments: [role.rawValue]) != nil }
    }

    /// Starts a session for `account`: returns the token for the cookie (stored here only hashed) and the session.
    func startSession(_ account: Account, now: Date = Date()) throws -> (token: String, session: Session) {
        let token = PortalToken.random()
        let csrf = PortalToken.random()
        try write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE expires < ?", arguments: [now.timeIntervalSince1970])
            try db.execute(
                sql: "INSERT INTO sessions (token_hash, account, csrf, expires) VALUES (?, ?, ?, ?)",
                arguments: [PortalToken.digest(token), account.id, csrf, now.timeIntervalSince1970 + Self.sessionSeconds])
        }
        return (token, Session(account: account, csrf: csrf))
    }

    /// The live session of a cookie's token, or nil.
    package func session(token: String, now: Date = Date()) throws -> Session? {
        try read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT a.id, a.username, a.role, a.team, a.must_change, s.csrf FROM sessions s JOIN accounts a ON a.id = s.account
                WHERE s.token_hash = ? AND s.expires > ?
                """, arguments: [PortalToken.digest(token), now.timeIntervalSince1970])
            guard let row, let role = Role(rawValue: row["role"]) else { return nil }
            return Session(
                account: Account(id: row["id"], username: row["username"], role: role, team: row["team"]), csrf: row["csrf"],
                mustChange: row["must_change"])
        }
    }

    /// Ends the session of a cookie's token.
    func endSession(token: String) throws {
        try write { try $0.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [PortalToken.digest(token)]) }
    }
}
