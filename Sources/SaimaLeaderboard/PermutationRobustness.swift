import SaimaBase
/// Robustness as a published dimension: whether a team gives the same answer to the same item when shown its choices in
/// different orders (each sample of a shuffled item is shown in its own order, `ChoiceOrder`).
///
/// Definitions: an item **counts** for a team when the team answered it (outcome ok) in at least two samples of a
/// shuffled choice set; it **agrees** when every sample's reading, in the item's own letters, is the same (nothing read
/// counts as a reading). **Agreement** = agreeing / counted, with a 95% Wilson score interval over items. Sampling
/// randomness (temperature) also lowers it: it measures the answers' stability under re-presentation, whatever the
/// cause.
package struct PermutationRobustness: Sendable, Hashable {
    package var items = 0
    package var agreeing = 0

    package init() {}

    mutating func add(agree: Bool) {
        items += 1
        if agree { agreeing += 1 }
    }

    static func + (a: PermutationRobustness, b: PermutationRobustness) -> PermutationRobustness {
        var out = a
        out.items += b.items
        out.agreeing += b.agreeing
        return out
    }

    /// agreeing / items; nil when no item counted.
    package var agreement: Double? { items == 0 ? nil : Double(agreeing) / Double(items) }

    /// The 95% Wilson interval of `agreement`.
    package var ci95: (low: Double, high: Double)? {
        guard let p = agreement else { return nil }
        let (low, high) = wilsonInterval(p, n: items)
        return (low, high)
    }
}
