import Foundation
import GRDB
import SaimaEndpointServer
import SaimaBase
import SaimaTestSupport
import Testing

/// The organizer's and contestant's workflows end to end, through the real `saima` binary.
@Suite("Demo, verify, self-test and bundle", .serialized)
struct RoundWorkflowTests {
    static func temporaryFolder() -> String { NSTemporaryDirectory() + "saima-e2e-" + UUID().uuidString }

    /// A copy of the bundled tracks and submissions that a test may modify.
    static func copyOfRepository() throws -> String {
        let dir = temporaryFolder()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for name in ["Tracks", "Submissions"] {
            try FileManager.default.copyItem(
                atPath: SaimaBinary.repositoryRoot + "/" + name, toPath: dir + "/" + name)
        }
        return dir
    }

    static func leaderboard(_ folder: String) throws -> JSONValue {
        try JSONValue.parse(try Data(contentsOf: URL(fileURLWithPath: folder + "/leaderboard.json")))
    }

    static func score(_ board: JSONValue, track: String?, team: String) -> Double? {
        let entries: JSONValue?
        if let track {
            entries = board["tracks"]?.arrayValue?.first { $0["track"]?.stringValue == track }?["entries"]
        } else {
            entries = board["overall"]?["entries"]
        }
        return entries?.arrayValue?.first { $0["team"]?.stringValue == team }?["score"]?.numberValue
    }

    @Test func demoRanksBaselinesPlausiblyAndRetriesTheFlakyTeam() async throws {
        let out = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try await SaimaBinary.run(["demo", "--out", out, "--quiet"], directory: SaimaBinary.repositoryRoot)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("report.html"))
        let board = try Self.leaderboard(out)
        for track in [nil, "government", "legal", "tourism"] {
            let keyword = try #require(Self.score(board, track: track, team: "keyword-lab"))
            let random = try #require(Self.score(board, track: track, team: "random-guess"))
            #expect(keyword > random, "keyword should beat random on \(track ?? "overall")")
        }
        // The flaky team's 429s and 500s were retried until answered, and every attempt is on record.
        let db = try DatabaseQueue(path: out + "/run.sqlite")
        let retried = try await db.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM results WHERE team = 'flaky-cloud' AND outcome = 'ok'
                AND (attempts LIKE '%"status":429%' OR attempts LIKE '%"status":500%')
                """) ?? 0
        }
        #expect(retried > 5)
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(html.contains("不稳定云"))
        // The bundled rubric items wait for a judge: the results say they are provisional, with the counts.
        #expect(board["status"]?.stringValue == "provisional")
        #expect((board["pending"]?["keyword-lab"]?.objectValue?.count ?? 0) > 0)
        #expect(html.contains("Provisional:"))
        // Issue 11 row 13: the public files name no endpoint, request setting or local path.
        let publicText = try String(contentsOfFile: out + "/leaderboard.json", encoding: .utf8) + html
        for secret in ["base_url", "127.0.0.1", "extra_body", "api_key_env", "timeout_seconds", out] {
            #expect(!publicText.contains(secret), "public files must not show \(secret)")
        }
        // Raw answers for contestants and judges: one record per request.
        let jsonl = try await SaimaBinary.run(["export", "--out", out])
        let records = jsonl.stdout.split(separator: "\n").map { try? JSONValue.parse(String($0)) }
        // One record per (team, item of the team's tracks), counted from the manifest the run froze.
        let manifest = try JSONValue.parse(try Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json")))
        var itemsPerTrack: [String: Int] = [:]
        for set in manifest["question_sets"]?.arrayValue ?? [] {
            itemsPerTrack[set["track"]?.stringValue ?? "", default: 0] += Int(set["items"]?.numberValue ?? 0)
        }
        let expected = (manifest["teams"]?.arrayValue ?? []).reduce(0) { sum, team in
            sum + (team["tracks"]?.arrayValue ?? []).compactMap(\.stringValue).reduce(0) { $0 + (itemsPerTrack[$1] ?? 0) }
        }
        #expect(expected > 600, "three teams over the bundled dev sets")
        #expect(records.count == expected)
        #expect(records.allSatisfy { $0?["outcome"] != nil && $0?["score"] != nil && $0?["content"] != nil })
        let csv = try await SaimaBinary.run(["export", "--out", out, "--format", "csv", "--output", out + "/raw.csv"])
        #expect(csv.status == 0)
        let csvText = try String(contentsOfFile: out + "/raw.csv", encoding: .utf8)
        #expect(csvText.contains("team,track,set,item,sample,outcome,attempts,http_status,latency_ms,ttft_ms,content,extracted,rule,confidence,score,reason"))
    }

    @Test func verifyDetectsAChangedSetAndEditedOrDeletedResults() async throws {
        let root = try Self.copyOfRepository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = root + "/run"
        let args = ["--tracks", root + "/Tracks", "--submissions", root + "/Submissions"]
        #expect(try await SaimaBinary.run(["demo", "--out", out, "--quiet"] + args).status == 0)
        let clean = try await SaimaBinary.run(["round", "verify", "--out", out] + args)
        #expect(clean.status == 0, "\(clean.stderr)")

        let file = root + "/Tracks/finance/questions/credit-compliance.jsonl"
        let original = try String(contentsOfFile: file, encoding: .utf8)
        try original.replacingOccurrences(of: "贷款", with: "贷欵", options: [], range: original.range(of: "贷款"))
            .write(toFile: file, atomically: true, encoding: .utf8)
        let changed = try await SaimaBinary.run(["round", "verify", "--out", out] + args)
        #expect(changed.status == 1)
        #expect(changed.stderr.contains("question set finance/credit-compliance changed"))
        try original.write(toFile: file, atomically: true, encoding: .utf8)

        let db = try DatabaseQueue(path: out + "/run.sqlite")
        try await db.write { db in
            try db.execute(sql: "UPDATE results SET content = '答案：A（篡改 tampered）' WHERE seq = 10")
        }
        let edited = try await SaimaBinary.run(["round", "verify", "--out", out] + args)
        #expect(edited.status == 1)
        #expect(edited.stderr.contains("(row 10) does not match its chain hash"))

        try await db.write { db in try db.execute(sql: "DELETE FROM results WHERE seq = 20") }
        let deleted = try await SaimaBinary.run(["round", "verify", "--out", out] + args)
        #expect(deleted.stderr.contains("row(s) 20–20 were deleted"))
    }

    @Test func selftestGivesTheSameScoresAsTheOfficialRun() async throws {
        let server = try await BaselineServer.start(persona: .keyword, port: 0, model: "keyword-baseline")
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/Submissions/kw", withIntermediateDirectories: true)
        try """
            team: {zh: 关键词, en: Keyword}
            tracks: [government, legal, audiovisual]
            endpoint: {base_url: "\(server.baseURL)", model: keyword-baseline, max_concurrency: 4}
            """.write(toFile: root + "/Submissions/kw/submission.yaml", atomically: true, encoding: .utf8)
        let tracks = ["--track", "government", "--track", "legal", "--track", "audiovisual"]
        let official = try await SaimaBinary.run(
            ["run", "--round", "official", "--submissions", root + "/Submissions", "--out", root + "/official"] + tracks,
            directory: SaimaBinary.repositoryRoot)
        #expect(official.status == 0, "\(official.stderr)")
        let selftest = try await SaimaBinary.run(
            // As team `kw`: the same choice orders as the official run (same seed), so the same scores.
            ["selftest", "--endpoint", server.baseURL, "--model", "keyword-baseline", "--out", root + "/self", "--team", "kw"]
                + tracks,
            directory: SaimaBinary.repositoryRoot)
        await server.stop()
        #expect(selftest.status == 0, "\(selftest.stderr)")
        #expect(selftest.stdout.contains("自测结果 Self-test results") && selftest.stdout.contains("p95"))
        let a = try Self.leaderboard(root + "/official")
        let b = try Self.leaderboard(root + "/self")
        for track in ["government", "legal", "audiovisual"] {
            let officialScore = try #require(Self.score(a, track: track, team: "kw"))
            #expect(Self.score(b, track: track, team: "kw") == officialScore, "\(track)")
        }
    }

    @Test func bundleCarriesNoHiddenAnswer() async throws {
        let root = try Self.copyOfRepository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let hidden = root + "/private/legal"
        try FileManager.default.createDirectory(atPath: hidden + "/questions", withIntermediateDirectories: true)
        let canary = "SAIMA-CANARY-7f3e9a"
        try """
            id: legal
            name: {zh: 法律, en: Legal}
            question_sets:
              - id: hidden-cases
                file: questions/hidden-cases.jsonl
                pilot_unit: {zh: 测试法院（虚构）, en: Test Court}
                split: test
                canary: \(canary)
            """.write(toFile: hidden + "/track.yaml", atomically: true, encoding: .utf8)
        let answers = ["秘密答案甲乙丙丁", "被告青澜隐藏公司", "九万八千七百元整"]
        try """
            {"id":"h1","type":"short_answer","prompt":"隐藏题一","answer":"\(answers[0])","keywords":[["关键要点隐藏"]]}
            {"id":"h2","type":"extraction","prompt":"隐藏题二","answer":{"被告":"\(answers[1])","金额":"\(answers[2])"}}
            {"id":"h3","type":"generation","prompt":"隐藏题三","answer":"参考范文隐藏内容","rubric":{"criteria":[{"id":"c1","description":"评分细则隐藏","points":2}]}}
            """.write(toFile: hidden + "/questions/hidden-cases.jsonl", atomically: true, encoding: .utf8)
        let kit = root + "/kit"
        let r = try await SaimaBinary.run(
            ["bundle", "--tracks", root + "/Tracks", "--tracks", root + "/private", "--out", kit], directory: root)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("1 test sets without answers"))
        let secrets = answers + ["关键要点隐藏", "参考范文隐藏内容", "评分细则隐藏", canary]
        let files = FileManager.default.enumerator(atPath: kit)?.compactMap { $0 as? String } ?? []
        #expect(files.contains("Tracks/legal/questions/hidden-cases.jsonl"))
        for file in files {
            guard let data = FileManager.default.contents(atPath: kit + "/" + file) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            for secret in secrets { #expect(!text.contains(secret), "\(file) leaks \(secret)") }
        }
        // The kit is a valid tracks root of its own.
        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        let valid = try await SaimaBinary.run(["validate", "--tracks", kit + "/Tracks", "--submissions", root + "/empty"])
        #expect(valid.status == 0, "\(valid.stderr)")
        let noTest = try await SaimaBinary.run(
            ["bundle", "--tracks", root + "/Tracks", "--tracks", root + "/private", "--out", kit, "--no-test"], directory: root)
        #expect(noTest.stdout.contains("0 test sets"))
        #expect(!FileManager.default.fileExists(atPath: kit + "/Tracks/legal/questions/hidden-cases.jsonl"))
    }

    @Test func row12BundleNeverDeletesAFolderThatIsNotAnEarlierKit() async throws {
        let root = try Self.copyOfRepository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let args = ["--tracks", root + "/Tracks"]
        // Onto the tracks root itself, or a folder holding it: refused, nothing deleted.
        for target in [root + "/Tracks", root] {
            let r = try await SaimaBinary.run(["bundle", "--out", target] + args, directory: root)
            #expect(r.status != 0)
            #expect(r.stderr.contains("Nothing was written or deleted"), "\(r.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: root + "/Tracks/legal/track.yaml"))
        // A non-empty folder that is not a kit: refused, its file kept.
        let other = root + "/notes"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        try "keep me".write(toFile: other + "/todo.txt", atomically: true, encoding: .utf8)
        #expect(try await SaimaBinary.run(["bundle", "--out", other] + args, directory: root).status != 0)
        #expect(try String(contentsOfFile: other + "/todo.txt", encoding: .utf8) == "keep me")
        // A new folder, then the same kit again: both fine.
        let kit = root + "/kit"
        #expect(try await SaimaBinary.run(["bundle", "--out", kit] + args, directory: root).status == 0)
        #expect(FileManager.default.fileExists(atPath: kit + "/.saima-kit"))
        let again = try await SaimaBinary.run(["bundle", "--out", kit] + args, directory: root)
        #expect(again.status == 0, "\(again.stderr)")
    }
}
