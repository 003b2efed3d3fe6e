import SaimaBase
import SaimaModel
import Testing

/// Item variants: read and checked with the item's rules, drawn per team, applied before the choice order.
struct ItemVariantTests {
    static func parse(_ json: String) throws -> (Item?, [String]) {
        let raw = try JSONValue.parse(json)
        var problems: [String] = []
        let item = ItemFields().item(raw.objectValue ?? [:], id: "q1", raw: raw, line: 1, problems: &problems)
        return (item, problems)
    }

    @Test func variantsAreReadAndEveryProblemIsNamed() throws {
        let (item, problems) = try Self.parse(#"""
            {"id":"q1","type":"single_choice","prompt":"哪座城市是直辖市？","choices":{"A":"北京","B":"杭州"},"answer":"A",
             "variants":[{"prompt":"下列城市中，直辖市是哪一个？"},
                         {"prompt":"哪座城市不是直辖市？","choices":{"A":"上海","B":"苏州"},"answer":"B"}]}
            """#)
        #expect(problems.isEmpty, "\(problems)")
        let variants = try #require(item?.variants)
        #expect(variants.count == 2 && variants[0].choices == nil && variants[1].answer == .letters("B"))
        let (_, bad) = try Self.parse(#"""
            {"id":"q1","type":"single_choice","prompt":"p","choices":{"A":"x","B":"y"},"answer":"A",
             "variants":[{"prompt":""},{"prompt":"p2","choices":{"A":"u","B":"v"}},{"prompt":"p3","answer":"C"},{"prompt":"p4","hint":"h"}]}
            """#)
        #expect(bad.contains("variant 1 needs a non-empty `prompt`"))
        #expect(bad.contains("variant 2 has its own choices, so it needs its own `answer`"))
        #expect(bad.contains { $0.hasPrefix("answer names no choice: C") })
        #expect(bad.contains("variant 4: unknown field `hint` (a variant has prompt, choices, answer)"))
    }

    @Test func eachTeamIsShownOneVariantDrawnWithTheSeed() throws {
        let (parsed, _) = try Self.parse(#"""
            {"id":"q1","type":"single_choice","prompt":"原题","choices":{"A":"甲","B":"乙","C":"丙"},"answer":"A",
             "variants":[{"prompt":"变体一"},{"prompt":"变体二","choices":{"A":"丁","B":"戊","C":"己"},"answer":"C"}]}
            """#)
        let item = try #require(parsed)
        var seen: [Int: Int] = [:]
        for n in 0..<300 {
            let p = ItemPresentation.make(item, team: "team\(n)", track: "t", set: "s", seed: 5, shuffle: true)
            seen[p.variant, default: 0] += 1
            #expect(p.base.prompt == ["原题", "变体一", "变体二"][p.variant])
            // The key follows the variant and the order: the shown letter of the variant's right text.
            let right = p.variant == 2 ? "己" : "甲"
            let shownLetter = p.shown.choices.first { $0.text == right }?.letter
            #expect(p.shown.answer == .letters(shownLetter ?? "?"))
            let again = ItemPresentation.make(item, team: "team\(n)", track: "t", set: "s", sample: 1, seed: 5, shuffle: true)
            #expect(again.variant == p.variant, "the same variant in every sample")
        }
        #expect(seen.keys.sorted() == [0, 1, 2] && seen.values.allSatisfy { $0 > 70 }, "\(seen)")
        let unseeded = ItemPresentation.make(item, team: "x", track: "t", set: "s", seed: nil, shuffle: true)
        #expect(unseeded.variant == 0 && unseeded.order.isIdentity)
    }
}
