import Foundation
import GRDB
import SaimaEndpointServer
import SaimaBase
import SaimaTestSupport
import Testing

/// Issue 19 rows 4–5 through the binary: deleting the last result rows (or judge readings) together with the head
/// recorded in `manifest.json`, then re-scoring, no longer passes `round verify`: the database's own records of the
/// heads and counts, and its copy of the manifest, are compared too.
@Suite("round verify notices deletions with their records", .serialized)
struct VerifyRecordsTests {
    static func run() async throws -> (root: String, base: [String]) {
        let server = try await LocalEndpointServer.start { _ in .json(200, ChatCompletionJSON.completion(content: "答案：A", model: "m")) }
        let root = try CommandCoverageTests.contest(port: server.port)
        let base = ["--tracks", root + "/Tracks", "--submissions", root + "/Submissions", "--out", root + "/out"]
        let first = try await SaimaBinary.run(["run"] + base)
        await server.stop()
        #expect(first.status == 0, "\(first.stderr)")
        return (root, base)
    }

    /// `manifest.json` without `key`.
    static func removeFromManifest(_ folder: String, _ key: String) throws {
        let path = folder + "/manifest.json"
        guard var object = try JSONValue.parse(String(contentsOfFile: path, encoding: .utf8)).objectValue else { return }
        object[key] = nil
        try (PrettyJSON.string(.object(object)) + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func row4DeletedLastRowsWithTheirHeadAreNamed() async throws {
        let (root, base) = try await Self.run()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let clean = try await SaimaBinary.run(["round", "verify", "--out", root + "/out", "--tracks", root + "/Tracks"])
        #expect(clean.status == 0, "\(clean.stderr)")
        let db = try DatabaseQueue(path: root + "/out/run.sqlite")
        try await db.write { try $0.execute(sql: "DELETE FROM results WHERE seq > (SELECT MAX(seq) - 3 FROM results)") }
        try Self.removeFromManifest(root + "/out", "chain_head")
        let rescored = try await SaimaBinary.run(["score", "--out", root + "/out", "--tracks", root + "/Tracks"])
        #expect(rescored.status == 0, "\(rescored.stderr)")
        let verify = try await SaimaBinary.run(["round", "verify", "--out", root + "/out", "--tracks", root + "/Tracks"])
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("manifest.json differs from the database's copy"), "\(verify.stderr)")
        #expect(verify.stderr.contains("the database's manifest") || verify.stderr.contains("chain_head"), "\(verify.stderr)")
        _ = base
    }

    @Test func row5DeletedReadingsWithTheirHeadAreNamed() async throws {
        let (root, _) = try await Self.run()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = root + "/out"
        let template = try await SaimaBinary.run(["appeals", "template", "--out", out, "--rules", "all", "--tracks", root + "/Tracks"])
        #expect(template.status == 0, "\(template.stderr)")
        var rows = CSVTable.parse(try String(contentsOfFile: out + "/appeals/appeals.csv", encoding: .utf8)).map(\.fields)
        let header = rows[0]
        let col = { (name: String) in header.firstIndex(of: name)! }
        rows[1][col("judge_reading")] = "B"
        rows[1][col("judge")] = "张评委"
        rows[1][col("reason")] = "复核"
        try ("\u{FEFF}" + rows.map { CSVTable.line($0, neutralizeFormulas: false) }.joined())
            .write(toFile: out + "/appeals/filled.csv", atomically: true, encoding: .utf8)
        let imported = try await SaimaBinary.run(["appeals", "import", "--out", out, out + "/appeals/filled.csv", "--tracks", root + "/Tracks"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let db = try DatabaseQueue(path: out + "/run.sqlite")
        try await db.write { try $0.execute(sql: "DELETE FROM reading_overrides") }
        try Self.removeFromManifest(out, "appeals_head")
        try Self.removeFromManifest(out, "appeals_rows")
        _ = try await SaimaBinary.run(["score", "--out", out, "--tracks", root + "/Tracks"])
        let verify = try await SaimaBinary.run(["round", "verify", "--out", out, "--tracks", root + "/Tracks"])
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("manifest.json differs from the database's copy in appeals_head"), "\(verify.stderr)")
    }

    /// Issue 19 row 13: `report` takes the run folder's lock; while another process writes the run (a live run, or
    /// another report), it is refused and no history version is made.
    @Test func row13AReportWhileAnotherWriterHoldsTheFolderIsRefused() async throws {
        let (root, _) = try await Self.run()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = root + "/out"
        let before = (try? FileManager.default.contentsOfDirectory(atPath: out + "/history")) ?? []
        let fd = open(out + "/run.lock", O_RDWR | O_CLOEXEC, 0o644)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0, "this test plays the live run")
        let refused = try await SaimaBinary.run(["report", "--out", out, "--format", "html", "--tracks", root + "/Tracks"])
        close(fd)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("is being written by another saima process"), "\(refused.stderr)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: out + "/history")) ?? []) == before)
        let allowed = try await SaimaBinary.run(["report", "--out", out, "--format", "html", "--tracks", root + "/Tracks"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
    }

    /// Issue 19 row 17: replies holding NUL and other control characters verify as untouched.
    @Test func row17RepliesWithNULVerifyClean() async throws {
        let server = try await LocalEndpointServer.start { _ in
            .json(200, ChatCompletionJSON.completion(content: "答案：A\u{0}\u{1}尾巴\u{0}", model: "m"))
        }
        let root = try CommandCoverageTests.contest(port: server.port)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let base = ["--tracks", root + "/Tracks", "--submissions", root + "/Submissions", "--out", root + "/out"]
        let run = try await SaimaBinary.run(["run"] + base)
        await server.stop()
        #expect(run.status == 0, "\(run.stderr)")
        let verify = try await SaimaBinary.run(["round", "verify", "--out", root + "/out", "--tracks", root + "/Tracks"])
        #expect(verify.status == 0, "\(verify.stderr)")
    }
}
