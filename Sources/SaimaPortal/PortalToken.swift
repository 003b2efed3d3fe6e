import Foundation
import SaimaBase
/// Random tokens for sessions and CSRF, and their stored digests.
enum PortalToken {
    /// 256 random bits from the system's generator, base64url without padding (cookie- and form-safe).
    package static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = Data(capacity: 32)
        for _ in 0..<4 { withUnsafeBytes(of: generator.next() as UInt64) { bytes.append(contentsOf: $0) } }
        return bytes.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Hex SHA-256 of a token: what the database keeps instead of the token.
    package static func digest(_ token: String) -> String {
        SHA256Digest.hex(token)
    }

    /// Constant-time comparison of two tokens (a CSRF field against the session's).
    package static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
