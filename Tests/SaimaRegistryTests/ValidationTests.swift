import Foundation
import SaimaBase
import SaimaModel
import Testing

@testable import SaimaRegistry

@Suite("Validation reports every problem with path:line")
struct ValidationTests {
    /// A track folder with one problem of each kind on known lines.
    static let brokenItems = """
        {"id":"b1","type":"single_choice","prompt":"好题","choices":{"A":"一","B":"二"},"answer":"A"}
        {"id":"b2","type":"single_choice","prompt":"坏 JSON","answer":"A",
        {"id":"b3","type":"essay","prompt":"未知题型","answer":"x"}
        {"id":"b4","type":"numeric","prompt":"缺答案"}
        {"id":"b5","type":"single_choice","prompt":"答案不在选项中","choices":{"A":"一","B":"二"},"answer":"E"}
        {"id":"b1","type":"true_false","prompt":"重复 ID","answer":false}
        {"id":"b7","type":"generation","prompt":"缺附件","answer":"参考","attachments":[{"kind":"image","file":"attachments/none.png"}]}
        {"id":"b8","type":"short_answer","prompt":"引用不存在的章节","answer":"x","dataset":"rules","section":"s9"}

        """

    func brokenTree() throws -> TrackFixture {
        let fixture = try TrackFixture()
        try fixture.write(
            "tracks/legal/track.yaml",
            """
            id: legal
            name: {zh: 法律, en: Legal}
            question_sets:
              - id: statutes
                file: questions/statutes.jsonl
                pilot_unit: {zh: 测试法院, en: Test Court}
                split: dev
              - id: missing
                file: questions/missing.jsonl
                pilot_unit: {zh: 测试法院, en: Test Court}
                split: dev
              - id: statutes
                file: questions/statutes.jsonl
                pilot_unit: {zh: 测试法院, en: Test Court}
                split: dev
            datasets:
              - id: rules
                file: datasets/rules.md
            """)
        try fixture.write("tracks/legal/questions/statutes.jsonl", Self.brokenItems)
        try fixture.write("tracks/legal/datasets/rules.md", "## s1 总则\n内容\n")
        try fixture.write("tracks/medical/track.yaml", "id: medical\nname: {zh: 医疗\nquestion_sets: [\n")
        return fixture
    }

    @Test func reportsAllProblemsOfABrokenTrackAtOnce() throws {
        let fixture = try brokenTree()
        defer { fixture.remove() }
        var diagnostics: [Diagnostic] = []
        _ = TrackRegistry.load(roots: [fixture.path("tracks")], diagnostics: &diagnostics)
        let items = fixture.path("tracks/legal/questions/statutes.jsonl")
        let yaml = fixture.path("tracks/legal/track.yaml")
        func has(_ path: String, _ line: Int, _ fragment: String) -> Bool {
            diagnostics.contains { $0.path == path && $0.line == line && $0.message.contains(fragment) }
        }
        #expect(has(items, 2, "malformed JSON line"))
        #expect(has(items, 3, "unknown type `essay`"))
        #expect(has(items, 4, "missing field `answer`"))
        #expect(has(items, 5, "answer names no choice: E"))
        #expect(has(items, 6, "duplicate item id `b1` (first on line 1)"))
        #expect(has(items, 7, "attachment `attachments/none.png` does not exist"))
        #expect(has(items, 8, "has no section `s9`"))
        #expect(has(yaml, 9, "file `questions/missing.jsonl` does not exist"))
        #expect(has(yaml, 12, "duplicate question set id `statutes`"))
        #expect(diagnostics.contains {
            $0.path.hasSuffix("medical/track.yaml") && $0.line > 0 && $0.message.hasPrefix("malformed YAML")
        })
        #expect(diagnostics.allSatisfy { !$0.description.isEmpty && $0.description.contains(": error: ") })
    }

    @Test func rendersLikeACompiler() {
        let d = Diagnostic(path: "Tracks/x/track.yaml", line: 7, message: "missing field `id`")
        #expect(d.description == "Tracks/x/track.yaml:7: error: missing field `id`")
    }

    @Test func submissionProblems() throws {
        let fixture = try TrackFixture()
        defer { fixture.remove() }
        try fixture.writeValidFinance()
        let registry = try TrackRegistry.load(roots: [fixture.path("public")])
        let path = try fixture.write(
            "subs/team-a/submission.yaml",
            """
            team: {zh: 甲队, en: Team A}
            tracks: [finance, space]
            endpoint:
              base_url: http://127.0.0.1:9/v1
              model: m
              api_key_env: sk-live-3f9a8b7c6d5e4f3a2b1c0d9e
            """)
        try fixture.write("subs/team-b/submission.yaml", "team: {zh: 乙队}\ntracks: [finance]\n")
        var diagnostics: [Diagnostic] = []
        let subs = SubmissionLoader.load(root: fixture.path("subs"), registry: registry, diagnostics: &diagnostics)
        #expect(subs.isEmpty)
        #expect(diagnostics.contains { $0.path == path && $0.line == 2 && $0.message.contains("unknown track `space`") })
        #expect(diagnostics.contains { $0.path == path && $0.line == 6 && $0.message.contains("NAME of an environment variable") })
        // The secret itself is never echoed.
        #expect(!diagnostics.contains { $0.description.contains("3f9a8b7c") })
        #expect(diagnostics.contains { $0.path.hasSuffix("team-b/submission.yaml") && $0.message == "missing field `endpoint`" })
    }

    @Test(arguments: [
        ("TEAM_A_KEY", true), ("OPENAI_API_KEY", true), ("sk-abc", false), ("Bearer xyz", false),
        ("a8f9c7d6e5b4a3f2e1d0c9b8a7f6", false), ("has space", false), ("9LIVES", false),
    ])
    func apiKeyEnvNames(value: String, acceptable: Bool) {
        #expect((APIKeyEnvCheck.problem(with: value) == nil) == acceptable)
    }

    @Test func validSubmissionLoads() throws {
        let fixture = try TrackFixture()
        defer { fixture.remove() }
        try fixture.writeValidFinance()
        let registry = try TrackRegistry.load(roots: [fixture.path("public")])
        try fixture.write(
            "subs/team-a/submission.yaml",
            """
            team: {zh: 甲队, en: Team A}
            contact: a@example.org
            tracks: [finance]
            endpoint:
              base_url: http://127.0.0.1:8001/v1/
              model: team-model-v1
              api_key_env: SAIMA_KEY_TEAM_A
              max_concurrency: 8
              requests_per_minute: 600
              timeout_seconds: 30
              extra_body: {temperature: 0, stop: ["\\n\\n"]}
            """)
        let subs = try SubmissionLoader.load(root: fixture.path("subs"), registry: registry)
        let s = try #require(subs.first)
        #expect(s.id == "team-a")
        #expect(s.endpoint.baseURL == "http://127.0.0.1:8001/v1")
        #expect(s.endpoint.maxConcurrency == 8)
        #expect(s.endpoint.requestsPerMinute == 600)
        #expect(s.endpoint.extraBody["temperature"] == .number(0))
        #expect(s.endpoint.extraBody["stop"] == .array([.string("\n\n")]))
        #expect(s.endpoint.http2 == false)
    }
}
