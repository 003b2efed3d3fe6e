import Foundation
import SaimaModel
import SaimaTestSupport
import Testing

@testable import SaimaPostgres

/// Failed requests of a shared round asked again (a real PostgreSQL server started here): reopening marks each
/// failed result superseded and its request pending, a worker claims exactly those, the new results extend the same
/// chain and become current, and a request never has two current results.
@Suite("Reopening failed requests of a shared round", .serialized)
struct ReopenFailedTests {
    static func keys(_ n: Int) -> [ResultKey] {
        (1...n).map { ResultKey(team: "alpha", track: "law", set: "s", item: "q\($0)", sample: 0) }
    }

    static func result(_ key: ResultKey, _ outcome: Outcome) -> ItemResult {
        ItemResult(key: key, outcome: outcome, httpStatus: outcome == .ok ? 200 : 503, attempts: [], latencyMs: 5,
                   content: outcome == .ok ? "B" : nil, promptHash: "p", templateVersion: "t",
                   finishedAt: Date(timeIntervalSince1970: 1_800_000_000))
    }

    @Test func failedRequestsAreAskedAgainIntoTheSameChain() async throws {
        let pg = try PostgresServer.start()
        defer { pg.stop() }
        let store = try await SharedRunStore.open(try StoreLocation.parse(pg.url).get(), connectSeconds: 120)
        _ = try await store.join(round: "r", planned: "{}", manifest: "{}",
                                 teams: [.init(team: "alpha", maxConcurrency: 4, keys: Self.keys(4))])
        guard case .claimed(let all) = try await store.claim(round: "r", team: "alpha", worker: "w1", limit: 4, leaseSeconds: 60)
        else { Issue.record("claim"); return }
        // q2 and q4 fail.
        _ = try await store.commit(round: "r", worker: "w1", results: all.map { Self.result($0, ["q2", "q4"].contains($0.item) ? .http5xx : .ok) })
        #expect(try await store.openCount(round: "r") == 0)

        #expect(try await store.reopenFailed(round: "r") == 2)
        #expect(try await store.openCount(round: "r") == 2)
        #expect(try await store.reopenFailed(round: "r") == 0, "nothing failed is current any more")
        guard case .claimed(let again) = try await store.claim(round: "r", team: "alpha", worker: "w2", limit: 4, leaseSeconds: 60)
        else { Issue.record("claim again"); return }
        #expect(again.map(\.item).sorted() == ["q2", "q4"], "only the failed requests are asked again")
        _ = try await store.commit(round: "r", worker: "w2", results: again.map { Self.result($0, .ok) })
        #expect(try await store.claim(round: "r", team: "alpha", worker: "w2", limit: 4, leaseSeconds: 60) == .finished)

        let (rows, head) = try await store.verifiedResults(round: "r")
        #expect(rows.count == 6, "the failed results stay in the chain")
        var local = ItemResult.chainGenesis
        for r in rows { local = r.result.chainHash(previous: local) }
        #expect(local == head)
        let current = try pg.sql("SELECT item || ':' || outcome FROM results WHERE NOT superseded ORDER BY item")
        #expect(current.split(separator: "\n").map(String.init) == ["q1:ok", "q2:ok", "q3:ok", "q4:ok"])
        #expect(throws: (any Error).self, "a second current result for a request is refused by the index") {
            try pg.sql("UPDATE results SET superseded = false WHERE item = 'q2'")
        }
        await #expect(throws: StoreError.self) { try await store.reopenFailed(round: "no-such-round") }
        await store.close()
    }
}
