import Foundation
import SaimaBase
import SaimaModel
import SaimaStorage
import Testing

/// Judges' readings on appeal: their chain payload field by field, the append-only chain they form in the store,
/// the latest reading of an answer winning, and an edited reading no longer matching its stored hash.
@Suite("Reading overrides")
struct ReadingOverrideTests {
    typealias F = StorageFixture

    static func reading(
        _ item: String, _ letters: String, previous: String? = nil, at seconds: Double = 1_800_000_000.5
    ) -> ReadingOverride {
        ReadingOverride(
            key: F.key(item), reading: letters, judge: "李法官", reason: "答案行写明 \(letters)", previous: previous,
            source: "appeals.csv:\(item.count + 2)", decidedAt: Date(timeIntervalSince1970: seconds))
    }

    /// The payload is every field joined by U+001F, a missing previous reading as U+0018 (not ""), and the time in
    /// whole microseconds; the hash is SHA-256(previous head + "\n" + payload).
    @Test func thePayloadHoldsEveryFieldUnambiguously() {
        let o = ReadingOverride(
            key: ResultKey(team: "队伍", track: "law", set: "s", item: "q1", sample: 2), reading: "BD", judge: "李法官",
            reason: "读作 B、D", previous: nil, source: "appeals.csv:3",
            decidedAt: Date(timeIntervalSince1970: 1_800_000_000.5))
        let fields = ["队伍", "law", "s", "q1", "2", "BD", "李法官", "读作 B、D", "\u{18}", "appeals.csv:3", "1800000000500000"]
        #expect(o.chainPayload == fields.joined(separator: "\u{1F}"))
        var empty = o
        empty.previous = ""
        #expect(empty.chainPayload != o.chainPayload, "no earlier reading and an empty earlier reading differ")
        #expect(o.chainHash(previous: "h") == SHA256Digest.hex("h\n" + o.chainPayload))
    }

    /// Rows keep insertion order and every field; each stored hash extends the previous one from the genesis hash;
    /// `appendOverrides` returns the new head, and with nothing to add the current one.
    @Test func storedReadingsFormAChain() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        #expect(try store.appendOverrides([]) == RunStore.chainGenesis)
        let first = Self.reading("q1", "B")
        let second = Self.reading("q2", "", at: 1_800_000_100.25)
        let head1 = try store.appendOverrides([first, second])
        let third = Self.reading("q1", "AC", previous: "B", at: 1_800_000_200)
        let head2 = try store.appendOverrides([third])
        let rows = try store.overrideRows()
        #expect(rows.map { $0.seq } == [1, 2, 3])
        #expect(rows.map { $0.override } == [first, second, third], "every field, the time to the microsecond")
        var previous = RunStore.chainGenesis
        for row in rows {
            #expect(row.chainHash == row.override.chainHash(previous: previous), "row \(row.seq)")
            previous = row.chainHash
        }
        #expect(head1 == rows[1].chainHash && head2 == rows[2].chainHash)
        #expect(try store.appendOverrides([]) == head2)
        #expect(try store.overrideRows().count == 3)
    }

    /// The latest reading of each answer is current; earlier ones stay as history.
    @Test func theLatestReadingWins() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        let early = Self.reading("q1", "B")
        let other = Self.reading("q2", "D")
        let late = Self.reading("q1", "C", previous: "B", at: 1_800_000_900)
        try store.appendOverrides([early, other])
        try store.appendOverrides([late])
        #expect(try store.currentOverrides() == [F.key("q1"): late, F.key("q2"): other])
        #expect(try store.overrideRows().map { $0.override.reading } == ["B", "D", "C"])
    }

    /// A stored reading changed in any field (letters, judge, source, time) no longer hashes to its stored hash.
    @Test func anEditedReadingNoLongerMatchesItsHash() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        try store.appendOverrides([Self.reading("q1", "B"), Self.reading("q2", "D")])
        let rows = try store.overrideRows()
        let stored = rows[1]
        #expect(stored.override.chainHash(previous: rows[0].chainHash) == stored.chainHash)
        var letters = stored.override
        letters.reading = "A"
        var judge = stored.override
        judge.judge = "王法官"
        var source = stored.override
        source.source = "appeals.csv:99"
        var time = stored.override
        time.decidedAt = stored.override.decidedAt.addingTimeInterval(0.000_001)
        for edited in [letters, judge, source, time] {
            #expect(edited.chainHash(previous: rows[0].chainHash) != stored.chainHash, "\(edited.chainPayload)")
        }
    }
}
