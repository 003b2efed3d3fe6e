import SaimaBase
import Foundation
import SaimaEndpointServer
import SaimaTestSupport
import Testing

/// Issue 12, point 1: a run folder is a record. Commands read the tracks roots from the run's manifest; a
/// missing private root is refused with the set named, never re-scored to zeros; earlier outputs are kept.
@Suite("Run folders are records", .serialized)
struct RunFolderRecordTests {
    @Test func reportWithoutTracksUsesTheRunsRootsAndAMissingRootIsRefusedNotZeroed() async throws {
        let root = try RoundWorkflowTests.copyOfRepository()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let hidden = root + "/secure/Tracks/legal"
        try FileManager.default.createDirectory(atPath: hidden + "/questions", withIntermediateDirectories: true)
        try """
            id: legal
            question_sets:
              - id: hidden-cases
                file: questions/hidden-cases.jsonl
                pilot_unit: {zh: 测试法院（虚构）, en: Test Court}
                split: test
                shuffle_choices: false
            """.write(toFile: hidden + "/track.yaml", atomically: true, encoding: .utf8)
        try (1...8).map { #"{"id":"h\#($0)","type":"single_choice","prompt":"隐藏题\#($0)：哪项正确？","choices":{"A":"甲","B":"乙"},"answer":"A"}"# }
            .joined(separator: "\n").write(toFile: hidden + "/questions/hidden-cases.jsonl", atomically: true, encoding: .utf8)
        let server = try await BaselineServer.start(persona: .firstChoice, port: 0, model: "first")
        try FileManager.default.createDirectory(atPath: root + "/Subs/fc", withIntermediateDirectories: true)
        try "team: {zh: 首选, en: First}\ntracks: [legal]\nendpoint: {base_url: \"\(server.baseURL)\", model: first}\n"
            .write(toFile: root + "/Subs/fc/submission.yaml", atomically: true, encoding: .utf8)
        let out = root + "/runs/official"
        // Relative roots, as an organizer types them.
        let run = try await SaimaBinary.run(
            ["run", "--round", "official", "--split", "test", "--tracks", "Tracks", "--tracks", "secure/Tracks",
             "--submissions", "Subs", "--out", out],
            directory: root)
        await server.stop()
        #expect(run.status == 0, "\(run.stderr)")
        let official = try String(contentsOfFile: out + "/leaderboard.json", encoding: .utf8)
        let score = try #require(RoundWorkflowTests.score(try RoundWorkflowTests.leaderboard(out), track: "legal", team: "fc"))
        #expect(score == 100, "first-choice answers A to every hidden item")

        // `report` without --tracks: the run's own roots, the same score; the earlier outputs kept as version 1.
        let report = try await SaimaBinary.run(["report", "--out", out, "--format", "html"], directory: root)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(RoundWorkflowTests.score(try RoundWorkflowTests.leaderboard(out), track: "legal", team: "fc") == score)
        #expect(try String(contentsOfFile: out + "/history/v1/leaderboard.json", encoding: .utf8) == official)
        #expect(try RoundWorkflowTests.leaderboard(out)["version"]?.numberValue == 2)
        #expect(try String(contentsOfFile: out + "/report.html", encoding: .utf8).contains("版本 Version 2"))
        #expect(try await SaimaBinary.run(["round", "verify", "--out", out], directory: root).status == 0,
                "verify needs no other argument")

        // The private root is gone: refused, the set named, nothing rewritten.
        try FileManager.default.moveItem(atPath: root + "/secure", toPath: root + "/moved")
        let before = try String(contentsOfFile: out + "/leaderboard.json", encoding: .utf8)
        for command in [["report", "--out", out, "--format", "html"], ["leaderboard", "--out", out], ["score", "--out", out]] {
            let refused = try await SaimaBinary.run(command, directory: root)
            #expect(refused.status != 0, "\(command[0]) must refuse")
            #expect(refused.stderr.contains("question set legal/hidden-cases is missing"), "\(refused.stderr)")
        }
        #expect(try String(contentsOfFile: out + "/leaderboard.json", encoding: .utf8) == before)
    }
}
