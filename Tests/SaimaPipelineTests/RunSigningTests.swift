import Foundation
import SaimaBase
import SaimaPipeline
import SaimaRunner
import SaimaStorage
import Testing

/// `RunSigning` in process: key files (modes, format, fingerprint, never overwritten, read back from a file or the
/// environment, refused inside the run folder or when malformed, never shown), and a run folder signed at its start
/// and end that verifies under its key, reports an edited report (naming the history version that was signed), and
/// refuses another key.
@Suite("Signing a run (pipeline, directly)")
struct RunSigningTests {
    static let publicPrefix = "saima-ed25519-public:"

    /// The fingerprint is `SHA256:` and the first 16 bytes of SHA-256 of the raw public key, in groups of four hex
    /// digits; the private file is mode 0600 and holds a 32-byte seed; the public file is exactly its comment and key.
    @Test func keyFilesAndFingerprint() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.root, withIntermediateDirectories: true)
        let (privatePath, publicPath) = (fixture.path("sign.key"), fixture.path("sign.pub"))
        let pub = try RunSigning.generate(privatePath: privatePath, publicPath: publicPath)
        let raw = try #require(Data(base64Encoded: String(pub.text.dropFirst(Self.publicPrefix.count))))
        #expect(pub.text.hasPrefix(Self.publicPrefix) && raw.count == 32)
        let hex = Array(SHA256Digest.hex(raw).prefix(32))
        #expect(pub.fingerprint == "SHA256:" + stride(from: 0, to: 32, by: 4).map { String(hex[$0..<$0 + 4]) }.joined(separator: ":"))
        #expect(try String(contentsOfFile: publicPath, encoding: .utf8)
            == "# Saima round-signing public key (Ed25519), fingerprint \(pub.fingerprint)\n\(pub.text)\n")
        let mode = try FileManager.default.attributesOfItem(atPath: privatePath)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let seedLine = try #require(try String(contentsOfFile: privatePath, encoding: .utf8).split(separator: "\n")
            .first { $0.hasPrefix("saima-ed25519-private:") })
        #expect(Data(base64Encoded: String(seedLine.dropFirst("saima-ed25519-private:".count)))?.count == 32)
        #expect(try RunSigning.publicKey(file: publicPath) == pub)
        #expect(throws: RunSigning.Problem.self) { try RunSigning.publicKey(file: privatePath) }
        do {
            _ = try RunSigning.generate(privatePath: fixture.path("other.key"), publicPath: publicPath)
            Issue.record("an existing key file must never be overwritten")
        } catch {
            #expect("\(error)".contains("sign.pub exists; signing keys are never overwritten"))
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.path("other.key")), "nothing written when refused")
    }

    /// The private key is read from its file, or else from `SAIMA_SIGNING_KEY`; none given is nil; a malformed key
    /// is refused without being shown; a key file inside the run folder is refused.
    @Test func privateKeySources() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.path("run"), withIntermediateDirectories: true)
        let pub = try RunSigning.generate(privatePath: fixture.path("sign.key"), publicPath: fixture.path("sign.pub"))
        let keyText = try String(contentsOfFile: fixture.path("sign.key"), encoding: .utf8)
        #expect(try RunSigning.privateKey(file: fixture.path("sign.key"), runFolder: fixture.path("run"))?.publicKey == pub)
        #expect(try RunSigning.privateKey(file: nil, runFolder: nil, environment: ["SAIMA_SIGNING_KEY": keyText])?.publicKey == pub)
        #expect(try RunSigning.privateKey(file: nil, runFolder: nil, environment: [:])?.publicKey == nil, "no key given")
        let secret = "saima-ed25519-private:c2stc2VjcmV0LWdhcmJhZ2U="
        do {
            _ = try RunSigning.privateKey(file: nil, runFolder: nil, environment: [RunSigning.environmentVariable: secret])
            Issue.record("a key that is not 32 bytes must be refused")
        } catch {
            #expect(!"\(error)".contains("c2stc2VjcmV0") && "\(error)".contains("not shown"))
        }
        try FileManager.default.copyItem(atPath: fixture.path("sign.key"), toPath: fixture.path("run/sign.key"))
        do {
            _ = try RunSigning.privateKey(file: fixture.path("run/sign.key"), runFolder: fixture.path("run"))
            Issue.record("a key inside the published run folder must be refused")
        } catch {
            #expect("\(error)".contains("lies inside the run folder"))
        }
    }

    /// A signed run verifies; signing again keeps one start and one end signature; the private key never reaches the
    /// run folder; an edited report is named with the signed and current hashes and the history copy that matches;
    /// another key and an unsigned folder are reported.
    @Test func signedRunVerifiesAndEditsAreReported() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let folder = fixture.path("run")
        let store = try fixture.store("run", results: [RunFolderFixture.result("alpha", "q0")], round: "signed",
                                      tracks: [RunScoringTests.track(count: 2)], teams: ["alpha"])
        try RunManifestStore.recordChainHead(try store.chainHead(), store: store, folder: folder)
        let manifest = try #require(try RunManifestStore.load(store: store))
        try "{\"round\":\"signed\"}\n".write(toFile: folder + "/leaderboard.json", atomically: true, encoding: .utf8)
        try "<html>v1</html>\n".write(toFile: folder + "/report.html", atomically: true, encoding: .utf8)
        let pub = try RunSigning.generate(privatePath: fixture.path("sign.key"), publicPath: fixture.path("sign.pub"))
        let key = try #require(try RunSigning.privateKey(file: fixture.path("sign.key"), runFolder: folder))

        #expect(RunSigning.verify(folder: folder, publicKey: pub) == ["the run is not signed: signatures.json is missing / 本轮未签名"])
        #expect(RunSigning.fingerprint(folder: folder) == nil)
        try RunSigning.signStart(folder: folder, manifest: manifest, key: key)
        try RunSigning.signEnd(folder: folder, key: key)
        try RunSigning.signStart(folder: folder, manifest: manifest, key: key)
        try RunSigning.signEnd(folder: folder, key: key)
        #expect(RunSigning.verify(folder: folder, publicKey: pub) == [])
        #expect(RunSigning.fingerprint(folder: folder) == pub.fingerprint)
        let signatures = try JSONValue.parse(try String(contentsOfFile: folder + "/signatures.json", encoding: .utf8))
        #expect(signatures["signatures"]?.arrayValue?.compactMap { $0["stage"]?.stringValue } == ["start", "end"])
        #expect(signatures["scheme"] == .string(RunSigning.scheme) && signatures["public_key"] == .string(pub.text))
        let seed = try String(contentsOfFile: fixture.path("sign.key"), encoding: .utf8).split(separator: "\n").last!
            .dropFirst("saima-ed25519-private:".count)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let text = (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) ?? ""
            #expect(!text.contains(seed), "\(name) holds no private key")
        }

        let signed = SHA256Digest.hex("<html>v1</html>\n")
        try FileManager.default.createDirectory(atPath: folder + "/history/v1", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: folder + "/report.html", toPath: folder + "/history/v1/report.html")
        try "<html>v2</html>\n".write(toFile: folder + "/report.html", atomically: true, encoding: .utf8)
        let now = SHA256Digest.hex("<html>v2</html>\n")
        #expect(RunSigning.verify(folder: folder, publicKey: pub) == [
            "report.html differs from what was signed (report_sha256: signed \(signed.prefix(16)), now \(now.prefix(16))) / 与签名不符"
                + "; the signed one is history/v1/report.html: re-sign the current version with --sign-key / 已签名的是历史版本",
        ])

        let other = try RunSigning.generate(privatePath: fixture.path("other.key"), publicPath: fixture.path("other.pub"))
        #expect(RunSigning.verify(folder: folder, publicKey: other)
            == ["signed with another key (\(pub.fingerprint)), not \(other.fingerprint) / 签名公钥不符"])
        let otherKey = try #require(try RunSigning.privateKey(file: fixture.path("other.key"), runFolder: folder))
        #expect(throws: RunSigning.Problem.self) { try RunSigning.signEnd(folder: folder, key: otherKey) }
    }

    /// A value signed empty (`chain_head=` of a run signed before its chain head was recorded) is checked like any
    /// other: a head recorded after the signature is reported, not skipped.
    @Test func aFieldSignedEmptyIsStillChecked() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let folder = fixture.path("run")
        let store = try fixture.store("run", results: [RunFolderFixture.result("alpha", "q0")], round: "signed",
                                      tracks: [RunScoringTests.track(count: 2)], teams: ["alpha"])
        try "{}\n".write(toFile: folder + "/leaderboard.json", atomically: true, encoding: .utf8)
        try "<html></html>\n".write(toFile: folder + "/report.html", atomically: true, encoding: .utf8)
        let pub = try RunSigning.generate(privatePath: fixture.path("sign.key"), publicPath: fixture.path("sign.pub"))
        let key = try #require(try RunSigning.privateKey(file: fixture.path("sign.key"), runFolder: folder))
        let manifest = try #require(try RunManifestStore.load(store: store))
        #expect(manifest.chainHead == nil)
        try RunSigning.signStart(folder: folder, manifest: manifest, key: key)
        try RunSigning.signEnd(folder: folder, key: key)
        #expect(RunSigning.verify(folder: folder, publicKey: pub) == [])
        let head = try store.chainHead()
        try RunManifestStore.recordChainHead(head, store: store, folder: folder)
        let problems = RunSigning.verify(folder: folder, publicKey: pub)
        #expect(problems.contains { $0.hasPrefix("the result chain head 结果链头 differs from what was signed (chain_head: signed , now \(head.prefix(16)))") },
                "\(problems)")
    }
}
