/// Finds a string's position in a list by hashing, without holding the strings again: an open-addressing table
/// of 4-byte slots over the list itself, at most half full. A `[String: Int32]` of 100,000 ids takes 5.2 MB (each
/// slot holds its key); this takes 1 MB beside the list it indexes.
///
/// Definition: `position(of:in:)` is the first position of the string in the list the table was built over (the
/// same list must be passed), or nil.
package struct PositionTable: Sendable {
    private var slots: [Int32]
    private var mask: Int
    private var filled = 0

    /// A table over `keys` (positions 0..<count; at most `Int32.max` of them).
    package init(_ keys: [String]) {
        self.init(capacity: keys.count)
        for i in keys.indices { _ = firstOrInsert(i, in: keys) }
    }

    /// An empty table with room for `capacity` keys before it grows.
    package init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    /// The first position of `keys[position]` in the table, or nil after adding `position` (a list that grows
    /// by appending: `position` is its newest key).
    package mutating func firstOrInsert(_ position: Int, in keys: [String]) -> Int? {
        let key = keys[position]
        var s = key.hashValue & mask
        while slots[s] >= 0 {
            if keys[Int(slots[s])] == key { return Int(slots[s]) }
            s = (s + 1) & mask
        }
        slots[s] = Int32(position)
        filled += 1
        if filled * 2 > slots.count { grow(keys) }
        return nil
    }

    private mutating func grow(_ keys: [String]) {
        let old = slots
        slots = Array(repeating: -1, count: old.count * 2)
        mask = slots.count - 1
        for p in old where p >= 0 {
            var s = keys[Int(p)].hashValue & mask
            while slots[s] >= 0 { s = (s + 1) & mask }
            slots[s] = p
        }
    }

    /// The first position of `key` in `keys` (the list the table was built over), or nil.
    package func position(of key: String, in keys: [String]) -> Int? {
        var s = key.hashValue & mask
        while true {
            let p = slots[s]
            if p < 0 { return nil }
            if keys[Int(p)] == key { return Int(p) }
            s = (s + 1) & mask
        }
    }
}
