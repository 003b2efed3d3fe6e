import Synchronization
import Testing

@testable import SaimaPostgres

/// A worker's claims and commits survive a passing store failure (tried again with growing waits), but a store's
/// verdict (another round, a broken chain) is final at once.
struct StoreRetryTests {
    struct Dropped: Error {}

    @Test func passingFailuresAreTriedAgainAndVerdictsAreNot() async throws {
        let calls = Mutex(0)
        let value = try await SharedRoundWorker.retrying { () async throws -> Int in
            let n = calls.withLock { $0 += 1; return $0 }
            if n < 3 { throw Dropped() }
            return 42
        }
        #expect(value == 42 && calls.withLock { $0 } == 3, "two dropped connections, then the answer")

        let verdicts = Mutex(0)
        await #expect(throws: StoreError.self) {
            try await SharedRoundWorker.retrying { () async throws -> Int in
                verdicts.withLock { $0 += 1 }
                throw StoreError.differentRound("r")
            }
        }
        #expect(verdicts.withLock { $0 } == 1, "a verdict is not asked twice")
    }
}
