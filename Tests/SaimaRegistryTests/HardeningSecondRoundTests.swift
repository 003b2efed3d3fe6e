import Foundation
import SaimaBase
import SaimaModel
import Testing

@testable import SaimaRegistry

/// Issue 19 ("Hardening, second round"), by row number: keys that cannot cross teams, names without control
/// characters, keys never echoed in errors.
struct HardeningSecondRoundTests {
    static func submissions(_ teams: [(id: String, name: String)]) throws -> (TrackFixture, [Submission], [Diagnostic]) {
        let fixture = try TrackFixture()
        try fixture.writeValidFinance()
        let registry = try TrackRegistry.load(roots: [fixture.path("public")])
        for team in teams {
            _ = try fixture.write(
                "subs/\(team.id)/submission.yaml",
                "team: \(team.name)\ntracks: [finance]\nendpoint:\n  base_url: http://127.0.0.1:9/v1\n  model: m\n")
        }
        var diagnostics: [Diagnostic] = []
        let loaded = SubmissionLoader.load(root: fixture.path("subs"), registry: registry, diagnostics: &diagnostics)
        return (fixture, loaded, diagnostics)
    }

    @Test func row1TeamIdsThatShareAKeyVariableAreRefusedNamingBoth() throws {
        let (fixture, _, diagnostics) = try Self.submissions([("a-b", "{zh: 甲, en: A}"), ("a_b", "{zh: 乙, en: B}")])
        defer { fixture.remove() }
        let clash = diagnostics.filter { $0.message.contains("SAIMA_KEY_A_B") }
        #expect(clash.count == 1, "\(diagnostics)")
        #expect(clash.first.map { $0.message.contains("`a-b`") && $0.message.contains("`a_b`") } == true)
        // Distinct variables load cleanly.
        let (other, loaded, clean) = try Self.submissions([("a-b", "{zh: 甲, en: A}"), ("ab", "{zh: 乙, en: B}")])
        defer { other.remove() }
        #expect(clean.isEmpty, "\(clean)")
        #expect(loaded.count == 2)
    }

    @Test(arguments: ["\"\\e]0;owned\\a甲队\"", "\"甲\\e[2J队\"", "\"\\e]52;c;ZWNobyBoaQ==\\a\"", "\"队\\u202Eevil\"", "\"A\\x7F\""])
    func row14ControlCharactersInNamesAreRefused(name: String) throws {
        let (fixture, _, diagnostics) = try Self.submissions([("team-a", name)])
        defer { fixture.remove() }
        #expect(diagnostics.contains { $0.message.contains("control character") && $0.line == 1 }, "\(diagnostics)")
    }

    @Test func row15AMalformedKeysFileLineNeverShowsTheKey() throws {
        let fixture = try TrackFixture()
        defer { fixture.remove() }
        let path = try fixture.write("keys.env", "sk-LIVE_0123456789ABCDEFGHIJ=team-a\n")
        chmod(path, 0o600)
        #expect {
            try KeysFile.load(path: path, workingDirectory: "/nonexistent")
        } throws: { error in
            let d = (error as? DiagnosticsError)?.diagnostics ?? []
            return d.count == 1 && d[0].line == 1 && !d[0].description.contains("LIVE") && !d[0].description.contains("0123")
        }
    }
}
