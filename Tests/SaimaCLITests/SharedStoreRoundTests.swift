import Foundation
import GRDB
import SaimaEndpointServer
import SaimaBase
import SaimaTestSupport
import Synchronization
import Testing

/// Issue 22, a PostgreSQL run store shared by runner processes: three `saima run --store … --worker` processes run one
/// round against real local endpoints and a real PostgreSQL server started here; one is SIGKILLed mid-run. Every
/// (team, item, sample) ends with exactly one committed result, the killed worker's requests are claimed again, no
/// team ever has more requests in flight than its `max_concurrency` (each team's endpoint counts), `saima pull` gives
/// a run folder that `round verify` passes with the same leaderboard as a single-process run of the same round.
@Suite("Shared PostgreSQL store", .serialized)
struct SharedStoreRoundTests {
    /// Counts requests in flight at one endpoint and remembers the most seen at once.
    final class InFlight: Sendable {
        let state = Mutex<(now: Int, peak: Int, total: Int)>((0, 0, 0))
        func enter() { state.withLock { $0.now += 1; $0.total += 1; $0.peak = max($0.peak, $0.now) } }
        func leave() { state.withLock { $0.now -= 1 } }
        var peak: Int { state.withLock { $0.peak } }
        var total: Int { state.withLock { $0.total } }
    }

    static func endpoint(_ counter: InFlight) async throws -> LocalEndpointServer {
        try await LocalEndpointServer.start(threads: 2) { request in
            counter.enter()
            defer { counter.leave() }
            try? await Task.sleep(for: .milliseconds(80))
            let text = String(decoding: request.body, as: UTF8.self)
            let n = text.firstRange(of: /第(\d+)题/).map { Int(text[$0].dropFirst().dropLast())! } ?? 0
            return .json(200, ChatCompletionJSON.completion(content: "答案：\(["A", "B", "C"][n % 3])", model: "m"))
        }
    }

    @Test func threeWorkersOneKilledCommitEveryRequestOnceWithinBudgets() async throws {
        let pg = try PostgresServer.start()
        defer { pg.stop() }
        let counters = [InFlight(), InFlight()]
        let servers = [try await Self.endpoint(counters[0]), try await Self.endpoint(counters[1])]
        let root = NSTemporaryDirectory() + "saima-shared-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let teams = ["alpha", "beta"]
        try ContestTree.write(
            root: root, track: "law", trackName: ("法律", "Law"), set: "s",
            items: (1...60).map { #"{"id":"q\#($0)","type":"single_choice","prompt":"第\#($0)题","choices":{"A":"甲","B":"乙","C":"丙"},"answer":"A"}"# },
            teams: teams.map { ContestTree.Team(id: $0, zh: $0, en: $0) }, port: servers[0].port, maxConcurrency: 3,
            timeoutSeconds: 60)
        // Each team its own endpoint, so each counts its own team's requests in flight.
        let beta = root + "/Submissions/beta/submission.yaml"
        try (try String(contentsOfFile: beta, encoding: .utf8)).replacingOccurrences(of: ":\(servers[0].port)/", with: ":\(servers[1].port)/")
            .write(toFile: beta, atomically: true, encoding: .utf8)

        let base = ["run", "--tracks", "Tracks", "--submissions", "Submissions", "--round", "big", "--seed", "9"]
        let shared = base + ["--store", pg.url, "--lease-seconds", "2", "--claim-batch", "2"]
        let workers = try (1...3).map { try SaimaBinary.launch(shared + ["--worker", "w\($0)"], directory: root) }
        // Kill the first worker once it holds leases and the round has begun committing.
        var killed = false
        for _ in 0..<400 {
            let held = Int((try? pg.sql("SELECT count(*) FROM work WHERE lease_owner LIKE 'w1#%' AND state = 'leased'")) ?? "") ?? 0
            let done = Int((try? pg.sql("SELECT count(*) FROM results")) ?? "") ?? 0
            if held > 0, done >= 10 {
                kill(workers[0].pid, SIGKILL)
                killed = true
                break
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        #expect(killed, "worker 1 was killed while holding leases")
        let first = await workers[0].wait()
        #expect(first.status == SIGKILL, "worker 1 died of SIGKILL: \(first.status)")
        for w in workers.dropFirst() {
            let r = await w.wait()
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("round open 未完成: 0"), "\(r.stdout)")
        }
        #expect(try pg.sql("SELECT count(*), count(DISTINCT (team, track, set_id, item, sample)) FROM results WHERE round = 'big'") == "120|120",
                "exactly one committed result per request")
        #expect(try pg.sql("SELECT count(*) FROM work WHERE state <> 'done'") == "0")
        #expect(Int(try pg.sql("SELECT count(*) FROM work WHERE claims > 1")) ?? 0 > 0, "the killed worker's leases were claimed again")
        for (team, counter) in zip(teams, counters) {
            #expect(counter.peak <= 3, "\(team): at most max_concurrency = 3 in flight across workers, saw \(counter.peak)")
            #expect(counter.total >= 60, "\(team): every item was requested")
        }

        let pulled = try await SaimaBinary.run(["pull", "--store", pg.url, "--round", "big", "--out", "runs/pulled"], directory: root)
        #expect(pulled.status == 0, "\(pulled.stderr)")
        #expect(pulled.stdout.contains("pulled 已取回 120 results"), "\(pulled.stdout)")
        let verify = try await SaimaBinary.run(["round", "verify", "--out", "runs/pulled"], directory: root)
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        let single = try await SaimaBinary.run(base + ["--out", "runs/single"], directory: root)
        #expect(single.status == 0, "\(single.stderr)")
        #expect(try ShardMergeTests.entries(root + "/runs/pulled") == ShardMergeTests.entries(root + "/runs/single"),
                "the same board as one process's run")
        for s in servers { await s.stop() }
    }

    @Test func aWorkerOfAnotherRoundAndAnUnfinishedPullAreRefused() async throws {
        let pg = try PostgresServer.start()
        defer { pg.stop() }
        let counter = InFlight()
        let server = try await Self.endpoint(counter)
        let root = NSTemporaryDirectory() + "saima-shared-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try ContestTree.write(
            root: root, track: "law", trackName: ("法律", "Law"), set: "s",
            items: (1...6).map { #"{"id":"q\#($0)","type":"single_choice","prompt":"第\#($0)题","choices":{"A":"甲","B":"乙","C":"丙"},"answer":"A"}"# },
            teams: [ContestTree.Team(id: "alpha", zh: "甲队", en: "Alpha")], port: server.port, maxConcurrency: 2, timeoutSeconds: 60)
        let base = ["run", "--tracks", "Tracks", "--submissions", "Submissions", "--round", "r", "--store", pg.url]
        let ok = try await SaimaBinary.run(base + ["--seed", "1", "--worker", "a"], directory: root)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("created round r"), "\(ok.stdout)")
        let other = try await SaimaBinary.run(base + ["--seed", "2", "--worker", "b"], directory: root)
        #expect(other.status == 1 && other.stderr.contains("planned with another manifest"), "\(other.stderr)")
        // Reopen one request: a pull of an unfinished round writes nothing.
        _ = try pg.sql("UPDATE work SET state = 'pending' WHERE id = (SELECT min(id) FROM work)")
        let early = try await SaimaBinary.run(["pull", "--store", pg.url, "--round", "r", "--out", "runs/p"], directory: root)
        #expect(early.status == 1 && early.stderr.contains("still has 1 requests not committed"), "\(early.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root + "/runs/p/run.sqlite"))
        // A changed row breaks the chain, and the pull says where.
        _ = try pg.sql("UPDATE work SET state = 'done'")
        _ = try pg.sql("UPDATE results SET content = convert_to('答案：C', 'UTF8') WHERE seq = 3")
        let tampered = try await SaimaBinary.run(["pull", "--store", pg.url, "--round", "r", "--out", "runs/p"], directory: root)
        #expect(tampered.status == 1 && tampered.stderr.contains("breaks at row 3"), "\(tampered.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root + "/runs/p"), "a failed pull leaves no folder behind")
        let unreachable = try await SaimaBinary.run(
            ["pull", "--store", "postgres://saima:hunter2@127.0.0.1:1/postgres", "--round", "r", "--out", "runs/q"], directory: root)
        #expect(unreachable.status == 1 && unreachable.stderr.contains("cannot use the run store at postgres://saima@127.0.0.1:1/postgres"),
                "\(unreachable.stderr)")
        #expect(!unreachable.stderr.contains("hunter2"), "the password is never printed")
        await server.stop()
    }

    /// `--retry-failed` for a shared round: refused on the workers with the way to do it; `saima reopen-failed` puts the
    /// failed requests back once; the next workers ask only those; the pulled folder verifies, with the failed rows
    /// kept in its chain and every request's current result the new one.
    @Test func failedRequestsAreReopenedAndAskedAgain() async throws {
        let pg = try PostgresServer.start()
        defer { pg.stop() }
        let failing = Mutex(true)
        let asked = Mutex<[Int: Int]>([:])
        let server = try await LocalEndpointServer.start { request in
            let text = String(decoding: request.body, as: UTF8.self)
            let n = text.firstRange(of: /第(\d+)题/).map { Int(text[$0].dropFirst().dropLast())! } ?? 0
            asked.withLock { $0[n, default: 0] += 1 }
            if failing.withLock({ $0 }), n % 2 == 1 { return .json(500, "{}") }
            return .json(200, ChatCompletionJSON.completion(content: "答案：A", model: "m"))
        }
        let root = NSTemporaryDirectory() + "saima-shared-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try ContestTree.write(
            root: root, track: "law", trackName: ("法律", "Law"), set: "s",
            items: (1...6).map { #"{"id":"q\#($0)","type":"single_choice","prompt":"第\#($0)题","choices":{"A":"甲","B":"乙"},"answer":"A"}"# },
            teams: [ContestTree.Team(id: "alpha", zh: "甲队", en: "Alpha")], port: server.port, maxConcurrency: 2, timeoutSeconds: 60)
        let base = ["run", "--tracks", "Tracks", "--submissions", "Submissions", "--round", "r", "--store", pg.url, "--max-attempts", "1"]
        let first = try await SaimaBinary.run(base + ["--worker", "a"], directory: root)
        #expect(first.status == 0, "\(first.stderr)")
        let refused = try await SaimaBinary.run(base + ["--worker", "b", "--retry-failed"], directory: root)
        #expect(refused.status == 1 && refused.stderr.contains("saima reopen-failed"), "\(refused.stderr)")
        failing.withLock { $0 = false }
        let reopened = try await SaimaBinary.run(["reopen-failed", "--store", pg.url, "--round", "r"], directory: root)
        #expect(reopened.status == 0 && reopened.stdout.contains("reopened 已重新开放 3 failed requests"), "\(reopened.stdout)\(reopened.stderr)")
        let second = try await SaimaBinary.run(base + ["--worker", "c"], directory: root)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(asked.withLock { $0 } == [1: 2, 2: 1, 3: 2, 4: 1, 5: 2, 6: 1], "only the failed requests were asked again, once each")
        let pulled = try await SaimaBinary.run(["pull", "--store", pg.url, "--round", "r", "--out", "runs/p"], directory: root)
        #expect(pulled.status == 0 && pulled.stdout.contains("pulled 已取回 9 results"), "\(pulled.stdout)\(pulled.stderr)")
        let verify = try await SaimaBinary.run(["round", "verify", "--out", "runs/p"], directory: root)
        #expect(verify.status == 0 && verify.stdout.contains("9 result rows"), "\(verify.stdout)\(verify.stderr)")
        let board = try String(contentsOfFile: root + "/runs/p/leaderboard.json", encoding: .utf8)
        #expect(board.contains("\"answered\" : 6") || board.contains("\"answered\": 6"), "every request's current result is the new one")
        await server.stop()
    }

    /// Human scores in the shared store: a host pulls the round, issues sheets, imports the filled ones with `--store`;
    /// a second host's pull then holds the same human scores under the same chain, and `round verify` passes there.
    @Test func humanScoresImportedOnOneHostArePulledByAnother() async throws {
        let pg = try PostgresServer.start()
        defer { pg.stop() }
        let server = try await LocalEndpointServer.start { _ in
            .json(200, ChatCompletionJSON.completion(content: "这是一段说明：要点一、要点二。", model: "m"))
        }
        let root = NSTemporaryDirectory() + "saima-shared-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try ContestTree.write(
            root: root, track: "law", trackName: ("法律", "Law"), set: "s",
            items: (1...3).map {
                #"{"id":"g\#($0)","type":"generation","prompt":"第\#($0)题 请说明","answer":"参考","rubric":{"criteria":[{"id":"c1","description":"要点","points":4}]}}"#
            },
            teams: [ContestTree.Team(id: "alpha", zh: "甲队", en: "Alpha")], port: server.port, maxConcurrency: 2, timeoutSeconds: 60)
        let run = try await SaimaBinary.run(
            ["run", "--tracks", "Tracks", "--submissions", "Submissions", "--round", "h", "--store", pg.url, "--worker", "a"], directory: root)
        #expect(run.status == 0, "\(run.stderr)")
        let pullA = try await SaimaBinary.run(["pull", "--store", pg.url, "--round", "h", "--out", "runs/a"], directory: root)
        #expect(pullA.status == 0, "\(pullA.stderr)")
        let template = try await SaimaBinary.run(
            ["judges", "template", "--tracks", "Tracks", "--submissions", "Submissions", "--out", "runs/a", "--judge", "alice", "--judge", "bob"],
            directory: root)
        #expect(template.status == 0, "\(template.stderr)")
        for (judge, fraction) in [("alice", 0.75), ("bob", 0.5)] {
            let text = try String(contentsOfFile: root + "/runs/a/human-judging/\(judge).csv", encoding: .utf8)
            try CSVTableForTests.fill(text, scoreFraction: fraction).write(toFile: root + "/\(judge).csv", atomically: true, encoding: .utf8)
        }
        let imported = try await SaimaBinary.run(
            ["judges", "import", "--tracks", "Tracks", "--submissions", "Submissions", "--out", "runs/a", "--store", pg.url,
             "alice.csv", "bob.csv"], directory: root)
        #expect(imported.status == 0 && imported.stdout.contains("published 已同步"), "\(imported.stdout)\(imported.stderr)")
        #expect(try pg.sql("SELECT count(*) FROM human_score_rows WHERE round = 'h'") == "6")
        let pullB = try await SaimaBinary.run(["pull", "--store", pg.url, "--round", "h", "--out", "runs/b"], directory: root)
        #expect(pullB.status == 0, "\(pullB.stderr)")
        let verify = try await SaimaBinary.run(["round", "verify", "--out", "runs/b"], directory: root)
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        func humanRows(_ folder: String) throws -> [String] {
            try DatabaseQueue(path: root + "/" + folder + "/run.sqlite").read { db in
                try String.fetchAll(db, sql: "SELECT judge || '/' || item || '/' || score FROM human_scores ORDER BY judge, item")
            }
        }
        #expect(try humanRows("runs/b") == humanRows("runs/a") && humanRows("runs/b").count == 6)
        // A score changed in the store breaks the chain the pull replays, and the pull says where.
        _ = try pg.sql("UPDATE human_score_rows SET score = 0.9 WHERE judge = 'bob' AND item = 'g2'")
        let tampered = try await SaimaBinary.run(["pull", "--store", pg.url, "--round", "h", "--out", "runs/c"], directory: root)
        #expect(tampered.status == 1 && tampered.stderr.contains("human-score chain breaks at import 1"), "\(tampered.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root + "/runs/c"), "a pull that fails after writing results leaves no folder")
        // Made good in the store, the same pull into the same folder name succeeds.
        _ = try pg.sql("UPDATE human_score_rows SET score = 0.5 WHERE judge = 'bob' AND item = 'g2'")
        let again = try await SaimaBinary.run(["pull", "--store", pg.url, "--round", "h", "--out", "runs/c"], directory: root)
        #expect(again.status == 0, "\(again.stderr)")
        await server.stop()
    }

    /// Appeal readings in the shared store: a host pulls the round, issues the appeals sheet, imports the judge's
    /// readings with `--store`; a second host's pull holds the same readings under the same chain and the same board, and
    /// `round verify` passes there.
    @Test func appealReadingsImportedOnOneHostArePulledByAnother() async throws {
        let pg = try PostgresServer.start()
        defer { pg.stop() }
        let server = try await LocalEndpointServer.start { _ in
            .json(200, ChatCompletionJSON.completion(content: "看起来B说得通", model: "m"))
        }
        let root = NSTemporaryDirectory() + "saima-shared-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try ContestTree.write(
            root: root, track: "law", trackName: ("法律", "Law"), set: "s",
            items: (1...3).map { #"{"id":"q\#($0)","type":"single_choice","prompt":"第\#($0)题","choices":{"A":"甲","B":"乙"},"answer":"A"}"# },
            teams: [ContestTree.Team(id: "alpha", zh: "甲队", en: "Alpha")], port: server.port, maxConcurrency: 2, timeoutSeconds: 60)
        let run = try await SaimaBinary.run(
            ["run", "--tracks", "Tracks", "--submissions", "Submissions", "--round", "ap", "--store", pg.url, "--worker", "a"],
            directory: root)
        #expect(run.status == 0, "\(run.stderr)")
        let pullA = try await SaimaBinary.run(["pull", "--store", pg.url, "--round", "ap", "--out", "runs/a"], directory: root)
        #expect(pullA.status == 0, "\(pullA.stderr)")
        let template = try await SaimaBinary.run(
            ["appeals", "template", "--tracks", "Tracks", "--submissions", "Submissions", "--out", "runs/a"], directory: root)
        #expect(template.status == 0, "\(template.stderr)")
        // The judge reads A on every row of the sheet.
        let sheet = try String(decoding: Data(contentsOf: URL(fileURLWithPath: root + "/runs/a/appeals/appeals.csv")), as: UTF8.self)
        var lines = sheet.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines[0].replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: ",")
        let readingColumn = try #require(header.firstIndex(of: "judge_reading"))
        for i in 1..<lines.count {
            var fields = lines[i].components(separatedBy: ",")
            fields[readingColumn] = "A"
            fields[readingColumn + 1] = "王评委"
            fields[readingColumn + 2] = "依题意"
            lines[i] = fields.joined(separator: ",")
        }
        #expect(lines.count == 4, "three weak readings listed")
        try (lines.joined(separator: "\r\n") + "\r\n").write(toFile: root + "/filled.csv", atomically: true, encoding: .utf8)
        let imported = try await SaimaBinary.run(
            ["appeals", "import", "--tracks", "Tracks", "--submissions", "Submissions", "--out", "runs/a", "--store", pg.url,
             "filled.csv"], directory: root)
        #expect(imported.status == 0 && imported.stdout.contains("published 已同步"), "\(imported.stdout)\(imported.stderr)")
        let pullB = try await SaimaBinary.run(["pull", "--store", pg.url, "--round", "ap", "--out", "runs/b"], directory: root)
        #expect(pullB.status == 0, "\(pullB.stderr)")
        let verify = try await SaimaBinary.run(["round", "verify", "--out", "runs/b"], directory: root)
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        func readings(_ folder: String) throws -> [String] {
            try DatabaseQueue(path: root + "/" + folder + "/run.sqlite").read { db in
                try String.fetchAll(db, sql: "SELECT item || '/' || reading || '/' || chain_hash FROM reading_overrides ORDER BY seq")
            }
        }
        #expect(try readings("runs/b") == readings("runs/a") && readings("runs/b").count == 3)
        func score(_ folder: String) throws -> JSONValue? {
            let board = try JSONValue.parse(try Data(contentsOf: URL(fileURLWithPath: root + "/" + folder + "/leaderboard.json")))
            return board["overall"]?["entries"]?.arrayValue?.first?["score"]
        }
        let (scoreA, scoreB) = (try score("runs/a"), try score("runs/b"))
        // The judge read `A` as shown to the team (choices are shuffled per team), so the score is what host A's is.
        #expect(scoreB != nil && scoreB == scoreA, "the pulled folder scores the judge's readings: \(String(describing: scoreA)) \(String(describing: scoreB))")
        await server.stop()
    }
}
