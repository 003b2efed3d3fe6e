/// Finds a string's position in a list by hashing, without holding the strings again: an open-addressing table
/// of 4-byte slots over the list itself, at most two thirds full. A `[String: Int32]` of 100,000 ids takes 5.2 MB
/// (each slot holds its key); this takes 0.6 MB beside the list it indexes.
///
/// Definition: `position(of:in:)` is the first position of the string in the list the table was built over (the
/// same list must be passed), or nil.
package struct PositionTable: Sendable {
    private var slots: [Int32]
    private var filled = 0

    /// A table over `keys` (positions 0..<count; at most `Int32.max` of them).
    package init(_ keys: [String]) {
        self.init(capacity: keys.count)
        for i in keys.indices { _ = firstOrInsert(i, in: keys) }
    }

    /// An empty table with room for `capacity` keys before it grows.
    package init(capacity: Int) {
        slots = Array(repeating: -1, count: Self.size(for: capacity))
    }

    /// Slots for `count` keys at most two thirds full.
    private static func size(for count: Int) -> Int { Swift.max(16, count / 2 * 3 + 2) }

    /// The first slot a key's search starts from.
    private func start(_ key: String) -> Int { Int(UInt(bitPattern: key.hashValue) % UInt(slots.count)) }

    /// The slot after `s`, wrapping at the end.
    private func next(_ s: Int) -> Int { s + 1 == slots.count ? 0 : s + 1 }

    /// The first position of `keys[position]` in the table, or nil after adding `position` (a list that grows
    /// by appending: `position` is its newest key).
    package mutating func firstOrInsert(_ position: Int, in keys: [String]) -> Int? {
        let key = keys[position]
        var s = start(key)
        while slots[s] >= 0 {
            if keys[Int(slots[s])] == key { return Int(slots[s]) }
            s = next(s)
        }
        slots[s] = Int32(position)
        filled += 1
        if filled * 3 > slots.count * 2 { grow(keys) }
        return nil
    }

    private mutating func grow(_ keys: [String]) {
        let old = slots
        slots = Array(repeating: -1, count: Self.size(for: filled * 2))
        for p in old where p >= 0 {
            var s = start(keys[Int(p)])
            while slots[s] >= 0 { s = next(s) }
            slots[s] = p
        }
    }

    /// The first position of `key` in `keys` (the list the table was built over), or nil.
    package func position(of key: String, in keys: [String]) -> Int? {
        var s = start(key)
        while true {
            let p = slots[s]
            if p < 0 { return nil }
            if keys[Int(p)] == key { return Int(p) }
            s = next(s)
        }
    }
}
