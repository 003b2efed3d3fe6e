import Foundation
import SaimaEndpointServer
import SaimaBase
import SaimaTestSupport
import Synchronization
import Testing

/// Issue 21, exposure ledger and rotation, through the binary: a round asking `fresh_items: 10` of a 30-item set gets
/// 10 items, the next round 10 that the first never sent, a third asking 15 of the 10 left is refused before anything
/// is sent; a resumed round keeps its draw; `saima exposure` counts every send; later commands on a run folder see the
/// drawn items only.
@Suite("Exposure ledger and rotation", .serialized)
struct ExposureRotationTests {
    static func drawn(_ folder: String) throws -> [String] {
        let manifest = try JSONValue.parse(try Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json")))
        return manifest["question_sets"]?.arrayValue?.first?["drawn_items"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    @Test func freshItemsAreNeverSentTwiceAndTheLedgerSurvivesResume() async throws {
        let sent = Mutex(0)
        let server = try await LocalEndpointServer.start { _ in
            sent.withLock { $0 += 1 }
            return .json(200, ChatCompletionJSON.completion(content: "答案：A", model: "m"))
        }
        let root = NSTemporaryDirectory() + "saima-rotation-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try ContestTree.write(
            root: root, track: "rot", trackName: ("轮换", "Rotation"), set: "s",
            items: (1...30).map { #"{"id":"q\#($0)","type":"single_choice","prompt":"第\#($0)题","choices":{"A":"甲","B":"乙"},"answer":"A"}"# },
            teams: [ContestTree.Team(id: "alpha", zh: "甲队", en: "Alpha")], port: server.port, maxConcurrency: 4,
            timeoutSeconds: 60, shuffleChoices: false)  // answering A scores every drawn item
        try FileManager.default.createDirectory(atPath: root + "/Rounds", withIntermediateDirectories: true)
        for (name, fresh) in [("r1", 10), ("r2", 10), ("r3", 15)] {
            try "name: \(name)\nsplit: dev\nseed: 7\nfresh_items: \(fresh)\n"
                .write(toFile: root + "/Rounds/\(name).yaml", atomically: true, encoding: .utf8)
        }
        func start(_ name: String) async throws -> (status: Int32, stdout: String, stderr: String) {
            try await SaimaBinary.run(
                ["round", "start", "--round-file", "Rounds/\(name).yaml", "--tracks", "Tracks", "--submissions", "Submissions",
                 "--out", "runs/\(name)"],
                directory: root)
        }

        let first = try await start("r1")
        #expect(first.status == 0, "\(first.stderr)")
        let r1 = try Self.drawn(root + "/runs/r1")
        #expect(r1.count == 10 && Set(r1).count == 10)
        #expect(sent.withLock { $0 } == 10, "only the drawn items are sent")
        let board = try RoundWorkflowTests.leaderboard(root + "/runs/r1")
        #expect(board["overall"]?["entries"]?.arrayValue?.first?["items"]?.numberValue == 10, "the board counts the drawn items")

        let second = try await start("r2")
        #expect(second.status == 0, "\(second.stderr)")
        let r2 = try Self.drawn(root + "/runs/r2")
        #expect(r2.count == 10 && Set(r1).isDisjoint(with: r2), "round 2 draws only items round 1 never sent")

        let third = try await start("r3")
        #expect(third.status != 0)
        #expect(third.stderr.contains("rot/s: 10 of 30 items unexposed, fresh_items asks 15"), "\(third.stderr)")
        #expect(sent.withLock { $0 } == 20, "a refused round sends nothing")

        // Resuming round 2 keeps its draw (its own sends do not count against it) and asks nothing again.
        let resumed = try await start("r2")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try Self.drawn(root + "/runs/r2") == r2)
        #expect(sent.withLock { $0 } == 20)
        await server.stop()

        let exposure = try await SaimaBinary.run(["exposure", "--runs", "runs", "--tracks", "Tracks"], directory: root)
        #expect(exposure.status == 0, "\(exposure.stderr)")
        #expect(exposure.stdout.contains("| rot/s | 30 | 20 | 20 | 1 | r1, r2 | — |"), "\(exposure.stdout)")
        let onlyR1 = try await SaimaBinary.run(["exposure", "--runs", "runs", "--tracks", "Tracks", "--round", "r1"], directory: root)
        #expect(onlyR1.stdout.contains("| rot/s | 30 | 10 | 10 | 1 | r1 | — |"), "\(onlyR1.stdout)")

        // A later command on the run folder sees the drawn items only.
        let report = try await SaimaBinary.run(["report", "--out", "runs/r1"], directory: root)
        #expect(report.status == 0, "\(report.stderr)")
        let rebuilt = try RoundWorkflowTests.leaderboard(root + "/runs/r1")
        #expect(rebuilt["overall"]?["entries"]?.arrayValue?.first?["items"]?.numberValue == 10)
        #expect(rebuilt["overall"]?["entries"]?.arrayValue?.first?["score"]?.numberValue == 100, "not 10 of 30 items")
        #expect(try await SaimaBinary.run(["round", "verify", "--out", "runs/r1"], directory: root).status == 0)
    }
}
