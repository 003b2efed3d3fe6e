import Crypto
import Foundation
import SaimaBase
import SaimaModel
package import SaimaRunner
import SaimaStorage

/// Signed results that anyone can verify: the organizer's Ed25519 key signs a round's manifest when it starts, and the
/// chain head, leaderboard and report when it ends; a third party with the run folder, the hidden sets and the public
/// key checks every published number (`saima round verify --public-key`).
///
/// Definitions.
/// - Keys are Ed25519 (swift-crypto), stored as one text line each: `saima-ed25519-private:<base64 of the 32-byte
///   seed>` and `saima-ed25519-public:<base64 of the 32-byte key>`. The private key is read from a file (mode 0600,
///   never inside the run folder) or from `SAIMA_SIGNING_KEY`, and is never written to the run folder, a log or a
///   report. The **fingerprint** is `SHA256:` and the first 16 bytes of SHA-256 of the public key, in hex.
/// - A signature covers a **payload**: `saima-signature-v1` and `key=value` lines. `start`: `manifest_sha256`, the
///   SHA-256 of the manifest's canonical JSON without the fields a run adds later (creation time, chain, appeals and
///   human-score heads). `end`: that hash again, `chain_head`, `chain_rows`, and the SHA-256 of `leaderboard.json` and
///   `report.html` as written. Signatures are kept in `signatures.json` in the run folder: the public key, its
///   fingerprint, and each stage's payload, signature and time; a later `end` replaces the earlier one (a report
///   re-signed after appeals), a `start` signature is never replaced.
package enum RunSigning {
    package static let scheme = "saima-signature-v1"
    static let privatePrefix = "saima-ed25519-private:"
    static let publicPrefix = "saima-ed25519-public:"
    /// The environment variable that may hold the private key line instead of a file.
    package static let environmentVariable = "SAIMA_SIGNING_KEY"

    package struct Problem: Error, CustomStringConvertible {
        package var description: String
        init(_ message: String) { description = message }
    }

    /// A private signing key, held as its 32-byte seed.
    package struct PrivateKey: Sendable {
        let seed: Data
        var key: Curve25519.Signing.PrivateKey { get throws { try Curve25519.Signing.PrivateKey(rawRepresentation: seed) } }
        package var publicKey: PublicKey { get throws { PublicKey(raw: try key.publicKey.rawRepresentation) } }
    }

    /// A public verification key, held as its 32 bytes.
    package struct PublicKey: Sendable, Equatable {
        let raw: Data
        package var text: String { publicPrefix + raw.base64EncodedString() }
        package var fingerprint: String {
            "SHA256:" + SHA256Digest.hex(raw).prefix(32).enumerated().map { i, c in i > 0 && i % 4 == 0 ? ":\(c)" : "\(c)" }.joined()
        }
    }

    // MARK: keys

    /// Makes a key pair and writes the two files (`privatePath` mode 0600); refuses to replace an existing file.
    package static func generate(privatePath: String, publicPath: String) throws -> PublicKey {
        for path in [privatePath, publicPath] where FileManager.default.fileExists(atPath: path) {
            throw Problem("\(path) exists; signing keys are never overwritten / 文件已存在，签名密钥不会被覆盖")
        }
        let key = Curve25519.Signing.PrivateKey()
        let pub = PublicKey(raw: key.publicKey.rawRepresentation)
        let privateText = "# Saima round-signing private key (Ed25519). Keep it secret; never put it in a run folder.\n"
            + "# Saima 轮次签名私钥，请妥善保管，切勿放入结果目录。\n" + privatePrefix + key.rawRepresentation.base64EncodedString() + "\n"
        try writeNew(privateText, to: privatePath, mode: 0o600)
        try writeNew("# Saima round-signing public key (Ed25519), fingerprint \(pub.fingerprint)\n" + pub.text + "\n", to: publicPath, mode: 0o644)
        return pub
    }

    /// Creates `path` (never through a link, never over a file) with `mode` and writes `text`.
    static func writeNew(_ text: String, to path: String, mode: mode_t) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw Problem("cannot create \(path): \(String(cString: strerror(errno))) / 无法创建文件") }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            throw Problem("cannot write \(path) / 无法写入文件")
        }
    }

    /// The private key from `file`, or else from `SAIMA_SIGNING_KEY`; nil when neither is given. A key file inside
    /// `runFolder` is refused: the run folder is published.
    package static func privateKey(file: String?, runFolder: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> PrivateKey?
    {
        let text: String
        if let file {
            if let runFolder, let real = realPath(file), let folder = realPath(runFolder), real.hasPrefix(folder + "/") {
                throw Problem("the signing key \(file) lies inside the run folder, which is published / 签名私钥不得放在结果目录中")
            }
            guard case .success(let data) = BoundedRead.regularFile(file, limit: 64 << 10), let s = String(data: data, encoding: .utf8) else {
                throw Problem("cannot read the signing key \(file): not a readable regular text file of at most 64 KiB / 无法读取签名私钥")
            }
            text = s
        } else if let value = environment[environmentVariable], !value.isEmpty {
            text = value
        } else {
            return nil
        }
        guard let line = keyLine(text, prefix: privatePrefix), let seed = Data(base64Encoded: line), seed.count == 32 else {
            // The text is never shown: it may be a key.
            throw Problem("the signing key is not a `\(privatePrefix)…` line of 32 bytes in base64 (not shown) / 签名私钥格式不正确（不予显示）")
        }
        return PrivateKey(seed: seed)
    }

    /// The public key in `file`.
    package static func publicKey(file: String) throws -> PublicKey {
        guard case .success(let data) = BoundedRead.regularFile(file, limit: 64 << 10), let text = String(data: data, encoding: .utf8),
            let line = keyLine(text, prefix: publicPrefix), let raw = Data(base64Encoded: line), raw.count == 32
        else { throw Problem("\(file) is not a `\(publicPrefix)…` public key file / 公钥文件格式不正确") }
        return PublicKey(raw: raw)
    }

    /// The base64 after `prefix` on the first line holding it (comments and blank lines skipped).
    static func keyLine(_ text: String, prefix: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) {
            let l = line.trimmingCharacters(in: .whitespaces)
            if l.hasPrefix(prefix) { return String(l.dropFirst(prefix.count)) }
        }
        return nil
    }

    // MARK: signing

    /// The manifest's hash as signed: canonical JSON without creation time and chain heads.
    static func manifestHash(_ manifest: RunManifest) -> String {
        SHA256Digest.hex(manifest.asPlanned.json.canonicalJSON)
    }

    static func payload(_ fields: [(String, String)]) -> String {
        ([scheme] + fields.map { "\($0.0)=\($0.1)" }).joined(separator: "\n") + "\n"
    }

    /// Signs the manifest as the round starts (once: a resumed round keeps its first start signature).
    package static func signStart(folder: String, manifest: RunManifest, key: PrivateKey) throws {
        var file = try load(folder: folder) ?? [:]
        let pub = try key.publicKey
        if let existing = file["public_key"]?.stringValue, existing != pub.text {
            throw Problem("this run was signed with another key (\(fingerprint(ofText: existing))) / 本轮已用另一把密钥签名")
        }
        var signatures = file["signatures"]?.arrayValue ?? []
        if signatures.contains(where: { $0["stage"]?.stringValue == "start" }) { return }
        signatures.append(try signature(stage: "start", fields: [("manifest_sha256", manifestHash(manifest))], key: key))
        file["scheme"] = .string(scheme)
        file["public_key"] = .string(pub.text)
        file["fingerprint"] = .string(pub.fingerprint)
        file["signatures"] = .array(signatures)
        try save(file, folder: folder)
    }

    /// Signs the chain head, the leaderboard and the report as written; replaces an earlier end signature.
    package static func signEnd(folder: String, key: PrivateKey) throws {
        let store = try RunStore(folder: folder)
        guard let manifest = try RunManifestStore.load(store: store) else { throw Problem("\(folder) has no manifest / 缺少运行清单") }
        var file = try load(folder: folder) ?? [:]
        let pub = try key.publicKey
        if let existing = file["public_key"]?.stringValue, existing != pub.text {
            throw Problem("this run was signed with another key (\(fingerprint(ofText: existing))) / 本轮已用另一把密钥签名")
        }
        var signatures = (file["signatures"]?.arrayValue ?? []).filter { $0["stage"]?.stringValue != "end" }
        signatures.append(try signature(stage: "end", fields: try endFields(folder: folder, manifest: manifest), key: key))
        file["scheme"] = .string(scheme)
        file["public_key"] = .string(pub.text)
        file["fingerprint"] = .string(pub.fingerprint)
        file["signatures"] = .array(signatures)
        try save(file, folder: folder)
    }

    static func endFields(folder: String, manifest: RunManifest) throws -> [(String, String)] {
        [
            ("manifest_sha256", manifestHash(manifest)), ("chain_head", manifest.chainHead ?? ""),
            ("chain_rows", String(manifest.chainRows ?? 0)),
            ("leaderboard_sha256", try fileHash(folder, "leaderboard.json")), ("report_sha256", try fileHash(folder, "report.html")),
        ]
    }

    static func fileHash(_ folder: String, _ name: String) throws -> String {
        let path = (folder as NSString).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: path) else { throw Problem("\(path) is missing / 文件缺失") }
        return SHA256Digest.hex(data)
    }

    static func signature(stage: String, fields: [(String, String)], key: PrivateKey) throws -> JSONValue {
        let text = payload([("stage", stage)] + fields)
        let signature = try key.key.signature(for: Data(text.utf8))
        return .object([
            "stage": .string(stage), "payload": .string(text), "signature": .string(signature.base64EncodedString()),
            "signed_at": .string(TimeStamp.iso8601(Date())),
        ])
    }

    /// The fingerprint of a run's recorded key, for the report; nil when the run is not signed.
    package static func fingerprint(folder: String) -> String? {
        (try? load(folder: folder))?.flatMap { $0["public_key"]?.stringValue }.map(fingerprint(ofText:))
    }

    static func fingerprint(ofText text: String) -> String {
        guard let line = keyLine(text, prefix: publicPrefix), let raw = Data(base64Encoded: line) else { return "?" }
        return PublicKey(raw: raw).fingerprint
    }

    static func load(folder: String) throws -> [String: JSONValue]? {
        let path = (folder as NSString).appendingPathComponent("signatures.json")
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard case .object(let o) = try JSONValue.parse(data) else { throw Problem("\(path) is not a JSON object / 签名文件格式错误") }
        return o
    }

    static func save(_ file: [String: JSONValue], folder: String) throws {
        try RunFolderFile.write(try PrettyJSON.string(.object(file)) + "\n", to: "signatures.json", in: folder)
    }

    // MARK: verifying

    /// Every way the run folder fails its signatures under `publicKey`: a missing or foreign signature, a signature
    /// that does not verify, or a signed hash that no longer matches the manifest, chain, leaderboard or report.
    package static func verify(folder: String, publicKey: PublicKey) -> [String] {
        let file: [String: JSONValue]
        do {
            guard let f = try load(folder: folder) else { return ["the run is not signed: signatures.json is missing / 本轮未签名"] }
            file = f
        } catch {
            return ["\(error)"]
        }
        var problems: [String] = []
        guard let recorded = file["public_key"]?.stringValue, fingerprint(ofText: recorded) == publicKey.fingerprint else {
            return ["signed with another key (\(fingerprint(ofText: file["public_key"]?.stringValue ?? ""))), not \(publicKey.fingerprint) / 签名公钥不符"]
        }
        guard let verifier = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey.raw) else { return ["unusable public key / 公钥无效"] }
        var expected: [String: String] = [:]
        do {
            let store = try RunStore(folder: folder)
            guard let manifest = try RunManifestStore.load(store: store) else { return ["no manifest / 缺少运行清单"] }
            // The manifest as published beside the database: both must hash as signed.
            let path = (folder as NSString).appendingPathComponent("manifest.json")
            if let data = FileManager.default.contents(atPath: path), let published = try? RunManifest(json: JSONValue.parse(data)),
                manifestHash(published) != manifestHash(manifest)
            {
                problems.append("manifest.json differs from the database's manifest / 清单文件与数据库不一致")
            }
            for (k, v) in try endFields(folder: folder, manifest: manifest) { expected[k] = v }
        } catch {
            problems.append("\(error)")
        }
        let signatures = file["signatures"]?.arrayValue ?? []
        for stage in ["start", "end"] {
            guard let s = signatures.first(where: { $0["stage"]?.stringValue == stage }) else {
                problems.append("no \(stage) signature / 缺少\(stage == "start" ? "开始" : "结束")签名")
                continue
            }
            guard let text = s["payload"]?.stringValue, let sig = s["signature"]?.stringValue.flatMap({ Data(base64Encoded: $0) }),
                verifier.isValidSignature(sig, for: Data(text.utf8))
            else {
                problems.append("the \(stage) signature does not verify under \(publicKey.fingerprint) / \(stage) 签名验证失败")
                continue
            }
            let lines = text.split(separator: "\n").dropFirst()
            guard text.hasPrefix(scheme + "\n"), lines.first == "stage=\(stage)" else {
                problems.append("the \(stage) signature's payload is not a \(scheme) \(stage) payload / 签名内容格式不符")
                continue
            }
            for line in lines.dropFirst() {
                // An empty signed value (`chain_head=` of a run signed before its first result) is checked too.
                let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2, let now = expected[parts[0]] else { continue }
                if now != parts[1] { problems.append(mismatch(parts[0], signed: parts[1], now: now, folder: folder)) }
            }
        }
        return problems
    }

    /// A signed value that no longer matches, named, with the history version that does match when there is one.
    static func mismatch(_ field: String, signed: String, now: String, folder: String) -> String {
        let names = ["manifest_sha256": "the manifest 运行清单", "chain_head": "the result chain head 结果链头",
                     "chain_rows": "the result rows 结果行数", "leaderboard_sha256": "leaderboard.json", "report_sha256": "report.html"]
        var text = "\(names[field] ?? field) differs from what was signed (\(field): signed \(signed.prefix(16)), now \(now.prefix(16))) / 与签名不符"
        if let file = ["leaderboard_sha256": "leaderboard.json", "report_sha256": "report.html"][field] {
            let history = (folder as NSString).appendingPathComponent("history")
            let versions = (try? FileManager.default.contentsOfDirectory(atPath: history))?.sorted() ?? []
            for v in versions {
                let path = ((history as NSString).appendingPathComponent(v) as NSString).appendingPathComponent(file)
                if let data = FileManager.default.contents(atPath: path), SHA256Digest.hex(data) == signed {
                    text += "; the signed one is history/\(v)/\(file): re-sign the current version with --sign-key / 已签名的是历史版本"
                }
            }
        }
        return text
    }
}
