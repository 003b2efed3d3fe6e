import Foundation
import SaimaBase
import SaimaModel
import Testing

@testable import SaimaRegistry

@Suite("Track registry loading and merging")
struct TrackRegistryTests {
    @Test func loadsAValidTrack() throws {
        let fixture = try TrackFixture()
        defer { fixture.remove() }
        try fixture.writeValidFinance()
        let registry = try TrackRegistry.load(roots: [fixture.path("public")])
        let track = try #require(registry.track("finance"))
        #expect(track.name == LocalizedText(zh: "金融", en: "Finance"))
        #expect(track.questionSets.count == 1)
        let set = track.questionSets[0]
        #expect(set.weight == 2.0)
        #expect(set.split == .dev)
        #expect(set.items.ids == ["c1", "c2", "c3", "c4"])
        #expect(try set.items.item(at: 0).answer == .letters("B"))
        #expect(try set.items.item(at: 0).citation == DatasetCitation(dataset: "rules", section: "s1"))
        #expect(try set.items.item(at: 1).answer == .letters("ACD"))
        #expect(try set.items.item(at: 2).answer == .truth(true))
        #expect(try set.items.item(at: 3).answer == .number(1050.5))
        #expect(try set.items.item(at: 3).tolerance == 0.001)
        #expect(try set.items.item(at: 3).line == 4)
        #expect(track.dataset("rules")?.sections["s2"]?.contains("三十年") == true)
        #expect(set.contentHash.count == 64)
    }

    @Test func mergesATrackFromTwoRoots() throws {
        let fixture = try TrackFixture()
        defer { fixture.remove() }
        try fixture.writeValidFinance(rootName: "public")
        try fixture.write(
            "private/finance/track.yaml",
            """
            id: finance
            name: {zh: 金融, en: Finance}
            question_sets:
              - id: credit-test
                file: questions/hidden.jsonl
                pilot_unit: {zh: 测试银行, en: Test Bank}
                split: test
            """)
        try fixture.write(
            "private/finance/questions/hidden.jsonl",
            #"{"id":"h1","type":"short_answer","prompt":"隐藏题","answer":["甲","乙"],"dataset":"rules","section":"s2"}"#)
        let registry = try TrackRegistry.load(roots: [fixture.path("public"), fixture.path("private")])
        #expect(registry.tracks.count == 1)
        let track = try #require(registry.track("finance"))
        #expect(track.questionSets.map(\.id) == ["credit", "credit-test"])
        #expect(track.questionSets(split: .test).map(\.id) == ["credit-test"])
        #expect(track.questionSets(split: .dev).map(\.id) == ["credit"])
        #expect(track.directories.count == 2)
        // The hidden set cites a dataset of the public root: citations resolve across the merge.
        let hidden = try track.questionSets[1].items.item(at: 0)
        #expect(hidden.answer == .texts(["甲", "乙"]))
        let citation = try #require(hidden.citation)
        #expect(citation == DatasetCitation(dataset: "rules", section: "s2"))
        let dataset = try #require(track.dataset(citation.dataset))
        #expect(dataset.path.hasPrefix(fixture.path("public")))
        let cited = try #require(dataset.text(section: citation.section))
        #expect(cited.contains("最长三十年。"))
        #expect(!cited.contains("年利率为百分之五。"))
    }

    @Test func aSetDefinedInTwoRootsIsAnError() throws {
        let fixture = try TrackFixture()
        defer { fixture.remove() }
        try fixture.writeValidFinance(rootName: "a")
        try fixture.writeValidFinance(rootName: "b")
        var diagnostics: [Diagnostic] = []
        _ = TrackRegistry.load(roots: [fixture.path("a"), fixture.path("b")], diagnostics: &diagnostics)
        #expect(diagnostics.contains { $0.message.contains("question set `credit`") && $0.message.contains("more than one root") })
    }
}
