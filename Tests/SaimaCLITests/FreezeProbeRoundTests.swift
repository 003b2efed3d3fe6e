import SaimaBase
import Foundation
import GRDB
import SaimaEndpointServer
import SaimaTestSupport
import Synchronization
import Testing

/// Issue 21, model-freeze probes through `round start`: six secret probes in four waves among 40 items; a team whose
/// endpoint swaps its model halfway is flagged, an unchanged one is not; probe replies are kept apart (never scored,
/// never in the result chain or the board) and a resumed round does not send them again.
@Suite("Model-freeze probes, end to end", .serialized)
struct FreezeProbeRoundTests {
    @Test func aModelSwappedHalfwayIsFlaggedAndAnUnchangedOneIsNot() async throws {
        let swapperCount = Mutex(0)
        let total = Mutex(0)
        let steady = try await LocalEndpointServer.start { _ in
            total.withLock { $0 += 1 }
            return .json(200, ChatCompletionJSON.completion(content: "答案：A。这是模型甲的回答。", model: "m"))
        }
        let swapper = try await LocalEndpointServer.start { _ in
            total.withLock { $0 += 1 }
            let n = swapperCount.withLock { c in
                c += 1
                return c
            }
            // 40 items and 24 probe requests: the model is swapped after the 32nd request.
            let text = n <= 32 ? "答案：A。这是模型甲的回答。" : "Answer: A — a different model replies here, at much greater length than before."
            return .json(200, ChatCompletionJSON.completion(content: text, model: "m"))
        }
        let root = NSTemporaryDirectory() + "saima-probes-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try ContestTree.write(
            root: root, track: "law", trackName: ("法律", "Law"), set: "s",
            items: (1...40).map { #"{"id":"q\#($0)","type":"single_choice","prompt":"第\#($0)题","choices":{"A":"甲","B":"乙"},"answer":"A"}"# },
            teams: [ContestTree.Team(id: "steady", zh: "稳定", en: "Steady"), ContestTree.Team(id: "swapper", zh: "换模", en: "Swapper")],
            port: steady.port, maxConcurrency: 1, timeoutSeconds: 60, shuffleChoices: false)
        // The swapper's own endpoint.
        let sub = root + "/Submissions/swapper/submission.yaml"
        try (try String(contentsOfFile: sub, encoding: .utf8)).replacingOccurrences(of: ":\(steady.port)/", with: ":\(swapper.port)/")
            .write(toFile: sub, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: root + "/Rounds", withIntermediateDirectories: true)
        try (1...6).map { #"{"id":"p\#($0)","prompt":"请用一句话介绍第\#($0)条示例法规的要点。"}"# }.joined(separator: "\n")
            .write(toFile: root + "/Rounds/probes.jsonl", atomically: true, encoding: .utf8)
        try "name: probed\nsplit: dev\nprobes: {file: probes.jsonl, waves: 4}\n"
            .write(toFile: root + "/Rounds/probed.yaml", atomically: true, encoding: .utf8)
        let args = ["round", "start", "--round-file", "Rounds/probed.yaml", "--tracks", "Tracks", "--submissions", "Submissions",
                    "--out", "runs/probed"]
        let run = try await SaimaBinary.run(args, directory: root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(total.withLock { $0 } == 2 * (40 + 24), "each team: 40 items and 6 probes in 4 waves")

        let out = root + "/runs/probed"
        let board = try RoundWorkflowTests.leaderboard(out)
        #expect(board["probes"]?["swapper"]?["flagged"]?.boolValue == true, "\(String(describing: board["probes"]))")
        #expect(board["probes"]?["steady"]?["flagged"]?.boolValue == false)
        #expect(board["probes"]?["steady"]?["end_agreement"]?.numberValue == 1)
        #expect(board["overall"]?["entries"]?.arrayValue?.allSatisfy { $0["items"]?.numberValue == 40 } == true,
                "probes are not items of the board")
        let report = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(report.contains("Model-freeze probes") && report.contains("probe replies changed"))
        #expect(!report.contains("请用一句话介绍"), "the probe prompts stay secret")
        let db = try DatabaseQueue(path: out + "/run.sqlite")
        let (results, probes) = try await db.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM results") ?? -1, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM probe_results") ?? -1)
        }
        #expect(results == 80 && probes == 48)
        #expect(try await SaimaBinary.run(["round", "verify", "--out", "runs/probed"], directory: root).status == 0)

        let resumed = try await SaimaBinary.run(args, directory: root)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(total.withLock { $0 } == 128, "a resumed round sends no probe again")
        await steady.stop()
        await swapper.stop()
    }
}
