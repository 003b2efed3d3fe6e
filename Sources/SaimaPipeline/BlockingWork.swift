import Foundation

/// Where a round's synchronous phases run — planning, scoring, aggregating, writing: seconds of CPU and disk work
/// with no suspension point. The command line runs them where it is (`BlockingWork.inPlace`); a server runs them on
/// threads of their own (`BlockingWork.queue`) so that they never hold the threads of Swift's cooperative pool,
/// where its HTTP handlers run: a hundred self-tests finishing together then wait for each other instead of
/// stalling every page.
package struct BlockingWork: Sendable {
    private let queue: OperationQueue?

    /// Runs the work on the calling task's thread.
    package static let inPlace = BlockingWork(queue: nil)

    /// Runs at most `width` pieces of work at once on threads of their own (default: every core but one, at least
    /// one, so that one core stays free for serving).
    package static func queue(label: String, width: Int = max(1, ProcessInfo.processInfo.activeProcessorCount - 1))
        -> BlockingWork
    {
        let queue = OperationQueue()
        queue.name = label
        queue.maxConcurrentOperationCount = max(1, width)
        queue.qualityOfService = .utility
        return BlockingWork(queue: queue)
    }

    /// `work`'s value (or error), computed where this runs its work.
    package func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        guard let queue else { return try work() }
        return try await withCheckedThrowingContinuation { continuation in
            queue.addOperation { continuation.resume(with: Result { try work() }) }
        }
    }
}
