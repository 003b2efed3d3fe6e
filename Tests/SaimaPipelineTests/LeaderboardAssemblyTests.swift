import SaimaModel
import Foundation
import SaimaLeaderboard
import SaimaPipeline
import SaimaStorage
import Testing

/// The leaderboard input of a run (`LeaderboardAssembly`): the round's tracks, sets and teams from its manifest, and
/// one compact row per current answer with its stored score, reading rule, tokens and sources.
@Suite("Assembling a run's leaderboard input (pipeline, directly)")
struct LeaderboardAssemblyTests {
    static func score(_ team: String, _ item: String, sample: Int = 0, _ value: Double, extracted: String? = nil,
                      rule: String? = nil, reason: String = "", moved: Bool? = nil, human: Double? = nil) -> StoredScore {
        StoredScore(
            key: ResultKey(team: team, track: "t", set: "s", item: item, sample: sample), score: value, reason: reason,
            extracted: extracted, metric: "choice", metricVersion: 1, unextractable: false, autoScore: value, humanScore: human,
            rule: rule, answerMoved: moved)
    }

    /// A folder without a manifest is not a run folder.
    @Test func aFolderWithoutManifestIsRefused() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let store = try fixture.store("run", results: [])
        let problem = try #require(throws: LeaderboardAssembly.Problem.self) {
            try LeaderboardAssembly.input(store: store, tracks: [RunScoringTests.track(count: 1)], folder: "runs/x")
        }
        #expect(problem.description == "runs/x has no manifest: it is not a run folder / 不是结果目录")
    }

    /// Only the round's track and teams (a track outside the round and a team outside the manifest are left out);
    /// answers in key order scored as stored — a failure scores 0 whatever was stored, an unscored answer 0 with no
    /// sources — with rule, strength and tokens (each count clamped to 0…10⁹); items answered in two shuffled orders
    /// count for robustness (q0 read B then A disagrees, q1 read B twice agrees).
    @Test func rowsFollowTheStoredScores() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let track = RunScoringTests.track(count: 4)
        var outside = RunScoringTests.track(count: 1)
        outside.id = "u"
        func answer(_ team: String, _ item: String, sample: Int = 0, _ outcome: Outcome = .ok,
                    usage: (prompt: Int, completion: Int)? = nil) -> ItemResult {
            var r = RunFolderFixture.result(team, item, outcome)
            r.key.sample = sample
            r.usage = usage
            return r
        }
        let store = try fixture.store("run", results: [
            answer("alpha", "q0", usage: (prompt: 12, completion: 30)), answer("alpha", "q0", sample: 1),
            answer("alpha", "q1", usage: (prompt: -5, completion: 2_000_000_000)), answer("alpha", "q1", sample: 1),
            answer("alpha", "q2"), answer("alpha", "q3", .timeout), answer("beta", "q0"), answer("ghost", "q0"),
        ], round: "assembly", tracks: [track], teams: ["alpha", "beta"])
        try store.replaceScores([
            Self.score("alpha", "q0", 1, extracted: "B", rule: "answer_line", moved: true),
            Self.score("alpha", "q0", sample: 1, 0, extracted: "A", rule: "bare", moved: false),
            Self.score("alpha", "q1", 0.5, extracted: "B", rule: "stray_letter", moved: true),
            Self.score("alpha", "q1", sample: 1, 0.5, extracted: "B", rule: "stray_letter", moved: true),
            Self.score("alpha", "q3", 1, reason: "timeout"),
            Self.score("beta", "q0", 1, extracted: "B", rule: "answer_line", human: 0.5),
        ])
        let input = try LeaderboardAssembly.input(store: store, tracks: [track, outside], folder: fixture.path("run"))
        #expect(input.round == "assembly" && input.tracks.map(\.id) == ["t"])
        #expect(input.tracks[0].sets.map(\.items) == [["q0", "q1", "q2", "q3"]])
        #expect(input.teams.map(\.id) == ["alpha", "beta"] && input.teams.allSatisfy { $0.entered == ["t"] })
        let table = input.answers
        #expect(table.rows.map(\.team) == [0, 0, 0, 0, 0, 0, 1])
        #expect(table.rows.map(\.score) == [1, 0, 0.5, 0.5, 0, 0, 1])
        #expect(table.rows.map(\.outcome) == [.ok, .ok, .ok, .ok, .ok, .timeout, .ok])
        #expect(table.rows.map(\.tokens) == [42, 0, 1_000_000_000, 0, 0, 0, 0])
        #expect(table.rows.map { table.name($0.rule) }
            == ["answer_line", "bare", "stray_letter", "stray_letter", nil, nil, "answer_line"])
        #expect(table.rows.map { table.name($0.strength) } == ["strong", "strong", "weak", "weak", nil, nil, "strong"])
        #expect(table.sources(row: 4) == SourceValues() && table.sources(row: 5) == SourceValues(auto: 0))
        #expect(table.sources(row: 6) == SourceValues(auto: 1, human: 0.5))
        let robustness = try #require(input.robustness["alpha"]?["t"])
        #expect(robustness.items == 2 && robustness.agreeing == 1 && input.robustness["beta"] == nil)
    }
}
