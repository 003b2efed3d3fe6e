import SaimaModel
import Testing

@testable import SaimaLeaderboard

/// The extraction audit on the boards: shares per rule and strength, and the flag for a team whose answers
/// were mostly read by weak rules.
struct ExtractionAuditTests {
    static func answer(_ team: String, _ item: String, rule: String?, strength: String?, unextractable: Bool = false)
        -> LeaderboardInput.Answer
    {
        var a = LeaderboardInput.Answer(
            team: team, track: "t", set: "s", item: item, sample: 0, score: 0, outcome: .ok,
            unextractable: unextractable, latencyMs: 1, tokens: 0)
        a.rule = rule
        a.ruleStrength = strength
        return a
    }

    @Test func mostlyWeakReadingsAreFlaggedAndSharesAreExact() throws {
        let items = (1...10).map { "i\($0)" }
        var answers: [LeaderboardInput.Answer] = []
        // Team "clear": 9 answer lines, 1 unextractable. Team "guessed": 6 restated texts, 2 stray, 2 lines.
        for (n, item) in items.enumerated() {
            answers.append(n < 9
                ? Self.answer("clear", item, rule: "answer_line", strength: "strong")
                : Self.answer("clear", item, rule: nil, strength: nil, unextractable: true))
            let (rule, strength) = n < 6 ? ("choice_text", "weak") : n < 8 ? ("stray_letter", "weak") : ("answer_line", "strong")
            answers.append(Self.answer("guessed", item, rule: rule, strength: strength))
        }
        let input = LeaderboardInput(
            round: "r",
            tracks: [.init(id: "t", name: LocalizedText(zh: "题", en: "T"), weight: 1, sets: [.init(id: "s", weight: 1, items: items)])],
            teams: ["clear", "guessed"].map { .init(id: $0, name: LocalizedText(zh: $0, en: $0), entered: ["t"]) },
            answers: answers)
        let board = LeaderboardBuilder(seed: 1, resamples: 50).build(input)
        let clear = try #require(board.overall.entries.first { $0.team == "clear" }?.extraction)
        let guessed = try #require(board.overall.entries.first { $0.team == "guessed" }?.extraction)
        #expect(clear.counted == 10 && clear.unextractable == 1 && clear.byRule == ["answer_line": 9])
        #expect(clear.unextractableShare == 0.1 && clear.weakShare == 0 && !clear.flagged)
        #expect(guessed.byRule == ["choice_text": 6, "stray_letter": 2, "answer_line": 2])
        #expect(guessed.weakShare == 0.8 && guessed.flagged)
        // Exactly half is not "mostly".
        var half = ExtractionAudit()
        for _ in 0..<5 { half.add(rule: "choice_text", strength: "weak", unextractable: false) }
        for _ in 0..<5 { half.add(rule: "bare", strength: "strong", unextractable: false) }
        #expect(!half.flagged)
    }
}
