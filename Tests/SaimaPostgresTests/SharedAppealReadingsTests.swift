import Foundation
import SaimaModel
import SaimaStorage
import SaimaTestSupport
import Testing

@testable import SaimaPostgres

/// Appeal readings of a shared round in PostgreSQL (a real server started here): two hosts' publications form one chain
/// in order, every field comes back as published (times to the microsecond, a missing previous reading kept as such),
/// and a run folder appending the same rows reaches the store's head; an unknown round is refused.
@Suite("Shared appeal readings", .serialized)
struct SharedAppealReadingsTests {
    static func reading(_ item: String, _ letters: String, judge: String, previous: String?, at seconds: Double) -> ReadingOverride {
        ReadingOverride(
            key: ResultKey(team: "alpha", track: "law", set: "open", item: item, sample: 0), reading: letters, judge: judge,
            reason: "复核：\(item)", previous: previous, source: "appeals.csv:\(item.count + 1)",
            decidedAt: Date(timeIntervalSince1970: seconds))
    }

    @Test func readingsChainAcrossHostsAndReplayIntoARunFolder() async throws {
        let pg = try PostgresServer.start()
        defer { pg.stop() }
        let shared = try await SharedRunStore.open(try StoreLocation.parse(pg.url).get(), connectSeconds: 120)
        _ = try await shared.join(round: "r1", planned: "{}", manifest: "{}", teams: [])

        let first = [Self.reading("q1", "B", judge: "王", previous: "A", at: 1_800_000_000.123456),
                     Self.reading("q2", "", judge: "王", previous: nil, at: 1_800_000_001)]
        let second = [Self.reading("q1", "C", judge: "li", previous: "B", at: 1_800_000_002.5)]
        let a = try await shared.publishOverrides(round: "r1", overrides: first)
        let b = try await shared.publishOverrides(round: "r1", overrides: second)
        let h1 = first[0].chainHash(previous: ItemResult.chainGenesis)
        let h2 = first[1].chainHash(previous: h1)
        #expect(a.head == h2 && a.rows == 2)
        #expect(b.head == second[0].chainHash(previous: h2) && b.rows == 3)

        // Publishing a folder's whole list again (after a failed publish) adds only what the store lacks.
        let again = try await shared.publishOverrides(round: "r1", overrides: first + second)
        #expect(again.head == b.head && again.rows == 3)
        let stored = try await shared.overrides(round: "r1")
        #expect(stored.map(\.seq) == [1, 2, 3] && stored.map(\.chainHash) == [h1, h2, b.head])
        #expect(stored.map(\.override) == first + second, "every field as published")

        let folder = NSTemporaryDirectory() + "saima-appeals-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try RunStore(folder: folder)
        #expect(try store.appendOverrides(stored.map(\.override)) == b.head)
        #expect(try store.currentOverrides()[first[0].key]?.reading == "C", "the later reading wins")

        await #expect(throws: StoreError.self) { try await shared.publishOverrides(round: "nope", overrides: second) }
        await shared.close()
    }
}
