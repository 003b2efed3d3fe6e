import Foundation
package import SaimaModel
import SaimaScoring
package import SaimaStorage

/// Sends every answer that needs the LLM judge (generation items with a rubric) to the judge.
package enum RunJudging {
    package struct Summary: Sendable {
        package var answers = 0
        package var fromCache = 0
        package var judged = 0
        package var errors = 0
        package var calls = 0
    }

    /// Verdicts are looked up and kept in `cache` (the run's own database when nil).
    package static func judge(store: RunStore, tracks: [Track], client: any JudgeChat, cache: (any VerdictCache)? = nil)
        async throws -> Summary
    {
        var lookup: [String: (Item, Track, QuestionSet)] = [:]
        for track in tracks {
            for set in track.questionSets {
                for item in try set.items.all() where MetricRegistry.metricName(for: item) == "judge" && item.rubric != nil {
                    lookup[PointwiseJudge.itemKey(track: track.id, set: set.id, item: item.id)] = (item, track, set)
                }
            }
        }
        let work = try store.currentResults().filter { r in
            r.outcome == .ok && lookup[PointwiseJudge.itemKey(track: r.key.track, set: r.key.set, item: r.key.item)] != nil
        }
        try store.setMeta("judge_model", client.model)
        let judge = PointwiseJudge(client: client, cache: cache ?? store)
        return try await withThrowingTaskGroup(of: (JudgeCacheEntry, PointwiseJudge.Source).self) { group in
            var summary = Summary()
            var pending = work[...]
            func addNext() {
                guard let r = pending.popFirst() else { return }
                let (item, track, set) = lookup[PointwiseJudge.itemKey(track: r.key.track, set: r.key.set, item: r.key.item)]!
                group.addTask { try await judge.grade(item: item, track: track, set: set, answer: r.content ?? "") }
            }
            // Keep the judge's concurrency busy without creating a task per answer up front.
            for _ in 0..<max(1, client.maxConcurrency * 2) { addNext() }
            while let (entry, source) = try await group.next() {
                summary.answers += 1
                if source == .cache { summary.fromCache += 1 } else {
                    summary.judged += 1
                    summary.calls += entry.calls
                }
                if entry.status != .ok { summary.errors += 1 }
                addNext()
            }
            return summary
        }
    }
}
