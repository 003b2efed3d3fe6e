import Foundation
package import SaimaModel
package import SaimaStorage
import Synchronization

extension RunScoring {
    /// Scores results while the requests are still going: a sink in front of the run's own (`ResultWriter`) that
    /// passes every result on unchanged and scores it on a queue of its own, 256 at a time, into the run's live scores
    /// (`LiveScores`). The run's scoring pass then takes those scores instead of computing them again, so most of the
    /// scoring happens while the CPU waits for endpoints. Live scoring is an optimization only: a result it did not
    /// score (a failure, a crash, a batch left out because two were already waiting) is scored by the pass as before.
    package final class LiveScorer: ResultSink {
        let inner: any ResultSink
        let store: RunStore
        let context: Context
        /// This process's run of the requests (live scores of another invocation are never taken).
        package let invocation: String
        let queue = DispatchQueue(label: "saima.live-scoring", qos: .utility)
        let buffer = Mutex<[ItemResult]>([])
        /// Batches queued and not yet scored.
        let queued = Mutex(0)
        static let batch = 256
        /// At most this many batches wait; when answers arrive faster than they are scored (an endpoint that answers at
        /// once, the CPU busy), further batches are left to the scoring pass instead of piling up in memory.
        static let maxQueued = 2

        /// A live scorer in front of `inner`, scoring with the run's state as it is now (verdicts, appeal readings,
        /// human scores: none of which change while requests run).
        package init(inner: any ResultSink, store: RunStore, tracks: [Track]) throws {
            self.inner = inner
            self.store = store
            self.context = try Context(store: store, tracks: tracks)
            self.invocation = UUID().uuidString
        }

        package func waitForRoom() async { await inner.waitForRoom() }

        package func append(_ result: ItemResult) {
            inner.append(result)
            guard result.key.track != FingerprintProbes.trackID else { return }
            // Scoring reads neither the raw reply nor the attempts: the copy held here goes without them.
            var light = result
            light.rawResponse = nil
            light.attempts = []
            let full: [ItemResult]? = buffer.withLock { b in
                b.append(light)
                guard b.count >= Self.batch else { return nil }
                defer { b.removeAll(keepingCapacity: true) }
                return b
            }
            guard let full else { return }
            let admitted = queued.withLock { q -> Bool in
                guard q < Self.maxQueued else { return false }
                q += 1
                return true
            }
            guard admitted else { return }
            queue.async {
                self.score(full)
                self.queued.withLock { $0 -= 1 }
            }
        }

        /// Finishes the inner sink, then scores what is still buffered and waits for every queued batch.
        package func finish() async throws -> String {
            let head = try await inner.finish()
            let rest = buffer.withLock { b in defer { b.removeAll() }; return b }
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                queue.async {
                    self.score(rest)
                    done.resume()
                }
            }
            return head
        }

        /// Scores a batch and stores the scores; any failure leaves those results to the scoring pass.
        func score(_ results: [ItemResult]) {
            guard !results.isEmpty else { return }
            var rows: [(result: ItemResult, score: StoredScore, flags: Int)] = []
            rows.reserveCapacity(results.count)
            for r in results {
                if case .scored(let s, let flags) = context.score(r) { rows.append((r, s, flags.bits)) }
            }
            try? store.saveLiveScores(rows, invocation: invocation)
        }
    }
}
