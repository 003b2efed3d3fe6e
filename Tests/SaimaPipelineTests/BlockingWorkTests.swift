import Foundation
import Synchronization
import Testing

@testable import SaimaPipeline

/// `BlockingWork.queue`: work runs at most `width` pieces at once, its values and errors reach the awaiting task,
/// and the caller's task is free meanwhile; `inPlace` runs the work directly.
@Suite("Blocking work off the cooperative pool")
struct BlockingWorkTests {
    struct Refused: Error, Equatable {}

    /// How many pieces run now, and the most that ever ran at once.
    final class Gauge: Sendable {
        let state = Mutex((now: 0, peak: 0))
        func enter() { state.withLock { $0.now += 1; $0.peak = max($0.peak, $0.now) } }
        func leave() { state.withLock { $0.now -= 1 } }
        var peak: Int { state.withLock { $0.peak } }
    }

    @Test func atMostWidthAtOnceWithValuesAndErrorsDelivered() async throws {
        let work = BlockingWork.queue(label: "test", width: 2)
        let gauge = Gauge()
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<12 {
                group.addTask {
                    try await work.run {
                        gauge.enter()
                        Thread.sleep(forTimeInterval: 0.02)
                        gauge.leave()
                        return i * i
                    }
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }.sorted()
        }
        #expect(values == (0..<12).map { $0 * $0 })
        #expect(gauge.peak == 2, "never more than the width at once, and the width used")
        await #expect(throws: Refused()) { try await work.run { throw Refused() } }
        #expect(try await BlockingWork.inPlace.run { 7 } == 7)
    }
}
