import Foundation
import SaimaBase
import SaimaModel
import Testing

@testable import SaimaRegistry

/// `min_correct` on a question set: multi-choice items learn it (for the prompt), and an item with fewer
/// correct letters than the set promises is a located warning, not an error.
struct MinimumCorrectTests {
    @Test func setPromiseReachesItemsAndContradictingItemsWarn() throws {
        let fixture = try TrackFixture()
        defer { fixture.remove() }
        try fixture.write("public/finance/track.yaml", TrackFixture.financeYAML.replacingOccurrences(
            of: "weight: 2.0", with: "weight: 2.0\n    min_correct: 2"))
        try fixture.write("public/finance/questions/credit.jsonl", TrackFixture.creditItems + """
            {"id":"c5","type":"multi_choice","prompt":"哪项正确？","choices":{"A":"甲","B":"乙"},"answer":"B"}

            """)
        try fixture.write("public/finance/datasets/rules.md", TrackFixture.rulesMarkdown)
        let registry = try TrackRegistry.load(roots: [fixture.path("public")])
        let set = try #require(registry.tracks.first?.questionSets.first)
        #expect(set.minimumCorrect == 2)
        #expect(try set.items.all().first { $0.id == "c2" }?.minimumCorrect == 2)
        #expect(try set.items.all().first { $0.id == "c1" }?.minimumCorrect == 1, "single choice is untouched")
        let warnings = registry.warnings
        #expect(warnings.count == 1)
        #expect(warnings.first?.description.hasSuffix("credit.jsonl:5: warning: item `c5`: answer `B` has fewer than the 2 correct options that set `credit` promises (min_correct); the prompt would mislead / 答案选项数少于题集声明的 min_correct") == true)
    }

    @Test func minimumCorrectMustBeAWholeNumber() throws {
        let fixture = try TrackFixture()
        defer { fixture.remove() }
        try fixture.write("public/finance/track.yaml", TrackFixture.financeYAML.replacingOccurrences(
            of: "weight: 2.0", with: "weight: 2.0\n    min_correct: 1.5"))
        try fixture.write("public/finance/questions/credit.jsonl", TrackFixture.creditItems)
        try fixture.write("public/finance/datasets/rules.md", TrackFixture.rulesMarkdown)
        #expect(throws: DiagnosticsError.self) { try TrackRegistry.load(roots: [fixture.path("public")]) }
    }
}

/// Issue 13, point 4: relative tracks roots in a round file resolve against the round file's folder, and a
/// private root may extend a public track without repeating its name.
struct RelativeRootTests {
    @Test func roundFileRootsResolveAgainstTheRoundFilesFolderAndExtendPublicTracks() throws {
        let fixture = try TrackFixture()
        defer { fixture.remove() }
        try fixture.writeValidFinance(rootName: "repo/Tracks")
        try fixture.write("secure/Tracks/finance/track.yaml", """
            id: finance
            question_sets:
              - {id: hidden, file: questions/hidden.jsonl, pilot_unit: 测试银行, split: test}
            """)
        try fixture.write("secure/Tracks/finance/questions/hidden.jsonl", #"{"id":"h1","type":"true_false","prompt":"是否？","answer":true}"#)
        let round = try fixture.write("repo/Rounds/final.yaml", "name: final\nsplit: test\ntracks_roots: [../../secure/Tracks]\n")
        let file = try RoundFile.load(path: round)
        let registry = try TrackRegistry.load(roots: [fixture.path("repo/Tracks")] + file.tracksRoots)
        let finance = try #require(registry.tracks.first { $0.id == "finance" })
        #expect(finance.name.en == "Finance", "the public root's name")
        #expect(finance.questionSets.map(\.id).sorted() == ["credit", "hidden"])
    }
}
