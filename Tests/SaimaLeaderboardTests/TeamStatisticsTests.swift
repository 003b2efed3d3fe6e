import Foundation
import SaimaLeaderboard
import SaimaModel
import Testing

/// What a board entry counts besides the score: distinct answered items, failures by class, unextractable answers,
/// latency over ok answers only (mean and numpy's 95th percentile), tokens clamped per answer and summed, the
/// extraction audit, and the memorization and paraphrase probes (pending answers left out of the probes).
@Suite("Team statistics on board entries")
struct TeamStatisticsTests {
    typealias Answer = LeaderboardInput.Answer

    static func answer(_ team: String, _ track: String, _ item: String, sample: Int = 0, score: Double = 0,
                       outcome: Outcome = .ok, latency: Double, tokens: Int = 0) -> Answer
    {
        Answer(team: team, track: track, set: track == "t" ? "s" : "u", item: item, sample: sample, score: score,
               outcome: outcome, unextractable: false, latencyMs: latency, tokens: tokens)
    }

    static var board: Leaderboard {
        let tracks = [
            LeaderboardInput.TrackSpec(id: "t", name: LocalizedText(zh: "甲", en: "T"), weight: 1,
                                       sets: [.init(id: "s", weight: 1, items: ["i1", "i2", "i3", "i4"])]),
            LeaderboardInput.TrackSpec(id: "t2", name: LocalizedText(zh: "乙", en: "T2"), weight: 1,
                                       sets: [.init(id: "u", weight: 1, items: ["j1"])]),
        ]
        let teams = [LeaderboardInput.TeamSpec(id: "A", name: LocalizedText(zh: "A", en: "A"), entered: ["t", "t2"]),
                     LeaderboardInput.TeamSpec(id: "B", name: LocalizedText(zh: "B", en: "B"), entered: ["t"])]
        var strong = answer("A", "t", "i1", score: 1, latency: 100, tokens: 10)
        (strong.rule, strong.ruleStrength) = ("answer_line", "strong")
        var weak = answer("A", "t", "i1", sample: 1, latency: 300, tokens: 20)
        (weak.rule, weak.ruleStrength) = ("choice_text", "weak")
        var unread = answer("A", "t", "i3", latency: 200, tokens: Int.max)
        unread.unextractable = true
        var pending = answer("A", "t", "i4", score: 1, latency: 400, tokens: -5)
        (pending.pending, pending.answerMoved) = (true, true)
        var kept = answer("A", "t", "i4", sample: 1, score: 1, latency: 600)
        (kept.answerMoved, kept.asWritten) = (false, false)
        let answers = [
            strong, weak, unread, pending, kept,
            answer("A", "t", "i2", outcome: .timeout, latency: 5000),
            answer("A", "t", "i2", sample: 1, outcome: .http5xx, latency: 50),
            answer("A", "t2", "j1", score: 1, latency: 1000, tokens: 5), answer("Z", "t", "i1", score: 1, latency: 1),
        ]
        let input = LeaderboardInput(round: "r", tracks: tracks, teams: teams, answers: answers)
        return LeaderboardBuilder(seed: 3, resamples: 20).build(input, generatedAt: Date(timeIntervalSince1970: 0))
    }

    /// Team A on track t: every count, exactly.
    @Test func aTeamsTrackEntryCountsExactly() throws {
        let a = try #require(Self.board.tracks[0].entries.first { $0.team == "A" })
        #expect(a.score == 37.5, "i1 = (1 + 0) / 2, i2 and i3 = 0, i4 = 1")
        #expect(a.items == 4 && a.answered == 3 && a.unextractable == 1)
        #expect(a.failedByClass == [.timeout: 1, .http5xx: 1] && a.failed == 2)
        #expect(a.meanLatencyMs == 320 && a.p95LatencyMs.map { near($0, 560) } == true, "ok answers 100, 200, 300, 400, 600")
        #expect(a.tokens == 4_294_967_325, "10 + 20 + UInt32.max (Int.max clamped) + 0 (−5 clamped)")
        #expect(a.extraction.byRule == ["answer_line": 1, "choice_text": 1])
        #expect(a.extraction.byStrength == ["strong": 1, "weak": 1])
        #expect(a.extraction.unextractable == 1 && a.extraction.counted == 3)
        #expect(a.memorization.kept == 1 && a.memorization.moved == 0, "the pending answer is left out")
        #expect(a.paraphrase.moved == 1 && a.paraphrase.movedScore == 1 && a.paraphrase.kept == 0)
        #expect(!a.notEntered)
    }

    /// A team without answers has zero counts and no latency; an unlisted team's answers appear nowhere.
    @Test func aTeamWithoutAnswersHasNoLatency() throws {
        let board = Self.board
        let b = try #require(board.tracks[0].entries.first { $0.team == "B" })
        #expect(b.score == 0 && b.answered == 0 && b.failed == 0 && b.tokens == 0)
        #expect(b.meanLatencyMs == nil && b.p95LatencyMs == nil)
        #expect(board.overall.entries.map(\.team).sorted() == ["A", "B"])
    }

    /// Overall entries count over all tracks: A's items are its boards' items summed; latency covers both tracks.
    @Test func overallEntriesCountOverAllTracks() throws {
        let overall = Self.board.overall
        let a = try #require(overall.entries.first { $0.team == "A" })
        #expect(a.items == 5 && a.answered == 4 && a.failed == 2 && a.tokens == 4_294_967_330)
        #expect(a.meanLatencyMs.map { near($0, 2600.0 / 6) } == true && a.p95LatencyMs.map { near($0, 900) } == true)
        #expect(a.notEnteredTracks.isEmpty)
        let b = try #require(overall.entries.first { $0.team == "B" })
        #expect(b.items == 4 && b.notEnteredTracks == ["t2"])
    }
}
