/// Finds a string's position in a list by hashing, without holding the strings again: an open-addressing table
/// of 4-byte slots over the list itself, at most half full. A `[String: Int32]` of 100,000 ids takes 5.2 MB (each
/// slot holds its key); this takes 1 MB beside the list it indexes.
///
/// Definition: `position(of:in:)` is the first position of the string in the list the table was built over (the
/// same list must be passed), or nil.
package struct PositionTable: Sendable {
    private var slots: [Int32]
    private let mask: Int

    /// A table over `keys` (positions 0..<count; at most `Int32.max` of them).
    package init(_ keys: [String]) {
        var size = 16
        while size < keys.count * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for (i, key) in keys.enumerated() {
            var s = key.hashValue & mask
            while slots[s] >= 0, keys[Int(slots[s])] != key { s = (s + 1) & mask }
            if slots[s] < 0 { slots[s] = Int32(i) }
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
