import Crypto
import Foundation

/// The server secret that seals teams' API keys at rest.
///
/// Definition: AES-256-GCM under a key derived by HKDF-SHA256 from the secret in `SAIMA_PORTAL_SECRET` (at least 32
/// bytes); each sealed key is bound to its team id as authenticated data, so a sealed key copied into another team's
/// row does not open. The sealed form is base64 of nonce ‖ ciphertext ‖ tag. The plain key lives only in memory, for
/// the requests of a check or a run.
package struct PortalSecret: Sendable {
    /// The environment variable the secret is read from.
    package static let variable = "SAIMA_PORTAL_SECRET"
    let key: SymmetricKey

    package init(secret: String) throws(PortalError) {
        guard secret.utf8.count >= 32 else {
            throw .configuration(
                "\(Self.variable) 至少 32 字节（例如 openssl rand -base64 32）。\(Self.variable) must hold at least 32 bytes (e.g. `openssl rand -base64 32`).")
        }
        key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: Data(secret.utf8)), salt: Data("saima-portal".utf8),
            info: Data("api-key-seal-v1".utf8), outputByteCount: 32)
    }

    /// The secret from the environment.
    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(PortalError) -> PortalSecret
    {
        try PortalSecret(secret: environment[variable] ?? "")
    }

    /// `apiKey` sealed for `team`.
    package func seal(_ apiKey: String, team: String) throws -> String {
        let box = try AES.GCM.seal(Data(apiKey.utf8), using: key, authenticating: Data(team.utf8))
        guard let combined = box.combined else { throw PortalError.configuration("AES-GCM nonce size") }
        return combined.base64EncodedString()
    }

    /// The key sealed for `team`; throws when the sealed form was made under another secret or for another team.
    package func open(_ sealed: String, team: String) throws -> String {
        guard let data = Data(base64Encoded: sealed) else { throw PortalError.invalid("sealed key is not base64") }
        let plain = try AES.GCM.open(AES.GCM.SealedBox(combined: data), using: key, authenticating: Data(team.utf8))
        return String(decoding: plain, as: UTF8.self)
    }
}
