import SaimaBase
import Foundation
import SaimaEndpointServer
import SaimaTestSupport
import Testing

/// Issue 22, static shards without a server: three `run --shard i/3` folders merged with `saima merge` give the same
/// leaderboard (scores, intervals, ranks) as one run of the same round and seed, and the merged folder verifies; a
/// missing or repeated shard is refused and nothing is written.
@Suite("Static shards and merge", .serialized)
struct ShardMergeTests {
    static func entries(_ folder: String) throws -> [String] {
        let board = try RoundWorkflowTests.leaderboard(folder)
        return (board["overall"]?["entries"]?.arrayValue ?? []).map { e in
            "\(e["team"]?.stringValue ?? "") \(e["score"]?.numberValue ?? -1) \(e["ci95"]?.canonicalJSON ?? "") \(e["rank"]?.numberValue ?? -1)"
        }
    }

    @Test func shardsMergedGiveTheSingleRunsLeaderboard() async throws {
        // Replies that depend on the question only: each team answers the letter of the prompt's number.
        let server = try await LocalEndpointServer.start { request in
            let text = String(decoding: request.body, as: UTF8.self)
            let n = text.firstRange(of: /第(\d+)题/).map { Int(text[$0].dropFirst().dropLast())! } ?? 0
            return .json(200, ChatCompletionJSON.completion(content: "答案：\(["A", "B", "C"][n % 3])", model: "m"))
        }
        let root = NSTemporaryDirectory() + "saima-shards-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try ContestTree.write(
            root: root, track: "law", trackName: ("法律", "Law"), set: "s",
            items: (1...30).map { #"{"id":"q\#($0)","type":"single_choice","prompt":"第\#($0)题","choices":{"A":"甲","B":"乙","C":"丙"},"answer":"A"}"# },
            teams: ["alpha", "beta"].map { ContestTree.Team(id: $0, zh: $0, en: $0) }, port: server.port, maxConcurrency: 4,
            timeoutSeconds: 60, shuffleChoices: false)
        let base = ["run", "--tracks", "Tracks", "--submissions", "Submissions", "--round", "big", "--seed", "9"]
        let whole = try await SaimaBinary.run(base + ["--out", "runs/whole"], directory: root)
        #expect(whole.status == 0, "\(whole.stderr)")
        for i in 1...3 {
            let shard = try await SaimaBinary.run(base + ["--out", "runs/shard\(i)", "--shard", "\(i)/3"], directory: root)
            #expect(shard.status == 0, "\(shard.stderr)")
        }
        await server.stop()

        let missing = try await SaimaBinary.run(["merge", "--out", "runs/bad", "runs/shard1", "runs/shard2"], directory: root)
        #expect(missing.status != 0 && missing.stderr.contains("shard 3/3 is missing"), "\(missing.stderr)")
        let twice = try await SaimaBinary.run(["merge", "--out", "runs/bad", "runs/shard1", "runs/shard2", "runs/shard2", "runs/shard3"], directory: root)
        #expect(twice.status != 0 && twice.stderr.contains("shard 2/3 is given 2 times"), "\(twice.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root + "/runs/bad/run.sqlite"), "a refused merge writes nothing")

        let merged = try await SaimaBinary.run(["merge", "--out", "runs/merged", "runs/shard1", "runs/shard2", "runs/shard3"], directory: root)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.contains("merged 已合并 3 shards 个分片, 60 results 条结果"), "\(merged.stdout)")
        #expect(try Self.entries(root + "/runs/merged") == Self.entries(root + "/runs/whole"), "the same board as one run")
        #expect(try await SaimaBinary.run(["round", "verify", "--out", "runs/merged"], directory: root).status == 0)
        // Resuming a shard's folder as another shard is refused.
        let wrong = try await SaimaBinary.run(base + ["--out", "runs/shard1", "--shard", "2/3"], directory: root)
        #expect(wrong.status != 0 && wrong.stderr.contains("holds shard 1/3"), "\(wrong.stderr)")
    }
}
