import SaimaBase
import Foundation

/// The order in which one team is shown one item's choices: a seeded permutation per (team, item), so that a letter
/// answer key leaked by one team, or memorized from a public benchmark, is worthless to another.
///
/// Definitions. `shown[i]` is the index, in the item's own choice list, of the choice shown at position `i`; the
/// choice shown at position `i` carries the letter of position `i` (the letters themselves stay `A`, `B`, `C`, … in
/// order, only the texts move). A reply's letters are **shown letters**; the item's key and every stored score use
/// **original letters**. `presented(_:)` gives the item as the team sees it (texts moved, key mapped to shown
/// letters), and `original(_:)` maps shown letters back.
///
/// The permutation is drawn from SHA-256 of `scheme`, the run seed, team, track, set and item id, through
/// `SeededGenerator` (Fisher–Yates): the same run seed gives the same orders on every machine, and a run's orders
/// are reproducible from its manifest alone. An item whose choices refer to one another (`以上都对`, `A和B`, `none of
/// the above`) keeps its order (`keepsOrder`).
public struct ChoiceOrder: Sendable, Hashable {
    /// For each shown position, the index of the item's choice shown there.
    public let shown: [Int]

    /// The drawing scheme, recorded in the run manifest: a run without it shows every item in its own order.
    public static let scheme = "saima-choice-order-v1"

    public init(shown: [Int]) { self.shown = shown }

    /// The order a record (`record(of:)`, e.g. a score's `choice_order`) describes; the identity when the record is
    /// nil or does not fit the item.
    public init(record: String?, item: Item) {
        let letters = item.choices.map(\.letter)
        let indexes = (record ?? "").map { l in letters.firstIndex(of: String(l)) ?? -1 }
        self.shown = indexes.count == letters.count && Set(indexes) == Set(letters.indices) ? indexes : Array(letters.indices)
    }

    /// The item's own order.
    public static func identity(_ count: Int) -> ChoiceOrder { ChoiceOrder(shown: Array(0..<max(0, count))) }

    /// Whether every choice stays where it is.
    public var isIdentity: Bool { shown.enumerated().allSatisfy { $0.offset == $0.element } }

    /// The seeded order for one team and item (the identity for fewer than two choices).
    public static func draw(seed: UInt64, team: String, track: String, set: String, item: String, count: Int) -> ChoiceOrder {
        guard count > 1 else { return identity(count) }
        let digest = SHA256Digest.hex([scheme, String(seed), team, track, set, item].joined(separator: "\u{1F}"))
        var rng = SeededGenerator(seed: UInt64(digest.prefix(16), radix: 16) ?? 0)
        var order = Array(0..<count)
        var i = count - 1
        while i > 0 {
            order.swapAt(i, rng.below(i + 1))
            i -= 1
        }
        return ChoiceOrder(shown: order)
    }

    /// The order a team sees `item` in: the drawn one, or the item's own when the set does not shuffle, the item is not a
    /// choice item, or its choices refer to one another. Each further sample of an item (`sample` > 0) is shown in an
    /// order of its own (drawn with `#sample` after the item id), so that the answers' agreement across orders can be
    /// measured (`PermutationRobustness`).
    public static func forTeam(
        _ team: String, track: String, set: String, item: Item, seed: UInt64, shuffle: Bool, sample: Int = 0
    ) -> ChoiceOrder {
        guard shuffle, item.type == .singleChoice || item.type == .multiChoice, !keepsOrder(item) else {
            return identity(item.choices.count)
        }
        let id = sample > 0 ? "\(item.id)#\(sample)" : item.id
        return draw(seed: seed, team: team, track: track, set: set, item: id, count: item.choices.count)
    }

    /// The item as the team sees it: choice texts in shown order under the letters of their positions, and the key in
    /// shown letters.
    public func presented(_ item: Item) -> Item {
        guard !isIdentity, shown.count == item.choices.count else { return item }
        var out = item
        out.choices = shown.enumerated().map { position, index in
            Choice(letter: item.choices[position].letter, text: item.choices[index].text)
        }
        if case .letters(let letters) = item.answer { out.answer = .letters(showing(letters, of: item)) }
        return out
    }

    /// Original letters written as the team saw them (sorted).
    public func showing(_ originalLetters: String, of item: Item) -> String {
        map(originalLetters, item: item, toShown: true)
    }

    /// Shown letters written as the item's own (sorted); letters the item does not offer pass unchanged.
    public func original(_ shownLetters: String, of item: Item) -> String {
        map(shownLetters, item: item, toShown: false)
    }

    private func map(_ letters: String, item: Item, toShown: Bool) -> String {
        guard !isIdentity, shown.count == item.choices.count else { return letters }
        var table: [Character: Character] = [:]
        for (position, index) in shown.enumerated() {
            guard let shownLetter = item.choices[position].letter.first, let ownLetter = item.choices[index].letter.first else {
                continue
            }
            if toShown { table[ownLetter] = shownLetter } else { table[shownLetter] = ownLetter }
        }
        return String(letters.map { table[$0] ?? $0 }.sorted())
    }

    /// The record form: the item's own letters in shown order (`CABD`: C's text shown first, under A).
    public func record(of item: Item) -> String {
        guard shown.count == item.choices.count else { return "" }
        return shown.map { item.choices[$0].letter }.joined()
    }

    /// Whether an item's choices refer to one another, so moving them would change their meaning: a choice saying
    /// `以上都对` / `上述均不正确` / `all of the above` / `none of the above`, or naming other options by letter
    /// (`A和B`, `A、B`, `选项A`, `both A and C`).
    public static func keepsOrder(_ item: Item) -> Bool {
        let letters = Set(item.choices.compactMap { $0.letter.count == 1 ? $0.letter.first : nil })
        let letterBytes = Set(letters.compactMap { $0.isASCII ? $0.asciiValue : nil })
        for choice in item.choices {
            let text = choice.text.lowercased()
            if referencePhrases.contains(where: { ScalarSearch.contains(text, $0) }) { return true }
            // Most choices name no letter at all: only those that hold one of the item's letters are read as characters
            // (U+212A KELVIN SIGN is the one non-ASCII scalar a Character compares equal to an ASCII letter, "K").
            guard letters.contains(where: { !$0.isASCII }) || choice.text.utf8.contains(where: { letterBytes.contains($0) })
                || letters.contains("K") && choice.text.unicodeScalars.contains("\u{212A}")
            else { continue }
            let chars = Array(choice.text)
            for (i, c) in chars.enumerated() where letters.contains(c) {
                let before = i > 0 ? chars[i - 1] : " "
                let after = i + 1 < chars.count ? chars[i + 1] : " "
                if before.isASCII && before.isLetter || after.isASCII && after.isLetter { continue }
                // `选项A`, `A和B`, `A、B`, `A or B`: a letter joined to another letter or named as an option.
                let prefix = String(chars[max(0, i - 2)..<i])
                if prefix.hasSuffix("选项") || prefix.hasSuffix("项") { return true }
                let rest = String(chars[(i + 1)..<min(chars.count, i + 6)]).trimmingCharacters(in: .whitespaces)
                for joiner in ["和", "与", "及", "、", ",", "，", "or ", "and "] where rest.hasPrefix(joiner) {
                    let next = rest.dropFirst(joiner.count).trimmingCharacters(in: .whitespaces).first
                    if let next, letters.contains(next) { return true }
                }
            }
        }
        return false
    }

    static let referencePhrases = [
        "以上", "上述", "前述", "都对", "都正确", "均正确", "都不对", "都不正确", "均不正确", "皆是", "皆非",
        "all of the above", "none of the above", "both of the above", "all the above",
    ]
}
