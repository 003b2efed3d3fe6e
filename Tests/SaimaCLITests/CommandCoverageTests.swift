import Foundation
import SaimaEndpointServer
import SaimaBase
import SaimaTestSupport
import Synchronization
import Testing

/// Commands that had no test of their own, run through the built `saima` against a real local endpoint:
/// `run --retry-failed` followed by `round verify`, `leaderboard`, `report --format md|pdf`, `ratings` and
/// `score-file`.
@Suite("Every command, through the binary", .serialized)
struct CommandCoverageTests {
    /// A contest of 12 single-choice items (answer A, shown as written) and one team.
    static func contest(port: Int) throws -> String {
        let root = NSTemporaryDirectory() + "saima-commands-" + UUID().uuidString
        try ContestTree.write(
            root: root, track: "law", trackName: ("法律", "Law"), set: "s1",
            items: (1...12).map { i in
                #"{"id":"q\#(i)","type":"single_choice","prompt":"第\#(i)题：哪项正确？","#
                    + #""choices":{"A":"甲","B":"乙"},"answer":"A"}"#
            },
            teams: [ContestTree.Team(id: "alpha", zh: "甲队", en: "Alpha")], port: port, maxConcurrency: 4,
            timeoutSeconds: 60, shuffleChoices: false)  // the endpoint answers the letter A at once; a loaded machine is slow
        return root
    }

    /// The first run's server fails every odd item with HTTP 500; `--retry-failed` asks only those again (once
    /// each), appends their new rows and supersedes the old ones; `round verify` then checks the whole chain.
    @Test func retryFailedThenVerify() async throws {
        let failing = Mutex(true)
        let asked = Mutex<[String: Int]>([:])
        let server = try await LocalEndpointServer.start { request in
            let text = String(decoding: request.body, as: UTF8.self)
            let number = text.firstRange(of: /第(\d+)题/).map { Int(text[$0].dropFirst().dropLast())! } ?? 0
            asked.withLock { $0["q\(number)", default: 0] += 1 }
            if failing.withLock({ $0 }), number % 2 == 1 { return .json(500, "{}") }
            return .json(200, ChatCompletionJSON.completion(content: "答案：A", model: "m"))
        }
        let root = try Self.contest(port: server.port)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let base = ["--tracks", root + "/Tracks", "--submissions", root + "/Submissions", "--out", root + "/out"]

        let first = try await SaimaBinary.run(["run"] + base + ["--max-attempts", "1"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(RoundWorkflowTests.score(try RoundWorkflowTests.leaderboard(root + "/out"), track: "law", team: "alpha") == 50)

        failing.withLock { $0 = false }
        let again = try await SaimaBinary.run(["run"] + base)
        #expect(again.status == 0)
        #expect(asked.withLock { $0.values.reduce(0, +) } == 12, "without --retry-failed nothing is asked again")

        let retried = try await SaimaBinary.run(["run"] + base + ["--retry-failed"])
        await server.stop()
        #expect(retried.status == 0, "\(retried.stderr)")
        let counts = asked.withLock { $0 }
        #expect((1...12).allSatisfy { counts["q\($0)"] == ($0 % 2 == 1 ? 2 : 1) }, "\(counts)")
        #expect(RoundWorkflowTests.score(try RoundWorkflowTests.leaderboard(root + "/out"), track: "law", team: "alpha") == 100)

        let verify = try await SaimaBinary.run(["round", "verify", "--out", root + "/out"])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("18 result rows"), "12 first rows + 6 retried: \(verify.stdout)")

        // A manifest.json that no longer reads as a manifest is itself a finding, not silently replaced.
        let manifestPath = root + "/out/manifest.json"
        let text = try String(contentsOfFile: manifestPath, encoding: .utf8)
        try text.replacingOccurrences(of: "\"round\":", with: "\"rnd\":").write(
            toFile: manifestPath, atomically: true, encoding: .utf8)
        let damaged = try await SaimaBinary.run(["round", "verify", "--out", root + "/out"])
        #expect(damaged.status != 0)
        #expect(damaged.stderr.contains("not a readable run manifest"), "\(damaged.stderr)")
    }

    /// `leaderboard` and `report --format md|pdf` on a finished run; `ratings` on a battle log; `score-file` on
    /// predictions — each with its real output checked.
    @Test func leaderboardReportRatingsAndScoreFile() async throws {
        let server = try await LocalEndpointServer.start { _ in
            .json(200, ChatCompletionJSON.completion(content: "答案：A", model: "m"))
        }
        let root = try Self.contest(port: server.port)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = root + "/out"
        let run = try await SaimaBinary.run(
            ["run", "--tracks", root + "/Tracks", "--submissions", root + "/Submissions", "--out", out])
        await server.stop()
        #expect(run.status == 0, "\(run.stderr)")

        let board = try await SaimaBinary.run(["leaderboard", "--out", out])
        #expect(board.status == 0, "\(board.stderr)")
        #expect(board.stdout.contains("甲队") && board.stdout.contains("100.00"), "\(board.stdout)")

        let md = try await SaimaBinary.run(["report", "--out", out, "--format", "md"])
        #expect(md.status == 0)
        let mdPath = md.stdout.trimmed
        #expect(mdPath.hasSuffix("leaderboard.md"))
        #expect(try String(contentsOfFile: mdPath, encoding: .utf8).contains("Alpha"))

        // Without a converter on PATH the command says what to install; with chromium (`make test` installs it) it
        // writes a PDF — both branches, every run.
        let none = try await SaimaBinary.run(["report", "--out", out, "--format", "pdf"], environment: ["PATH": "/nonexistent"])
        #expect(none.status != 0 && none.stderr.contains("apt-get install chromium"), "no converter must be said plainly: \(none.stderr)")
        let pdf = try await SaimaBinary.run(["report", "--out", out, "--format", "pdf"], environment: ["PATH": "/usr/bin:/bin"])
        #expect(pdf.status == 0, "chromium converts the report: \(pdf.stderr)")
        let data = (try? Data(contentsOf: URL(fileURLWithPath: pdf.stdout.trimmed))) ?? Data()
        #expect(data.starts(with: Array("%PDF".utf8)) && data.count > 10_000, "a real PDF (\(data.count) bytes)")

        let battles = root + "/battles.jsonl"
        try """
            {"a":"alpha","b":"beta","winner":"a"}
            {"a":"beta","b":"alpha","winner":"a"}
            {"a":"alpha","b":"beta","winner":"tie"}
            {"a":"alpha","b":"beta","winner":"a"}
            """.write(toFile: battles, atomically: true, encoding: .utf8)
        let ratings = try await SaimaBinary.run(["ratings", "--battles", battles, "--anchor", "beta", "--bootstrap", "200"])
        #expect(ratings.status == 0, "\(ratings.stderr)")
        let arena = try JSONValue.parse(ratings.stdout)
        let entries = arena["ratings"]?.arrayValue ?? []
        #expect(entries.first { $0["team"] == .string("beta") }?["rating"] == .number(1000))
        #expect((entries.first { $0["team"] == .string("alpha") }?["rating"]?.numberValue ?? 0) > 1000)
        let broken = try await SaimaBinary.run(["ratings", "--battles", root + "/Tracks/law/track.yaml"])
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("track.yaml:1"), "\(broken.stderr)")

        let predictions = root + "/predictions.jsonl"
        try """
            {"id": "a", "prediction": "答案：B", "references": ["B"], "item": {"choices": {"A": "甲", "B": "乙"}}}
            {"id": "b", "prediction": "A", "references": ["B"], "item": {"choices": {"A": "甲", "B": "乙"}}}
            """.write(toFile: predictions, atomically: true, encoding: .utf8)
        let scored = try await SaimaBinary.run(["score-file", "--metric", "choice", predictions])
        #expect(scored.status == 0, "\(scored.stderr)")
        let lines = scored.stdout.split(separator: "\n").compactMap { try? JSONValue.parse(String($0)) }
        #expect(lines.map { $0["score"] } == [.number(1), .number(0)])
    }

    /// `round start --round-file`: the file's seed, award tiers and runner limits reach the run; the manifest
    /// records them; `run.log` gets the phase times, loading first; `round verify` passes.
    @Test func roundStartFromARoundFile() async throws {
        let server = try await LocalEndpointServer.start { _ in
            .json(200, ChatCompletionJSON.completion(content: "答案：A", model: "m"))
        }
        let root = try Self.contest(port: server.port)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/Rounds", withIntermediateDirectories: true)
        try """
            name: spring-final
            tracks: [law]
            teams: [alpha]
            seed: 18446744073709551615
            runner: {max_in_flight: 3, max_attempts: 2}
            awards: {basis: rank_group, tiers: [{name: {zh: 一等奖, en: First prize}, count: 1}]}
            """.write(toFile: root + "/Rounds/final.yaml", atomically: true, encoding: .utf8)
        let out = root + "/runs/final"
        let start = try await SaimaBinary.run(
            ["round", "start", "--round-file", root + "/Rounds/final.yaml", "--tracks", root + "/Tracks",
             "--submissions", root + "/Submissions", "--out", out])
        await server.stop()
        #expect(start.status == 0, "\(start.stderr)")
        let manifest = try JSONValue.parse(try String(contentsOfFile: out + "/manifest.json", encoding: .utf8))
        #expect(manifest["round"] == .string("spring-final"))
        #expect(manifest["seed"] == .string("18446744073709551615"))
        #expect(manifest["awards"]?["tiers"]?.arrayValue?.count == 1)
        #expect(manifest["teams"]?.arrayValue?.count == 1)
        #expect(RoundWorkflowTests.score(try RoundWorkflowTests.leaderboard(out), track: "law", team: "alpha") == 100)
        let log = try String(contentsOfFile: out + "/run.log", encoding: .utf8)
        #expect(log.contains("phases (s): load "), "\(log)")
        let verify = try await SaimaBinary.run(["round", "verify", "--out", out])
        #expect(verify.status == 0, "\(verify.stderr)")

        let unknown = try await SaimaBinary.run(
            ["round", "start", "--round-file", root + "/Rounds/missing.yaml", "--tracks", root + "/Tracks"])
        #expect(unknown.status != 0)
    }
}
