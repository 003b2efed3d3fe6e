import Foundation
import SaimaModel
import SaimaTestSupport
import Testing

@testable import SaimaPostgres

/// The shared store's rules, in process against a real PostgreSQL server started here: migrations apply once, a
/// team's budget holds across workers, a lease that ran out passes to another worker and the first worker's late result
/// is dropped, and the committed rows form the chain a run folder would compute.
@Suite("Shared run store", .serialized)
struct SharedRunStoreTests {
    static func keys(_ n: Int) -> [ResultKey] {
        (1...n).map { ResultKey(team: "alpha", track: "law", set: "s", item: "q\($0)", sample: 0) }
    }

    static func result(_ key: ResultKey, _ content: String?) -> ItemResult {
        ItemResult(
            key: key, outcome: .ok, httpStatus: 200, attempts: [], latencyMs: 5, content: content, promptHash: "p",
            templateVersion: "t", finishedAt: Date(timeIntervalSince1970: 1_800_000_000.125))
    }

    @Test func budgetsLeasesAndTheChain() async throws {
        let pg = try PostgresServer.start()
        defer { pg.stop() }
        let location = try StoreLocation.parse(pg.url).get()
        let store = try await SharedRunStore.open(location, connectSeconds: 120)
        let again = try await SharedRunStore.open(location, connectSeconds: 120)
        #expect(try await again.appliedMigrations() == ["v1-shared-round", "v2-judge-cache", "v3-superseding", "v4-human-scores", "v5-reading-overrides"], "a second open applies nothing again")
        await again.close()

        let teams = [SharedRunStore.TeamWork(team: "alpha", maxConcurrency: 2, keys: Self.keys(5))]
        let joined = try await store.join(round: "r", planned: "{}", manifest: "{}", teams: teams)
        #expect(joined == .init(created: true, requests: 5, done: 0))
        #expect(try await store.join(round: "r", planned: "{}", manifest: "{}", teams: teams).created == false)
        await #expect(throws: StoreError.self) { try await store.join(round: "r", planned: "{\"seed\":2}", manifest: "{}", teams: teams) }

        // The budget is 2: the first worker takes both, the second waits.
        guard case .claimed(let first) = try await store.claim(round: "r", team: "alpha", worker: "w1", limit: 5, leaseSeconds: 60)
        else { Issue.record("w1 claims"); return }
        #expect(first.map(\.item) == ["q1", "q2"])
        #expect(try await store.claim(round: "r", team: "alpha", worker: "w2", limit: 5, leaseSeconds: 60) == .wait)
        // Only the lease holder commits.
        let stolen = try await store.commit(round: "r", worker: "w2", results: [Self.result(first[0], "x")])
        #expect(stolen.stored == 0 && stolen.lost == 1)
        let kept = try await store.commit(round: "r", worker: "w1", results: [Self.result(first[0], "答案：A\u{0}")])
        #expect(kept.stored == 1)
        // A lease that runs out passes to the next claimant; the old holder's late result is dropped.
        guard case .claimed(let short) = try await store.claim(round: "r", team: "alpha", worker: "w2", limit: 1, leaseSeconds: 0.2)
        else { Issue.record("w2 claims one slot"); return }
        #expect(short.map(\.item) == ["q3"])
        try await Task.sleep(for: .milliseconds(400))
        guard case .claimed(let taken) = try await store.claim(round: "r", team: "alpha", worker: "w3", limit: 5, leaseSeconds: 60)
        else { Issue.record("w3 claims the expired lease"); return }
        #expect(taken.map(\.item) == ["q3"], "q2 is still w1's; q3's lease ran out")
        let late = try await store.commit(round: "r", worker: "w2", results: [Self.result(short[0], "late")])
        #expect(late.lost == 1)
        #expect(try await store.renewLeases(round: "r", worker: "w1", leaseSeconds: 60) == 1)
        try await store.releaseLeases(round: "r", worker: "w1")
        // Finish the round.
        var done = 1
        var chainLocal = ItemResult.chainGenesis
        chainLocal = Self.result(first[0], "答案：A\u{0}").chainHash(previous: chainLocal)
        _ = try await store.commit(round: "r", worker: "w3", results: taken.map { Self.result($0, "B") })
        chainLocal = Self.result(taken[0], "B").chainHash(previous: chainLocal)
        done += 1
        while case .claimed(let more) = try await store.claim(round: "r", team: "alpha", worker: "w3", limit: 5, leaseSeconds: 60) {
            // No content (a failed request): NULL stays NULL, not "", or the chain would not match.
            _ = try await store.commit(round: "r", worker: "w3", results: more.map { Self.result($0, nil) })
            for k in more { chainLocal = Self.result(k, nil).chainHash(previous: chainLocal) }
            done += more.count
        }
        #expect(done == 5)
        #expect(try await store.claim(round: "r", team: "alpha", worker: "w3", limit: 5, leaseSeconds: 60) == .finished)
        #expect(try await store.openCount(round: "r") == 0)
        let (rows, head) = try await store.verifiedResults(round: "r")
        #expect(rows.count == 5 && head == chainLocal, "one chain, the one a run folder computes")
        #expect(rows[0].result.content == "答案：A\u{0}", "content with a NUL survives")
        #expect(rows[4].result.content == nil && rows[4].result.usage == nil && rows[4].result.ttftMs == nil)
        #expect(rows[0].result.finishedAt.timeIntervalSince1970 == 1_800_000_000.125)
        await store.close()
    }

    @Test func addressesParseAndNeverShowThePassword() throws {
        let l = try StoreLocation.parse("postgresql://ops:s%40cret@db.example:6543/saima", environment: [:]).get()
        #expect(l.host == "db.example" && l.port == 6543 && l.user == "ops" && l.password == "s@cret" && l.database == "saima")
        #expect(l.redacted == "postgres://ops@db.example:6543/saima")
        #expect(try StoreLocation.parse("postgres://ops@h/db", environment: ["PGPASSWORD": "pw"]).get().password == "pw")
        for bad in ["mysql://a@h/db", "postgres://h/db", "postgres://a@h/", "postgres://a@h:99999/db", "not a url"] {
            #expect(throws: StoreError.self, "\(bad)") { try StoreLocation.parse(bad, environment: [:]).get() }
        }
    }
}
