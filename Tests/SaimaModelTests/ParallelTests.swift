import SaimaBase
import Testing

@Suite("Parallel work keeps input order")
struct ParallelTests {
    /// Chunked results come back in input order and equal the serial map, for sizes around the chunk edges.
    @Test(arguments: [0, 1, 511, 512, 513, 4096, 10_001])
    func mapEqualsSerialMap(count: Int) {
        let input = Array(0..<count)
        let parallel = Parallel.map(input, minimumChunk: 512) { $0 &* 2654435761 % 1000 }
        #expect(parallel == input.map { $0 &* 2654435761 % 1000 })
    }

    @Test func bothReturnsBothResults() {
        let (a, b) = Parallel.both({ (0..<1000).reduce(0, +) }, { "done" })
        #expect(a == 499_500)
        #expect(b == "done")
    }
}
