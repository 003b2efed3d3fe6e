import SaimaModel
import Testing

/// How a set's scores combine their sources: one source, or a weighted mean renormalized over the sources present.
struct ScoringModeTests {
    /// Labels are the `scoring` values of `track.yaml`; a blend lists its weights.
    @Test func labelsAreTheTrackFileValues() {
        #expect([ScoringMode.auto, .llmJudge, .human].map(\.label) == ["auto", "llm_judge", "human"])
        #expect(ScoringMode.blend(auto: 0.5, llmJudge: 0.3, human: 0.2).label == "blend(auto 0.5, llm_judge 0.3, human 0.2)")
        #expect(ScoreSource.allCases.map(\.rawValue) == ["auto", "llm_judge", "human"])
    }

    /// A single-source mode gives its source (nil while missing); a blend averages the present sources with their
    /// weights renormalized, and is nil when the present sources weigh nothing.
    @Test func combiningRenormalizesOverPresentSources() throws {
        #expect(ScoringMode.auto.combine(auto: 0.25, llmJudge: 1, human: 1) == 0.25)
        #expect(ScoringMode.llmJudge.combine(auto: 1, llmJudge: nil, human: 1) == nil)
        #expect(ScoringMode.human.combine(auto: 1, llmJudge: 1, human: 0.5) == 0.5)
        let blend = ScoringMode.blend(auto: 0.5, llmJudge: 0.3, human: 0.2)
        // (0.5·0 + 0.3·1) / (0.5 + 0.3): the human weight drops out while no human has scored.
        #expect(abs(try #require(blend.combine(auto: 0, llmJudge: 1, human: nil)) - 0.375) < 1e-12)
        #expect(abs(try #require(blend.combine(auto: 0.2, llmJudge: 0.6, human: 1)) - 0.48) < 1e-12)
        #expect(ScoringMode.blend(auto: 0, llmJudge: 1, human: 0).combine(auto: 1, llmJudge: nil, human: nil) == nil)
    }
}
