import Foundation
import SaimaModel
import Testing

/// Per-team choice orders: seeded and reproducible, a true permutation, the key mapped to shown letters and readings
/// mapped back, and items whose options refer to one another left in their own order.
struct ChoiceOrderTests {
    static func item(_ texts: [String], answer: String, type: ItemType = .singleChoice) -> Item {
        let letters = ["A", "B", "C", "D", "E", "F"]
        return Item(id: "q1", type: type, prompt: "哪一项正确？",
                    choices: zip(letters, texts).map { Choice(letter: $0, text: $1) }, answer: .letters(answer))
    }

    @Test func ordersAreSeededPermutationsThatDifferBetweenTeams() {
        var differ = 0
        for n in 0..<200 {
            let a = ChoiceOrder.draw(seed: 7, team: "alpha", track: "t", set: "s", item: "q\(n)", count: 4)
            let again = ChoiceOrder.draw(seed: 7, team: "alpha", track: "t", set: "s", item: "q\(n)", count: 4)
            let b = ChoiceOrder.draw(seed: 7, team: "beta", track: "t", set: "s", item: "q\(n)", count: 4)
            #expect(a == again, "the same seed, team and item give the same order")
            #expect(a.shown.sorted() == [0, 1, 2, 3], "a permutation of the four choices")
            if a != b { differ += 1 }
        }
        // Two independent uniform permutations of four agree with probability 1/24.
        #expect(differ > 180, "teams see different orders (\(differ) of 200 differ)")
        #expect(ChoiceOrder.draw(seed: 8, team: "alpha", track: "t", set: "s", item: "q0", count: 4).shown.count == 4)
        #expect(ChoiceOrder.draw(seed: 7, team: "alpha", track: "t", set: "s", item: "q0", count: 1).isIdentity)
    }

    @Test func everyPositionIsEquallyLikely() {
        // Where the first choice lands over 24,000 items: each of four positions near 6,000 (a chi-square test at 3
        // degrees of freedom stays under 16.27, the 0.1% critical value).
        var landed = [0, 0, 0, 0]
        for n in 0..<24_000 {
            let order = ChoiceOrder.draw(seed: 20_261_206, team: "team", track: "t", set: "s", item: "i\(n)", count: 4)
            landed[order.shown.firstIndex(of: 0)!] += 1
        }
        let chi = landed.reduce(0.0) { $0 + pow(Double($1) - 6000, 2) / 6000 }
        #expect(chi < 16.27, "positions \(landed), chi-square \(chi)")
    }

    @Test func theKeyIsShownInTheTeamsLettersAndReadingsMapBack() {
        let item = Self.item(["北京", "上海", "广州", "深圳"], answer: "B")
        let order = ChoiceOrder(shown: [2, 0, 3, 1])  // shows 广州, 北京, 深圳, 上海 under A–D
        let shown = order.presented(item)
        #expect(shown.choices.map(\.text) == ["广州", "北京", "深圳", "上海"])
        #expect(shown.choices.map(\.letter) == ["A", "B", "C", "D"])
        #expect(shown.answer == .letters("D"), "上海, the item's B, is shown as D")
        #expect(order.original("D", of: item) == "B")
        #expect(order.showing("B", of: item) == "D")
        #expect(order.original("AC", of: item) == "CD", "several letters, sorted")
        #expect(order.record(of: item) == "CADB")
        #expect(ChoiceOrder(record: "CADB", item: item) == order)
        #expect(ChoiceOrder(record: "CAXB", item: item).isIdentity, "a record that does not fit is the item's own order")
        #expect(ChoiceOrder.identity(4).presented(item) == item)
    }

    @Test(arguments: [
        ["甲", "乙", "丙", "以上都对"], ["甲", "乙", "丙", "上述说法均不正确"], ["alpha", "beta", "None of the above", "gamma"],
        ["甲", "乙", "A和B", "丙"], ["甲", "乙", "丙", "选项A与选项C"],
    ])
    func optionsReferringToOneAnotherKeepTheirOrder(texts: [String]) {
        let item = Self.item(texts, answer: "A")
        #expect(ChoiceOrder.keepsOrder(item))
        #expect(ChoiceOrder.forTeam("t", track: "x", set: "y", item: item, seed: 1, shuffle: true).isIdentity)
    }

    /// The quick check that skips choices naming no letter still sees a letter written as a scalar a Character equals:
    /// U+212A KELVIN SIGN is "K" to Swift, so `同选项K` written with it refers to option K, as it did before the check.
    @Test func aKelvinSignStillNamesOptionK() {
        let letters = (0..<11).map { String(UnicodeScalar(UInt8(65 + $0))) }
        var texts = (0..<11).map { "选择\($0)" }
        texts[3] = "同选项\u{212A}"
        let item = Item(id: "q1", type: .singleChoice, prompt: "哪一项正确？",
                        choices: zip(letters, texts).map { Choice(letter: $0, text: $1) }, answer: .letters("A"))
        #expect(Character("\u{212A}") == "K")
        #expect(ChoiceOrder.keepsOrder(item))
    }

    @Test func ordinaryOptionsShuffleAndASetMayOptOut() {
        let item = Self.item(["维生素C", "DNA复制", "A股市场", "甲"], answer: "A")
        #expect(!ChoiceOrder.keepsOrder(item), "a letter inside a word or name is not a reference to an option")
        let orders = (0..<20).map { n in
            ChoiceOrder.forTeam("team\(n)", track: "x", set: "y", item: item, seed: 1, shuffle: true)
        }
        #expect(orders.contains { !$0.isIdentity })
        #expect(ChoiceOrder.forTeam("team0", track: "x", set: "y", item: item, seed: 1, shuffle: false).isIdentity)
        let truth = Item(id: "tf", type: .trueFalse, prompt: "对吗？", answer: .truth(true))
        #expect(ChoiceOrder.forTeam("team0", track: "x", set: "y", item: truth, seed: 1, shuffle: true).isIdentity)
    }
}
