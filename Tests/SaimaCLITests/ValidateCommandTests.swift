import Foundation
import SaimaTestSupport
import Testing

@Suite("saima validate and tracks as a user runs them")
struct ValidateCommandTests {
    @Test func runsTheSaimaBuiltBesideTheseTests() {
        // Not a stale `.build/debug/saima` from another build: the executable in this test binary's folder.
        let tests = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        #expect(URL(fileURLWithPath: SaimaBinary.path).deletingLastPathComponent().path == tests.path)
        #expect(FileManager.default.isExecutableFile(atPath: SaimaBinary.path))
    }

    @Test func bundledTreeIsValid() async throws {
        let root = SaimaBinary.repositoryRoot
        let r = try await SaimaBinary.run(["validate"], directory: root)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("OK: 7 tracks"))
    }

    @Test func brokenTreeReportsEveryProblemAndExitsOne() async throws {
        let dir = NSTemporaryDirectory() + "saima-cli-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/T/law/questions", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: dir + "/S/team", withIntermediateDirectories: true)
        try """
            id: law
            name: {zh: 法律, en: Law}
            question_sets:
              - id: a
                file: questions/a.jsonl
                pilot_unit: {zh: 法院}
                split: dev
              - id: b
                file: questions/missing.jsonl
                pilot_unit: {zh: 法院}
                split: hidden
            """.write(toFile: dir + "/T/law/track.yaml", atomically: true, encoding: .utf8)
        try """
            {"id":"x1","type":"single_choice","prompt":"?","choices":{"A":"a","B":"b"},"answer":"C"}
            not json
            {"id":"x1","type":"true_false","prompt":"?","answer":true}
            """.write(toFile: dir + "/T/law/questions/a.jsonl", atomically: true, encoding: .utf8)
        try "team: {zh: 队}\ntracks: [space]\nendpoint: {base_url: 'http://127.0.0.1:1/v1', model: m}\n"
            .write(toFile: dir + "/S/team/submission.yaml", atomically: true, encoding: .utf8)
        let r = try await SaimaBinary.run(["validate", "--tracks", dir + "/T", "--submissions", dir + "/S"])
        #expect(r.status == 1)
        let output = r.stdout + r.stderr
        #expect(output.contains("/T/law/questions/a.jsonl:1: error: item `x1`: answer names no choice: C"))
        #expect(output.contains("/T/law/questions/a.jsonl:2: error: malformed JSON line"))
        #expect(output.contains("/T/law/questions/a.jsonl:3: error: duplicate item id `x1` (first on line 1)"))
        #expect(output.contains("/T/law/track.yaml:9: error: question set `b`: file `questions/missing.jsonl` does not exist"))
        #expect(output.contains("/T/law/track.yaml:11: error: split `hidden` must be dev or test"))
        #expect(output.contains("/S/team/submission.yaml:2: error: unknown track `space`"))
    }

    @Test func tracksListAsJSONHasSevenTracksAndEveryType() async throws {
        let r = try await SaimaBinary.run(["tracks", "list", "--format", "json"], directory: SaimaBinary.repositoryRoot)
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let tracks = try #require(json?["tracks"] as? [[String: Any]])
        #expect(tracks.compactMap { $0["id"] as? String }.sorted()
            == ["audiovisual", "education", "finance", "government", "legal", "medical", "tourism"])
        var types: Set<String> = []
        for t in tracks {
            #expect(((t["question_sets"] as? [Any])?.count ?? 0) >= 2)
            types.formUnion(((t["types"] as? [String: Any]) ?? [:]).keys)
            #expect(((t["items"] as? [String: Any])?["dev"] as? Int ?? 0) >= 30)
        }
        #expect(types == ["single_choice", "multi_choice", "true_false", "short_answer", "numeric", "generation", "extraction"])
    }
}
