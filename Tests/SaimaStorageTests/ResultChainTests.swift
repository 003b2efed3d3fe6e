import Foundation
import SaimaBase
import SaimaModel
import SaimaStorage
import Testing

/// The result chain as stored: each row hashes the previous row's hash and its own payload, the chain continues
/// across a reopened store, and a walk over the stored rows (the one `round verify` does) finds an edited, deleted or
/// reordered row; retries supersede earlier rows without deleting them.
@Suite("Result chain")
struct ResultChainTests {
    typealias F = StorageFixture

    /// The seq of every row a verifier flags: a gap in `seq`, or a stored hash that does not extend the previous one.
    static func breaks(_ rows: [RunStore.ChainRow]) -> [Int64] {
        var previous = RunStore.chainGenesis
        var expected: Int64 = 1
        var bad: [Int64] = []
        for row in rows {
            if row.seq != expected || row.result.chainHash(previous: previous) != row.chainHash { bad.append(row.seq) }
            previous = row.chainHash
            expected = row.seq + 1
        }
        return bad
    }

    /// Row n's hash is SHA-256(row n−1's hash + "\n" + payload), starting from 64 zeros; the head is the last row's.
    @Test func eachRowHashesThePreviousHashAndItsPayload() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        #expect(RunStore.chainGenesis == String(repeating: "0", count: 64))
        #expect(try store.chainHead() == RunStore.chainGenesis, "an empty run's head is the genesis hash")
        let a = F.result("a", content: "甲")
        let b = F.result("b", .timeout, content: nil)
        let head = try store.appendResults([a, b])
        let rows = try store.chainRows()
        #expect(rows.map(\.seq) == [1, 2])
        let first = SHA256Digest.hex(RunStore.chainGenesis + "\n" + a.chainPayload)
        #expect(rows[0].chainHash == first)
        #expect(rows[1].chainHash == SHA256Digest.hex(first + "\n" + b.chainPayload))
        #expect(try head == rows[1].chainHash && store.chainHead() == head)
    }

    /// A second store opened on the same folder extends the chain from the stored head.
    @Test func theChainContinuesInAReopenedStore() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let firstHead = try RunStore(folder: folder).appendResults([F.result("a"), F.result("b")])
        let reopened = try RunStore(folder: folder)
        #expect(try reopened.chainHead() == firstHead)
        let c = F.result("c", content: "丙")
        let head = try reopened.appendResults([c])
        let rows = try reopened.chainRows()
        #expect(rows.count == 3 && head == c.chainHash(previous: firstHead))
        #expect(Self.breaks(rows) == [], "the whole chain recomputes")
    }

    /// Editing a row's content, outcome or prompt hash, deleting a row, or swapping two rows is flagged at that row.
    @Test func aWalkOverTheRowsFindsEveryKindOfTampering() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        _ = try store.appendResults([F.result("a"), F.result("b"), F.result("c"), F.result("d", .http5xx, content: nil)])
        let rows = try store.chainRows()
        #expect(Self.breaks(rows) == [])
        var edited = rows
        edited[1].result.content = "C"
        #expect(Self.breaks(edited) == [2], "an edited answer")
        var outcome = rows
        outcome[3].result.outcome = .ok
        #expect(Self.breaks(outcome) == [4], "a failure turned into a success")
        var prompt = rows
        prompt[0].result.promptHash = "other"
        #expect(Self.breaks(prompt) == [1], "another prompt")
        var deleted = rows
        deleted.remove(at: 1)
        #expect(Self.breaks(deleted) == [3], "the row after a deleted one neither follows in seq nor in hash")
        var swapped = rows
        swapped.swapAt(1, 2)
        #expect(Self.breaks(swapped) == [3, 2, 4], "both swapped rows, and the row after them no longer follows in seq")
    }

    /// Each retry supersedes the key's current row: every row stays, only the last of a key is current, and two
    /// results of one key in one append leave the second current.
    @Test func retriesSupersedeWithoutDeleting() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        _ = try store.appendResults([F.result("a", .timeout, content: nil), F.result("b")])
        _ = try store.appendResults([F.result("a", .http5xx, content: nil)])
        _ = try store.appendResults([F.result("a", .rateLimited, content: nil), F.result("a", .ok, content: "终")])
        let rows = try store.chainRows()
        #expect(rows.map(\.result.key.item) == ["a", "b", "a", "a", "a"])
        #expect(rows.map(\.superseded) == [true, false, true, true, false])
        #expect(try store.rowCount() == 5 && store.currentCount() == 2)
        #expect(try store.currentOutcomes() == [F.key("a"): .ok, F.key("b"): .ok])
        #expect(try store.currentResults().first?.content == "终")
        #expect(Self.breaks(rows) == [], "superseding changes no hash")
    }
}
