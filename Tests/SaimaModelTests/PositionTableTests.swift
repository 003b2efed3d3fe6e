import SaimaBase
@testable import SaimaModel
import Testing

/// The hash table of positions finds each key's first position, misses absent keys, and grows while keys are
/// appended — against a dictionary built from the same keys.
@Suite("Position table: first positions without a dictionary")
struct PositionTableTests {
    static func keys(_ n: Int, duplicatesEvery k: Int) -> [String] {
        (0..<n).map { i in i % k == 0 && i > 0 ? "id-\(i / 2)" : (i % 3 == 0 ? "长的题目编号-\(i)-abcdefghijklmnop" : "id-\(i)") }
    }

    @Test func findsFirstPositionsLikeADictionary() {
        let keys = Self.keys(20_000, duplicatesEvery: 7)
        var first: [String: Int] = [:]
        for (i, k) in keys.enumerated() where first[k] == nil { first[k] = i }
        let table = PositionTable(keys)
        for k in Set(keys) { #expect(table.position(of: k, in: keys) == first[k]) }
        for absent in ["", "id-x", "id-20000", "长的题目编号-1-abcdefghijklmnop"] {
            #expect(table.position(of: absent, in: keys) == nil)
        }
    }

    @Test func growsWhileKeysAreAppended() {
        var keys: [String] = []
        var table = PositionTable(capacity: 0)
        var duplicates = 0
        for k in Self.keys(10_000, duplicatesEvery: 5) {
            keys.append(k)
            if let p = table.firstOrInsert(keys.count - 1, in: keys) {
                #expect(keys[p] == k)
                keys.removeLast()
                duplicates += 1
            }
        }
        #expect(duplicates > 0)
        #expect(Set(keys).count == keys.count)
        for (i, k) in keys.enumerated() { #expect(table.position(of: k, in: keys) == i) }
    }
}
