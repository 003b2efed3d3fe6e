import Foundation
import SaimaStorage
import Testing

@Suite("Opening a new run folder from two places at once")
struct RunStoreOpeningTests {
    /// A run and a command watching it may open a brand-new run folder at the same moment; both must get a
    /// working store (the loser of the schema race migrates again and finds nothing to do).
    @Test func simultaneousOpensBothSucceed() async throws {
        for round in 0..<20 {
            let folder = NSTemporaryDirectory() + "saima-open-\(round)-" + UUID().uuidString
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let opened = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 {
                    group.addTask { try RunStore(folder: folder).rowCount() }
                }
                var counts: [Int] = []
                for try await c in group { counts.append(c) }
                return counts
            }
            #expect(opened == [0, 0, 0, 0])
        }
    }
}
