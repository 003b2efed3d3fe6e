import SaimaModel
import Testing

@testable import SaimaLeaderboard

/// The memorization probe: the gap between accuracy where the answer kept its letter and where it moved, its
/// Newcombe interval (checked against statsmodels), and the flag, counted through the boards from answer rows.
struct MemorizationProbeTests {
    static func probe(kept: Int, of keptTotal: Int, moved: Int, of movedTotal: Int) -> MemorizationProbe {
        var p = MemorizationProbe()
        for i in 0..<keptTotal { p.add(moved: false, score: i < kept ? 1 : 0) }
        for i in 0..<movedTotal { p.add(moved: true, score: i < moved ? 1 : 0) }
        return p
    }

    /// Reference: statsmodels 0.15.0 `confint_proportions_2indep(c1, n1, c2, n2, method="newcomb", compare="diff")`.
    @Test(arguments: [
        (56, 70, 48, 80, 0.05243147240236498, 0.33387265403690614),
        (12, 12, 5, 36, 0.5771735681597696, 0.9391818499086717),
        (9, 10, 3, 10, 0.1705227239345029, 0.809017973535488),
        (30, 40, 28, 40, -0.14314910819112955, 0.23841546753207019),
    ])
    func intervalMatchesStatsmodels(c1: Int, n1: Int, c2: Int, n2: Int, low: Double, high: Double) throws {
        let gap = try #require(Self.probe(kept: c1, of: n1, moved: c2, of: n2).gap)
        #expect(abs(gap.value - (Double(c1) / Double(n1) - Double(c2) / Double(n2))) < 1e-12)
        #expect(abs(gap.low - low) < 1e-9, "low \(gap.low) vs \(low)")
        #expect(abs(gap.high - high) < 1e-9, "high \(gap.high) vs \(high)")
    }

    @Test func aTeamAnsweringByLetterIsFlaggedAndAnHonestOneIsNot() {
        // A leaked key: all 12 kept right, 9 of 36 moved right by chance.
        #expect(Self.probe(kept: 12, of: 12, moved: 9, of: 36).flagged)
        // Reading the options: the same accuracy on both groups.
        #expect(!Self.probe(kept: 9, of: 12, moved: 27, of: 36).flagged)
        // Too few answers in a group to say anything.
        #expect(!Self.probe(kept: 5, of: 5, moved: 0, of: 20).flagged)
        // A real but small gap (interval reaching below ten points) is not flagged.
        #expect(!Self.probe(kept: 30, of: 40, moved: 28, of: 40).flagged)
        #expect(MemorizationProbe().gap == nil)
    }

    @Test func theBoardsCountOnlyShuffledChoiceAnswers() throws {
        let items = (0..<20).map { "i\($0)" }
        var answers: [LeaderboardInput.Answer] = []
        for (n, item) in items.enumerated() {
            // "leaker": right on the 5 kept, wrong on the 15 moved; "plain": not shuffled (no probe).
            var a = LeaderboardInput.Answer(
                team: "leaker", track: "t", set: "s", item: item, sample: 0, score: n < 5 ? 1 : 0, outcome: .ok,
                unextractable: false, latencyMs: 1, tokens: 0)
            a.answerMoved = n >= 5
            answers.append(a)
            answers.append(LeaderboardInput.Answer(
                team: "plain", track: "t", set: "s", item: item, sample: 0, score: 1, outcome: .ok,
                unextractable: false, latencyMs: 1, tokens: 0))
        }
        let input = LeaderboardInput(
            round: "r",
            tracks: [.init(id: "t", name: LocalizedText(zh: "题", en: "T"), weight: 1, sets: [.init(id: "s", weight: 1, items: items)])],
            teams: ["leaker", "plain"].map { .init(id: $0, name: LocalizedText(zh: $0, en: $0), entered: ["t"]) },
            answers: answers)
        let board = LeaderboardBuilder(seed: 1, resamples: 50).build(input)
        let leaker = try #require(board.overall.entries.first { $0.team == "leaker" }?.memorization)
        let plain = try #require(board.overall.entries.first { $0.team == "plain" }?.memorization)
        #expect(leaker.kept == 5 && leaker.moved == 15 && leaker.keptAccuracy == 1 && leaker.movedAccuracy == 0)
        #expect(!leaker.flagged, "five kept answers are fewer than the minimum group")
        #expect(plain.kept == 0 && plain.moved == 0)
    }

    @Test func aTeamFarBetterOnItemsAsWrittenThanOnParaphrasesIsFlagged() throws {
        let items = (0..<40).map { "i\($0)" }
        var answers: [LeaderboardInput.Answer] = []
        for (n, item) in items.enumerated() {
            // "memorizer": right on the 20 items shown as written, wrong on the 20 paraphrased.
            var a = LeaderboardInput.Answer(
                team: "memorizer", track: "t", set: "s", item: item, sample: 0, score: n < 20 ? 1 : 0, outcome: .ok,
                unextractable: false, latencyMs: 1, tokens: 0)
            a.asWritten = n < 20
            answers.append(a)
            var b = LeaderboardInput.Answer(
                team: "reader", track: "t", set: "s", item: item, sample: 0, score: n % 2 == 0 ? 1 : 0, outcome: .ok,
                unextractable: false, latencyMs: 1, tokens: 0)
            b.asWritten = n < 20
            answers.append(b)
        }
        let input = LeaderboardInput(
            round: "r",
            tracks: [.init(id: "t", name: LocalizedText(zh: "题", en: "T"), weight: 1, sets: [.init(id: "s", weight: 1, items: items)])],
            teams: ["memorizer", "reader"].map { .init(id: $0, name: LocalizedText(zh: $0, en: $0), entered: ["t"]) },
            answers: answers)
        let board = LeaderboardBuilder(seed: 1, resamples: 50).build(input)
        let memorizer = try #require(board.overall.entries.first { $0.team == "memorizer" }?.paraphrase)
        let reader = try #require(board.overall.entries.first { $0.team == "reader" }?.paraphrase)
        #expect(memorizer.flagged && memorizer.gap?.value == 1)
        #expect(!reader.flagged && reader.gap?.value == 0)
    }
}
