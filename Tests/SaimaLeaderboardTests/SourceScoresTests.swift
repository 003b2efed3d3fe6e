import SaimaLeaderboard
import SaimaModel
import Testing

/// Per-source track scores, the sources an answer carries, and the arena's count of decisive battles.
struct SourceScoresTests {
    /// For each source: samples averaged per item, items without that source left out, sets weighted over the sets
    /// that have any; a source no answer has is absent.
    @Test func eachSourceScoresOnlyTheItemsItSaw() throws {
        let track = LeaderboardInput.TrackSpec(
            id: "t", name: LocalizedText(zh: "t", en: "t"), weight: 1,
            sets: [.init(id: "s1", weight: 1, items: ["a", "b"]), .init(id: "s2", weight: 3, items: ["c"])])
        func answer(_ item: String, _ sample: Int, _ score: Double, _ sources: SourceValues) -> LeaderboardInput.Answer {
            var a = LeaderboardInput.Answer(team: "A", track: "t", set: item == "c" ? "s2" : "s1", item: item, sample: sample,
                                            score: score, outcome: .ok, unextractable: false, latencyMs: 1, tokens: 0)
            a.sources = sources
            return a
        }
        let input = LeaderboardInput(
            round: "r", tracks: [track], teams: [.init(id: "A", name: LocalizedText(zh: "A", en: "A"), entered: ["t"])],
            answers: [
                answer("a", 0, 1, SourceValues(auto: 1)), answer("a", 1, 0, SourceValues(auto: 0, llmJudge: 0.5)),
                answer("b", 0, 0.5, SourceValues(auto: 0.5, human: 1)), answer("c", 0, 1, SourceValues(auto: 1, llmJudge: 0)),
            ])
        let entry = try #require(LeaderboardBuilder(seed: 1, resamples: 5).build(input).tracks.first?.entries.first)
        // auto: s1 = mean(mean(1, 0), 0.5) = 0.5, s2 = 1 → (0.5 + 3) / 4; judge: s1 = 0.5, s2 = 0 → 0.5 / 4;
        // human: only s1 has one → 1.
        #expect(entry.sourceScores.keys.sorted() == ["auto", "human", "llm_judge"])
        #expect(entry.sourceScores["auto"].map { near($0, 87.5) } == true)
        #expect(entry.sourceScores["llm_judge"].map { near($0, 12.5) } == true)
        #expect(entry.sourceScores["human"].map { near($0, 100) } == true)
    }

    /// The present sources in `ScoreSource` order; the subscript reads and writes each source.
    @Test func sourceValuesListAndSetTheirSources() {
        var values = SourceValues(auto: 0.2, human: 1)
        #expect(values.present.map(\.source) == [.auto, .human] && values.present.map(\.value) == [0.2, 1])
        values[.llmJudge] = 0.7
        values[.auto] = nil
        #expect(values == SourceValues(llmJudge: 0.7, human: 1))
        #expect(SourceValues().present.isEmpty)
    }

    /// A team's decisive battles are its battles in every pair it is in, minus the ties.
    @Test func decisiveBattlesLeaveOutTies() {
        let bias = ArenaBias(judge: "j", battles: 19, ordersDisagree: 4, pairs: [
            .init(a: "A", b: "B", battles: 10, ties: 3, ordersDisagree: 2),
            .init(a: "A", b: "C", battles: 5, ties: 5, ordersDisagree: 2),
            .init(a: "B", b: "C", battles: 4, ties: 0, ordersDisagree: 0),
        ])
        #expect(["A", "B", "C", "D"].map(bias.decisiveBattles(of:)) == [7, 11, 4, 0])
        #expect(ArenaBias.minimumDecisive == 10)
    }
}
