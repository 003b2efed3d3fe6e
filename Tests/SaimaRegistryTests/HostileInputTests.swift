import Foundation
import SaimaBase
import Testing

@testable import SaimaRegistry

/// Hostile or careless submission and round files (issue 11's table, by row number): every bad value is a
/// located error, nothing traps, nothing grows without bound.
struct HostileInputTests {
    static func submission(_ endpoint: String, team: String = "team-a") throws -> (TrackFixture, [Diagnostic], String) {
        let fixture = try TrackFixture()
        try fixture.writeValidFinance()
        let registry = try TrackRegistry.load(roots: [fixture.path("public")])
        let path = try fixture.write(
            "subs/\(team)/submission.yaml",
            "team: {zh: 甲队, en: Team A}\ntracks: [finance]\nendpoint:\n  model: m\n" + endpoint)
        var diagnostics: [Diagnostic] = []
        _ = SubmissionLoader.load(root: fixture.path("subs"), registry: registry, diagnostics: &diagnostics)
        return (fixture, diagnostics, path)
    }

    @Test(arguments: [
        ("  timeout_seconds: 1e300\n", "`timeout_seconds` must be a number from 0.001 to 3600"),
        ("  connect_timeout_seconds: 1e300\n", "`connect_timeout_seconds` must be a number from 0.001 to 600"),
        ("  max_concurrency: 1e19\n", "`max_concurrency` must be a whole number from 1 to 1024"),
        ("  max_concurrency: 10000000000000000000\n", "`max_concurrency` must be a whole number from 1 to 1024"),
        ("  max_concurrency: 2.5\n", "`max_concurrency` must be a whole number from 1 to 1024"),
        ("  requests_per_minute: .inf\n", "`requests_per_minute` must be a number from 1 to 1000000"),
    ])
    func row3ExtremeNumbersAreLocatedErrors(line: String, message: String) throws {
        let (fixture, diagnostics, path) = try Self.submission("  base_url: http://127.0.0.1:9/v1\n" + line)
        defer { fixture.remove() }
        #expect(diagnostics.contains { $0.path == path && $0.line == 6 && $0.message == message }, "\(diagnostics)")
    }

    @Test(arguments: ["HOME", "PATH", "AWS_SECRET_ACCESS_KEY", "SAIMA_KEY_TEAM_B", "SAIMA_KEY_"])
    func row4KeyVariablesOtherThanTheTeamsOwnAreRefused(variable: String) throws {
        let (fixture, diagnostics, path) = try Self.submission(
            "  base_url: http://127.0.0.1:9/v1\n  api_key_env: \(variable)\n")
        defer { fixture.remove() }
        #expect(diagnostics.contains { $0.path == path && $0.line == 6 && $0.message.contains("must be SAIMA_KEY_TEAM_A") })
    }

    @Test func row4TheTeamsOwnVariableIsAccepted() throws {
        let (fixture, diagnostics, _) = try Self.submission(
            "  base_url: http://127.0.0.1:9/v1\n  api_key_env: SAIMA_KEY_TEAM_A\n")
        defer { fixture.remove() }
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test(arguments: [
        "http://127.0.0.1:9/admin/secret#", "http://127.0.0.1:9/v1?x=1", "http://user:password@127.0.0.1:9/v1",
        "http://token@127.0.0.1:9/v1", "ftp://127.0.0.1/v1", "http:///v1",
    ])
    func row6and13URLsWithFragmentsQueriesOrCredentialsAreRefused(url: String) throws {
        let (fixture, diagnostics, path) = try Self.submission("  base_url: \"\(url)\"\n")
        defer { fixture.remove() }
        #expect(diagnostics.contains { $0.path == path && $0.line == 5 && $0.message.contains("base_url") })
        #expect(!diagnostics.contains { $0.description.contains("password@") }, "the password is never echoed")
    }

    @Test func row10AnAliasBombIsRefusedQuickly() throws {
        var yaml = "  base_url: http://127.0.0.1:9/v1\n  extra_body:\n    a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            let refs = Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ")
            yaml += "    a\(i): &a\(i) [\(refs)]\n"
        }
        let started = Date()
        let (fixture, diagnostics, path) = try Self.submission(yaml)
        defer { fixture.remove() }
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(diagnostics.contains { $0.path == path && $0.message.contains("expands to more than 200000 values") })
    }

    @Test func roundFileSeedAndCountsAreRangeChecked() throws {
        let fixture = try TrackFixture()
        defer { fixture.remove() }
        let path = try fixture.write(
            "Rounds/r.yaml", "name: r\nseed: 1e30\nsamples: 0\nrunner: {max_in_flight: 1e19, timeout_ceiling_seconds: -1}\n")
        #expect {
            try RoundFile.load(path: path)
        } throws: { error in
            let messages = (error as? DiagnosticsError)?.diagnostics.map(\.message) ?? []
            return messages.contains("`seed` must be a whole number from 0 to \(UInt64.max)")
                && messages.contains("`samples` must be a whole number from 1 to 100")
                && messages.contains("`max_in_flight` must be a whole number from 1 to 100000")
                && messages.contains("`timeout_ceiling_seconds` must be a number from 0.001 to 3600")
        }
        // The largest seed `--seed` accepts is accepted here too, exactly; one more is refused.
        let largest = try fixture.write("Rounds/max.yaml", "name: r\nseed: 18446744073709551615\n")
        #expect(try RoundFile.load(path: largest).seed == .max)
        let hex = try fixture.write("Rounds/hex.yaml", "name: r\nseed: 0x2A\n")
        #expect(try RoundFile.load(path: hex).seed == 42)
        let over = try fixture.write("Rounds/over.yaml", "name: r\nseed: 18446744073709551616\n")
        #expect(throws: DiagnosticsError.self) { try RoundFile.load(path: over) }
    }

    @Test func keysFileMustBePrivateOutsideTheRepositoryAndWellFormed() throws {
        let fixture = try TrackFixture()
        defer { fixture.remove() }
        let path = try fixture.write("keys.env", "# organizer keys\nteam-a=sk-test-aaaa\nnot a line\nteam-b = \n")
        chmod(path, 0o644)
        #expect {
            try KeysFile.load(path: path, workingDirectory: "/nonexistent")
        } throws: { error in
            let d = (error as? DiagnosticsError)?.diagnostics ?? []
            return d.contains { $0.message.contains("chmod 600") } && d.contains { $0.line == 3 }
                && d.contains { $0.line == 4 } && !d.contains { $0.description.contains("sk-test") }
        }
        try "team-a=sk-test-aaaa\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o600)
        #expect(try KeysFile.load(path: path, workingDirectory: "/nonexistent") == ["team-a": "sk-test-aaaa"])
        // Inside a git working tree: refused.
        try FileManager.default.createDirectory(atPath: fixture.root + "/.git", withIntermediateDirectories: true)
        #expect(throws: DiagnosticsError.self) { try KeysFile.load(path: path, workingDirectory: fixture.root) }
    }
}

/// Files that try to leave their track folder (issue 11 rows 7 and 8).
struct TrackFolderEscapeTests {
    @Test func row7SymlinkedAttachmentsAndFoldersAreRefused() throws {
        let fixture = try TrackFixture()
        defer { fixture.remove() }
        try fixture.writeValidFinance()
        let secret = try fixture.write("outside/secret.txt", "db_password=hunter2")
        try FileManager.default.createDirectory(
            atPath: fixture.path("public/finance/att"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: fixture.path("public/finance/att/pw.png"), withDestinationPath: secret)
        try FileManager.default.createSymbolicLink(
            atPath: fixture.path("public/finance/linked"), withDestinationPath: fixture.path("outside"))
        try fixture.write("public/finance/questions/credit.jsonl", TrackFixture.creditItems + """
            {"id":"x1","type":"generation","prompt":"看图","answer":"参考","attachments":[{"kind":"image","file":"att/pw.png"}]}
            {"id":"x2","type":"generation","prompt":"看图","answer":"参考","attachments":[{"kind":"image","file":"linked/secret.txt"}]}

            """)
        var diagnostics: [Diagnostic] = []
        _ = TrackRegistry.load(roots: [fixture.path("public")], diagnostics: &diagnostics)
        let messages = diagnostics.map(\.description)
        #expect(messages.contains { $0.contains("credit.jsonl:5:") && $0.contains("`att/pw.png` must be a file inside the track folder") })
        #expect(messages.contains { $0.contains("credit.jsonl:6:") && $0.contains("`linked/secret.txt` must be a file inside the track folder") })
    }

    @Test func row8DatasetsAndQuestionFilesOutsideTheTrackAreRefused() throws {
        let fixture = try TrackFixture()
        defer { fixture.remove() }
        try fixture.writeValidFinance()
        try fixture.write("outside/secret.md", "# secret\n## s1 x\nhunter2\n")
        try fixture.write("public/finance/track.yaml", TrackFixture.financeYAML
            .replacingOccurrences(of: "file: datasets/rules.md", with: "file: ../../outside/secret.md")
            .replacingOccurrences(of: "file: questions/credit.jsonl", with: "file: /etc/passwd"))
        var diagnostics: [Diagnostic] = []
        _ = TrackRegistry.load(roots: [fixture.path("public")], diagnostics: &diagnostics)
        #expect(diagnostics.contains { $0.message.contains("dataset `../../outside/secret.md` must be a file inside the track folder") })
        #expect(diagnostics.contains { $0.message.contains("question file `/etc/passwd` must be a file inside the track folder") })
        #expect(!diagnostics.contains { $0.description.contains("hunter2") })
    }
}

/// Ids with control characters (issue 11 row 11): a NUL would merge two items and break resume.
struct ControlCharacterIDTests {
    @Test func row11IDsWithControlCharactersAreRefused() throws {
        let fixture = try TrackFixture()
        defer { fixture.remove() }
        try fixture.writeValidFinance()
        try fixture.write("public/finance/questions/credit.jsonl", TrackFixture.creditItems + """
            {"id":"c1\\u0000x","type":"true_false","prompt":"是否？","answer":true}
            {"id":"c1\\u001b[2J","type":"true_false","prompt":"是否？","answer":true}

            """)
        var diagnostics: [Diagnostic] = []
        _ = TrackRegistry.load(roots: [fixture.path("public")], diagnostics: &diagnostics)
        #expect(diagnostics.filter { $0.message.contains("must not contain control characters") }.map(\.line) == [5, 6])
    }
}
