import SaimaModel
import Foundation
import SaimaPipeline
import SaimaRunner
import SaimaStorage
import Testing

/// `saima merge` (`RunMerge`): static shard folders folded into one run folder — or, when anything about the shards
/// is wrong, every problem named and nothing written.
@Suite("Merging shard folders (pipeline, directly)")
struct RunMergeTests {
    static let tracks = [RunScoringTests.track(count: 4)]

    /// Alpha and beta's answers to q0–q3 (alpha's q1 is `A`, the rest `答案：B`), in key order.
    static let results = ["alpha", "beta"].flatMap { team in
        (0..<4).map { i in RunFolderFixture.result(team, "q\(i)", content: team == "alpha" && i == 1 ? "A" : "答案：B") }
    }

    /// The results of shard `index` of 2.
    static func part(_ index: Int) -> [ItemResult] { results.filter { ShardSpec.shard(of: $0.key, count: 2) == index } }

    /// A folder as `saima run --shard index/count` leaves it: the round's manifest with its shard, `results` chained,
    /// the chain head recorded.
    static func shard(_ fixture: RunFolderFixture, _ name: String, index: Int, count: Int = 2, seed: UInt64 = 9,
                      results: [ItemResult]) throws -> String {
        let folder = fixture.path(name)
        let store = try RunStore(folder: folder)
        var manifest = RunManifest(
            round: "merge", split: .dev, samples: 1, seed: seed, tracks: tracks,
            submissions: ["alpha", "beta"].map { RunFolderFixture.submission($0) })
        manifest.shard = "\(index)/\(count)"
        try RunManifestStore.freeze(manifest, store: store, folder: folder)
        try RunManifestStore.recordChainHead(try store.appendResults(results), store: store, folder: folder)
        return folder
    }

    static func refusal(_ lines: [String]) -> String {
        "the shards cannot be merged; nothing was written. 分片无法合并，未写入任何内容。\n" + lines.map { "  - " + $0 }.joined(separator: "\n")
    }

    /// Two shards, given in either order, fold into one run: the results appended in shard order as one new chain
    /// (its head computed independently from the canonical payloads of shard 1's five answers, then shard 2's three),
    /// scored, the leaderboard and report written; the manifest is the whole round's, and the folder verifies clean.
    @Test func shardsFoldIntoOneVerifiedRun() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        #expect(Self.part(1).map { "\($0.key.team)/\($0.key.item)" }
            == ["alpha/q1", "alpha/q2", "alpha/q3", "beta/q2", "beta/q3"])
        let one = try Self.shard(fixture, "s1", index: 1, results: Self.part(1))
        let two = try Self.shard(fixture, "s2", index: 2, results: Self.part(2))
        let out = fixture.path("merged")
        let summary = try RunMerge.merge(out: out, shards: [two, one], tracks: Self.tracks, resamples: 50)
        #expect(summary.shards == 2 && summary.results == 8)
        #expect(summary.chainHead == "920a0fc41670947b3091f512ced216eef3fc2da86c2ea106f3da28e092b7b6e2")
        let names = ["leaderboard.json", "leaderboard.csv", "leaderboard.md", "report.html", "appendix.html"]
        #expect(summary.files == names.map { out + "/" + $0 })
        let store = try RunStore(folder: out)
        #expect(try store.chainHead() == summary.chainHead && store.currentScores().count == 8)
        let manifest = try #require(try RunManifestStore.load(store: store))
        #expect(manifest.shard == nil && manifest.chainHead == summary.chainHead && manifest.chainRows == 8)
        let report = try RunVerification.verify(folder: out, tracks: Self.tracks)
        #expect(report.ok, "\(report.problems)")
        #expect(report.checkedRows == 8 && report.checkedScores == 8)
    }

    /// Folders that cannot be merged are all named before anything is read: one that is no run folder, a whole run
    /// (no shard), a shard of another manifest (another seed), a shard given twice, and an output folder that holds
    /// a file, which is left as it was.
    @Test func everyFolderProblemIsNamedAndNothingWritten() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let empty = fixture.path("empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        try fixture.store("whole", results: Self.results, round: "merge", tracks: Self.tracks, teams: ["alpha", "beta"])
        let whole = fixture.path("whole")
        let one = try Self.shard(fixture, "s1", index: 1, results: Self.part(1))
        let other = try Self.shard(fixture, "s2", index: 2, seed: 10, results: Self.part(2))
        let out = fixture.path("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try "keep".write(toFile: out + "/note.txt", atomically: true, encoding: .utf8)
        let problem = try #require(throws: RunMerge.Problem.self) {
            try RunMerge.merge(out: out, shards: [empty, whole, one, one, other], tracks: Self.tracks)
        }
        #expect(problem.description == Self.refusal([
            "\(empty): not a run folder / 不是结果目录",
            "\(whole): not a shard (made without --shard) / 不是分片目录",
            "\(other): made with another manifest than \(one) (round, seed, sets, teams or shard count) / 清单不一致",
            "shard 1/2 is given 2 times / 分片重复",
            "\(out) exists and is not empty: a merge writes a new run folder / 输出目录非空",
        ]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["note.txt"])
        let missing = try #require(throws: RunMerge.Problem.self) {
            try RunMerge.merge(out: fixture.path("new"), shards: [one], tracks: Self.tracks)
        }
        #expect(missing.lines == ["shard 2/2 is missing / 缺少分片"])
        #expect(!FileManager.default.fileExists(atPath: fixture.path("new")))
    }

    /// An answer in the wrong shard is refused twice over: it does not belong to shard 1, and shard 2 holds it too.
    @Test func anAnswerInTwoShardsIsRefused() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let stray = try #require(Self.part(2).first)
        let one = try Self.shard(fixture, "s1", index: 1, results: Self.part(1) + [stray])
        let two = try Self.shard(fixture, "s2", index: 2, results: Self.part(2))
        let problem = try #require(throws: RunMerge.Problem.self) {
            try RunMerge.merge(out: fixture.path("out"), shards: [one, two], tracks: Self.tracks)
        }
        #expect(problem.lines == [
            "\(one): alpha/t/s/q0#0 does not belong to shard 1/2 / 回答不属于该分片",
            "alpha/t/s/q0#0 is in both \(one) and \(two) / 同一回答出现在两个分片",
        ])
        #expect(!FileManager.default.fileExists(atPath: fixture.path("out")))
    }
}
