import SaimaBase
/// How one team is shown one item: which of its variants (`Item.variants`) and in which choice order (`ChoiceOrder`).
///
/// Definitions: variant 0 is the item as written, variant k its k-th paraphrase; the **base** is the item with the
/// chosen variant's prompt, choices and answer, in their own order; **shown** is the base in the team's choice order.
/// The variant is drawn per (team, item) — the same in every sample — uniformly among the item and its variants, from
/// SHA-256 of `saima-variant-v1`, the seed, team, track, set and item id; without a seed (runs begun before variants
/// and orders), every team is shown variant 0 in the item's own order.
public struct ItemPresentation: Sendable {
    public let variant: Int
    /// The chosen variant applied, choices in their own order (replies' letters map back to these).
    public let base: Item
    public let order: ChoiceOrder

    /// The item as the team sees it.
    public var shown: Item { order.presented(base) }

    public init(variant: Int, base: Item, order: ChoiceOrder) {
        self.variant = variant
        self.base = base
        self.order = order
    }

    /// The presentation for `team` of `item` in `track/set`, sample `sample`: with `seed` nil, the item as written.
    public static func make(
        _ item: Item, team: String, track: String, set: String, sample: Int = 0, seed: UInt64?, shuffle: Bool
    ) -> ItemPresentation {
        guard let seed else { return ItemPresentation(variant: 0, base: item, order: .identity(item.choices.count)) }
        let variant = item.variants.isEmpty ? 0 : drawVariant(seed: seed, team: team, track: track, set: set, item: item)
        let base = applying(variant, to: item)
        let order = ChoiceOrder.forTeam(team, track: track, set: set, item: base, seed: seed, shuffle: shuffle, sample: sample)
        return ItemPresentation(variant: variant, base: base, order: order)
    }

    /// A uniform draw among 0 (the item) … `variants.count`.
    static func drawVariant(seed: UInt64, team: String, track: String, set: String, item: Item) -> Int {
        let digest = SHA256Digest.hex(["saima-variant-v1", String(seed), team, track, set, item.id].joined(separator: "\u{1F}"))
        var rng = SeededGenerator(seed: UInt64(digest.prefix(16), radix: 16) ?? 0)
        return rng.below(item.variants.count + 1)
    }

    /// The item with variant `k` (1-based among `variants`; 0 = as written) applied.
    public static func applying(_ k: Int, to item: Item) -> Item {
        guard k > 0, k <= item.variants.count else { return item }
        let v = item.variants[k - 1]
        var out = item
        out.prompt = v.prompt
        if let choices = v.choices { out.choices = choices }
        if let answer = v.answer { out.answer = answer }
        out.variants = []
        return out
    }
}
