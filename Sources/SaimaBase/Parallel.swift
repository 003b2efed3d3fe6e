import Dispatch
import Synchronization

/// Pure per-element work spread over every core, results in input order. The split into chunks depends only on
/// the number of elements, never on the machine, and each element's result depends only on that element, so the
/// output is the same on one core or many.
public enum Parallel {
    /// `transform(elements[i])` for every i, computed in chunks of at least `minimumChunk` on all cores.
    public static func map<T: Sendable, R: Sendable>(
        _ elements: [T], minimumChunk: Int = 512, _ transform: @Sendable (T) -> R
    ) -> [R] {
        let chunkSize = Swift.max(minimumChunk, 1)
        let chunks = (elements.count + chunkSize - 1) / chunkSize
        guard chunks > 1 else { return elements.map(transform) }
        let parts = Parts<R>()
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let range = (c * chunkSize)..<Swift.min(elements.count, (c + 1) * chunkSize)
            let out = elements[range].map(transform)
            parts.store(c, out)
        }
        return parts.joined(count: chunks)
    }

    /// Runs `a` and `b` at the same time and returns both results.
    public static func both<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
        let first = Parts<A>()
        let second = Parts<B>()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { first.store(0, [a()]) } else { second.store(0, [b()]) }
        }
        return (first.joined(count: 1)[0], second.joined(count: 1)[0])
    }

    /// Chunk results collected from concurrent workers.
    private final class Parts<R: Sendable>: Sendable {
        let chunks = Mutex<[Int: [R]]>([:])
        func store(_ index: Int, _ values: [R]) { chunks.withLock { $0[index] = values } }
        func joined(count: Int) -> [R] {
            chunks.withLock { c in (0..<count).flatMap { c[$0] ?? [] } }
        }
    }
}
