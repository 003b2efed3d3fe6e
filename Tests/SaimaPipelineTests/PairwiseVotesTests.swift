import Foundation
import SaimaJudging
import SaimaBase
import SaimaModel
import SaimaPipeline
import SaimaRunner
import Testing

/// Human pairwise votes (`PairwiseVotes`): each judge's own seeded pairs of two teams' open answers, the votes' log
/// for `saima ratings --battles`, and Bradley–Terry ratings once the votes connect the teams.
@Suite("Human pairwise votes (pipeline, directly)")
struct PairwiseVotesTests {
    /// Generation items g0–g2: g0 answered by alpha, beta and gamma; g1 by alpha and gamma (beta timed out); g2 by
    /// alpha alone; a second sample of g0 that pairs ignore.
    static func run(_ fixture: RunFolderFixture) throws -> (folder: String, tracks: [Track]) {
        var second = RunFolderFixture.result("beta", "g0", content: "第二次", set: "g")
        second.key.sample = 1
        let tracks = [HumanScoreEntryTests.generationTrack(count: 3)]
        try fixture.store("run", results: [
            RunFolderFixture.result("alpha", "g0", content: "甲答0", set: "g"),
            RunFolderFixture.result("beta", "g0", content: "乙答0", set: "g"),
            RunFolderFixture.result("gamma", "g0", content: "丙答0", set: "g"),
            RunFolderFixture.result("alpha", "g1", content: "甲答1", set: "g"),
            RunFolderFixture.result("beta", "g1", .timeout, set: "g"),
            RunFolderFixture.result("gamma", "g1", content: "丙答1", set: "g"),
            RunFolderFixture.result("alpha", "g2", content: "甲答2", set: "g"),
            second,
        ])
        return (fixture.path("run"), tracks)
    }

    /// With at most two pairs an item: two of g0's three pairs, g1's only pair, none for g2. Each pair shows two
    /// different teams' first-sample answers with the question as sent, its id is the first 12 hex digits of
    /// SHA-256 over judge, item and the two sides, and the same judge and seed always get the same pairs.
    @Test func eachJudgeGetsSeededPairsOfOpenAnswers() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let run = try Self.run(fixture)
        let pairs = try PairwiseVotes.pairs(folder: run.folder, tracks: run.tracks, judge: "j1", perItem: 2, seed: 5)
        #expect(pairs.map(\.item).sorted() == ["g0", "g0", "g1"])
        let answers = ["alpha": "甲答", "beta": "乙答", "gamma": "丙答"]
        let items = try run.tracks[0].questionSets[0].items.all()
        for p in pairs {
            #expect(p.leftTeam != p.rightTeam && p.track == "t" && p.set == "g")
            #expect(p.leftAnswer == (answers[p.leftTeam] ?? "") + p.item.dropFirst())
            #expect(p.rightAnswer == (answers[p.rightTeam] ?? "") + p.item.dropFirst())
            #expect(p.id == String(SHA256Digest.hex("j1|t/g/\(p.item)|\(p.leftTeam)|\(p.rightTeam)").prefix(12)))
            let item = try #require(items.first { $0.id == p.item })
            #expect(p.question == ChatRequestBuilder(track: run.tracks[0]).userText(for: item))
        }
        #expect(Set(pairs.filter { $0.item == "g1" }.flatMap { [$0.leftTeam, $0.rightTeam] }) == ["alpha", "gamma"])
        #expect(try PairwiseVotes.pairs(folder: run.folder, tracks: run.tracks, judge: "j1", perItem: 2, seed: 5) == pairs)
    }

    /// By default (three an item) g0 gives every pair of its three teams; another judge's pairs have ids of their own.
    @Test func everyPairUpToPerItemAndIdsPerJudge() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let run = try Self.run(fixture)
        let j1 = try PairwiseVotes.pairs(folder: run.folder, tracks: run.tracks, judge: "j1", seed: 5)
        let g0 = j1.filter { $0.item == "g0" }.map { [$0.leftTeam, $0.rightTeam].sorted().joined(separator: "-") }
        #expect(g0.sorted() == ["alpha-beta", "alpha-gamma", "beta-gamma"])
        let j2 = try PairwiseVotes.pairs(folder: run.folder, tracks: run.tracks, judge: "j2", seed: 5)
        #expect(j2.count == 4 && Set(j2.map(\.id)).isDisjoint(with: j1.map(\.id)))
    }

    /// The log is one canonical JSON line per vote (`orders_disagree` only when set), replaced by each write, and
    /// reads back as the same battles.
    @Test func theLogIsRewrittenFromTheVotes() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let folder = fixture.path("run")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let votes = [
            Battle(a: "alpha", b: "beta", winner: .a), Battle(a: "beta", b: "gamma", winner: .tie, ordersDisagree: true),
        ]
        try PairwiseVotes.writeLog([votes[0]], folder: folder)
        try PairwiseVotes.writeLog(votes, folder: folder)
        let path = folder + "/human-battles.jsonl"
        #expect(try String(contentsOfFile: path, encoding: .utf8) == #"{"a":"alpha","b":"beta","winner":"a"}"# + "\n"
            + #"{"a":"beta","b":"gamma","orders_disagree":true,"winner":"tie"}"# + "\n")
        #expect(try BattleLog.load(path: path) == votes)
    }

    /// Alpha beating beta two votes to one puts beta 400·log10(2) below alpha's anchored 1000 (no resamples: the
    /// interval is the point); votes that never let beta win do not connect the teams, so there are no ratings.
    @Test func ratingsOnceTheVotesConnect() throws {
        let votes = [Battle(a: "alpha", b: "beta", winner: .a), Battle(a: "beta", b: "alpha", winner: .a),
                     Battle(a: "beta", b: "alpha", winner: .b)]
        let ratings = try #require(PairwiseVotes.ratings(votes, resamples: 0, seed: 1))
        #expect(ratings.map(\.team) == ["alpha", "beta"] && ratings.map(\.battles) == [3, 3])
        #expect(abs(ratings[0].rating - 1000) < 1e-6 && abs(ratings[1].rating - (1000 - 400 * log10(2.0))) < 1e-6)
        #expect(ratings.allSatisfy { $0.ci95.lowerBound == $0.rating && $0.ci95.upperBound == $0.rating })
        #expect(PairwiseVotes.ratings([Battle(a: "alpha", b: "beta", winner: .a)], resamples: 0, seed: 1) == nil)
    }
}
