import Foundation
import GRDB
import SaimaEndpointServer
import SaimaTestSupport
import Testing

/// Issue 21, results anyone can verify: a run signed with the organizer's Ed25519 key verifies under its public key,
/// and one changed byte in the manifest, the database, the leaderboard or the report — or another key, or an edited
/// signature — makes `round verify --public-key` fail and say what. The private key never reaches the run folder.
@Suite("Signed runs", .serialized)
struct RunSigningTests {
    static func copy(_ folder: String) throws -> String {
        let to = folder + "-copy-" + UUID().uuidString.prefix(6)
        try FileManager.default.copyItem(atPath: folder, toPath: to)
        return to
    }

    static func flipByte(in path: String, after marker: String) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let m = [UInt8](marker.utf8)
        let offset = try #require((0...(bytes.count - m.count - 1)).first { bytes[$0..<($0 + m.count)].elementsEqual(m) })
        bytes[offset + m.count] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test func aSignedRunVerifiesAndEveryChangedByteIsNamed() async throws {
        let server = try await LocalEndpointServer.start { _ in .json(200, ChatCompletionJSON.completion(content: "答案：A", model: "m")) }
        let root = NSTemporaryDirectory() + "saima-sign-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try ContestTree.write(
            root: root, track: "law", trackName: ("法律", "Law"), set: "s1",
            items: (1...10).map { #"{"id":"q\#($0)","type":"single_choice","prompt":"第\#($0)题","choices":{"A":"甲","B":"乙"},"answer":"A"}"# },
            teams: [ContestTree.Team(id: "alpha", zh: "甲队", en: "Alpha")], port: server.port, maxConcurrency: 4, timeoutSeconds: 60)

        let generate = try await SaimaBinary.run(["signing-key", "generate", "--private", "org.key", "--public", "org.pub"], directory: root)
        #expect(generate.status == 0, "\(generate.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: root + "/org.key")[.posixPermissions] as? Int
        #expect(mode == 0o600, "the private key is readable by its owner only")
        let again = try await SaimaBinary.run(["signing-key", "generate", "--private", "org.key", "--public", "org2.pub"], directory: root)
        #expect(again.status != 0 && again.stderr.contains("never overwritten"), "an existing key is never replaced")
        let privateLine = try #require(try String(contentsOfFile: root + "/org.key", encoding: .utf8)
            .split(separator: "\n").first { $0.hasPrefix("saima-ed25519-private:") })
        let secret = String(privateLine.dropFirst("saima-ed25519-private:".count))

        let out = root + "/out"
        let base = ["--tracks", "Tracks", "--submissions", "Submissions", "--out", out]
        let run = try await SaimaBinary.run(["run"] + base + ["--sign-key", "org.key"], directory: root)
        await server.stop()
        #expect(run.status == 0, "\(run.stderr)")
        let fingerprint = try #require(generate.stdout.split(separator: "\n").first { $0.hasPrefix("fingerprint") }?
            .split(separator: " ").last.map(String.init))
        #expect(try String(contentsOfFile: out + "/report.html", encoding: .utf8).contains(fingerprint), "the report prints the key's fingerprint")
        for name in try FileManager.default.subpathsOfDirectory(atPath: out) {
            let data = FileManager.default.contents(atPath: out + "/" + name) ?? Data()
            #expect(!String(decoding: data, as: UTF8.self).contains(secret), "\(name) holds no private key")
        }

        let verify = try await SaimaBinary.run(["round", "verify", "--out", out, "--public-key", "org.pub"], directory: root)
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("signatures verified under 签名已校验 \(fingerprint)"))

        // One changed byte in each published file, and in the database.
        let cases: [(String, (String) throws -> Void, String)] = [
            ("leaderboard", { try Self.flipByte(in: $0 + "/leaderboard.json", after: "\"score\": ") }, "leaderboard.json differs from what was signed"),
            ("report", { try Self.flipByte(in: $0 + "/report.html", after: "<h1") }, "report.html differs from what was signed"),
            ("manifest", { try Self.flipByte(in: $0 + "/manifest.json", after: "\"round\": \"") }, "manifest.json differs"),
            ("database", { folder in
                let db = try DatabaseQueue(path: folder + "/run.sqlite")
                try db.write { try $0.execute(sql: "UPDATE results SET content = '答案：B' WHERE seq = 3") }
            }, "does not match its chain hash"),
            ("signature", { folder in
                let path = folder + "/signatures.json"
                let text = try String(contentsOfFile: path, encoding: .utf8)
                try text.replacingOccurrences(of: "chain_rows=10", with: "chain_rows=11").write(toFile: path, atomically: true, encoding: .utf8)
            }, "the end signature does not verify"),
        ]
        for (name, tamper, message) in cases {
            let copy = try Self.copy(out)
            defer { try? FileManager.default.removeItem(atPath: copy) }
            try tamper(copy)
            let result = try await SaimaBinary.run(["round", "verify", "--out", copy, "--public-key", "org.pub"], directory: root)
            #expect(result.status == 1, "\(name): verify fails")
            #expect(result.stderr.contains(message), "\(name): \(result.stderr)")
        }

        // Another key does not verify the run; a key inside the run folder is refused.
        _ = try await SaimaBinary.run(["signing-key", "generate", "--private", "other.key", "--public", "other.pub"], directory: root)
        let other = try await SaimaBinary.run(["round", "verify", "--out", out, "--public-key", "other.pub"], directory: root)
        #expect(other.status == 1 && other.stderr.contains("signed with another key"), "\(other.stderr)")
        try FileManager.default.copyItem(atPath: root + "/org.key", toPath: out + "/org.key")
        let inside = try await SaimaBinary.run(["report", "--out", out, "--sign-key", out + "/org.key"], directory: root)
        #expect(inside.status != 0 && inside.stderr.contains("inside the run folder"), "\(inside.stderr)")
    }
}
