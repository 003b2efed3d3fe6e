import SaimaBase
import SaimaModel
import Testing

/// The seeded draws behind bootstrap intervals, choice orders and variants give these exact values on every machine
/// (computed independently in Python from the documented definitions: SplitMix64 seeding, xoshiro256**, Lemire's
/// `below`, SHA-256 of the fields joined by U+001F, Fisher–Yates from the last position).
@Suite("Seeded draws: generator, choice orders, variants")
struct SeededOrdersTests {
    /// The first outputs of `SeededGenerator` for fixed seeds.
    @Test(arguments: [
        (0, [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0, 0x6AA5_94F1_262D_2D2C]),
        (42, [0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1, 0xECB8_AD47_03B3_60A1]),
        (UInt64.max, [0x8F55_20D5_2A7E_AD08, 0xC476_A018_CAA1_802D, 0x81DE_31C0_D260_469E, 0xBF65_8D7E_065F_3C2F]),
    ] as [(UInt64, [UInt64])])
    func generatorOutputsAreFixed(seed: UInt64, outputs: [UInt64]) {
        var generator = SeededGenerator(seed: seed)
        #expect((0..<4).map { _ in generator.next() } == outputs)
    }

    /// `below(n)` takes the high 32 bits of each output times n, shifted down 32: always in 0..<n.
    @Test func belowIsTheHighBitsScaled() {
        var generator = SeededGenerator(seed: 42)
        #expect((0..<12).map { _ in generator.below(10) } == [0, 3, 6, 9, 9, 7, 7, 8, 7, 5, 6, 2])
        var other = SeededGenerator(seed: 7)
        #expect((0..<6).map { _ in other.below(1000) } == [700, 278, 839, 981, 990, 872])
        var one = SeededGenerator(seed: 9)
        #expect((0..<100).allSatisfy { _ in one.below(1) == 0 })
    }

    /// Choice orders for fixed seeds, teams, sets and items, including Chinese ids and a second sample (`q0#1`).
    @Test(arguments: [
        (7, "alpha", "t", "s", "q0", 4, [3, 0, 2, 1]), (7, "beta", "t", "s", "q0", 4, [3, 2, 0, 1]),
        (7, "alpha", "t", "s", "q0#1", 4, [0, 1, 3, 2]), (20_261_206, "team", "law", "bank", "i1", 5, [2, 1, 0, 4, 3]),
        (123, "甲队", "法律", "银行", "题1", 6, [5, 0, 1, 4, 3, 2]), (0, "", "", "", "", 2, [0, 1]),
        (7, "alpha", "t", "s", "q0", 1, [0]), (7, "alpha", "t", "s", "q0", 0, []),
    ] as [(UInt64, String, String, String, String, Int, [Int])])
    func choiceOrdersAreFixed(seed: UInt64, team: String, track: String, set: String, item: String, count: Int,
                              shown: [Int]) {
        #expect(ChoiceOrder.draw(seed: seed, team: team, track: track, set: set, item: item, count: count).shown == shown)
    }

    static let item: Item = {
        let choices = [("A", "甲"), ("B", "乙"), ("C", "丙")].map { Choice(letter: $0, text: $1) }
        var item = Item(id: "q1", type: .singleChoice, prompt: "原题", choices: choices, answer: .letters("A"))
        item.variants = [
            ItemVariant(prompt: "变体一"),
            ItemVariant(prompt: "变体二", choices: [Choice(letter: "A", text: "丁"), Choice(letter: "B", text: "戊"),
                                                  Choice(letter: "C", text: "己")], answer: .letters("C")),
        ]
        return item
    }()

    /// Each team's variant and order for seed 5: the variant fixes prompt, choices and key; the order then moves the
    /// texts and maps the key to the shown letter; a second sample keeps the variant but draws its own order.
    @Test func presentationsAreFixed() {
        func shown(_ team: String, sample: Int = 0) -> ItemPresentation {
            ItemPresentation.make(Self.item, team: team, track: "t", set: "s", sample: sample, seed: 5, shuffle: true)
        }
        let team0 = shown("team0")
        #expect(team0.variant == 1 && team0.order.isIdentity && team0.shown.prompt == "变体一")
        #expect(team0.base.variants.isEmpty && team0.shown.answer == .letters("A"))
        let again = shown("team0", sample: 1)
        #expect(again.variant == 1 && again.order.shown == [1, 0, 2] && again.shown.answer == .letters("B"))
        let team1 = shown("team1")
        #expect(team1.variant == 0 && team1.order.shown == [1, 2, 0])
        #expect(team1.shown.choices.map(\.text) == ["乙", "丙", "甲"] && team1.shown.answer == .letters("C"))
        #expect(team1.order.record(of: team1.base) == "BCA")
        let team2 = shown("team2")
        #expect(team2.variant == 2 && team2.base.prompt == "变体二" && team2.order.shown == [0, 2, 1])
        #expect(team2.shown.choices.map(\.text) == ["丁", "己", "戊"] && team2.shown.answer == .letters("B"))
        let unshuffled = ItemPresentation.make(Self.item, team: "team2", track: "t", set: "s", seed: 5, shuffle: false)
        #expect(unshuffled.variant == 2 && unshuffled.order.isIdentity, "shuffle off keeps the order, not the variant")
    }

    /// Applying variant k: 0 and numbers past the last leave the item as written; a variant without choices keeps
    /// the item's choices and key.
    @Test func applyingAVariant() {
        #expect(ItemPresentation.applying(0, to: Self.item) == Self.item)
        #expect(ItemPresentation.applying(3, to: Self.item) == Self.item)
        #expect(ItemPresentation.applying(-1, to: Self.item) == Self.item)
        let first = ItemPresentation.applying(1, to: Self.item)
        #expect(first.prompt == "变体一" && first.choices == Self.item.choices && first.answer == .letters("A"))
        #expect(first.variants.isEmpty && first.id == "q1")
    }
}
