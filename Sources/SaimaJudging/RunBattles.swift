import Foundation
import SaimaBase
package import SaimaModel
package import SaimaStorage

/// Pairwise battles over a run's open-ended answers, and arena ratings from them.
package enum RunBattles {
    package struct Summary: Sendable {
        package var battles: [Battle]
        package var items: Int
        package var calls: Int
        package var dropped: Int
    }

    /// A run's open answers: every generation item that has successful first-sample answers, by `track/set/item`, with
    /// the item, its track, its set's id and the answers sorted by team. Shared by LLM battles and human pairwise votes.
    package static func answersByItem(store: RunStore, tracks: [Track]) throws
        -> [String: (item: Item, track: Track, set: String, answers: [(team: String, content: String)])]
    {
        var items: [String: (Item, Track, String)] = [:]
        for track in tracks {
            for set in track.questionSets {
                for item in try set.items.all() where item.type == .generation { items["\(track.id)/\(set.id)/\(item.id)"] = (item, track, set.id) }
            }
        }
        var answers: [String: [(team: String, content: String)]] = [:]
        for r in try store.currentResults() where r.outcome == .ok && r.key.sample == 0 {
            let key = "\(r.key.track)/\(r.key.set)/\(r.key.item)"
            if items[key] != nil { answers[key, default: []].append((r.key.team, r.content ?? "")) }
        }
        return answers.reduce(into: [:]) { out, entry in
            let (item, track, set) = items[entry.key]!
            out[entry.key] = (item, track, set, entry.value.sorted { $0.team < $1.team })
        }
    }

    /// For every generation item with at least two teams' `ok` answers: all pairs of those teams,
    /// or `perItem` pairs drawn without replacement (seeded) when given.
    /// Verdicts are looked up and kept in `cache` (the run's own database when nil).
    package static func run(
        store: RunStore, tracks: [Track], client: any JudgeChat, perItem: Int?, seed: UInt64, cache: (any VerdictCache)? = nil
    ) async throws -> Summary {
        let answered = try answersByItem(store: store, tracks: tracks)
        var generator = SeededGenerator(seed: seed)
        var jobs: [(key: String, a: (String, String), b: (String, String))] = []
        for key in answered.keys.sorted() {
            let list = answered[key]!.answers
            guard list.count >= 2 else { continue }
            var pairs: [(Int, Int)] = []
            for i in 0..<list.count { for j in (i + 1)..<list.count { pairs.append((i, j)) } }
            if let perItem, perItem < pairs.count {
                for k in 0..<perItem { pairs.swapAt(k, k + generator.below(pairs.count - k)) }
                pairs = Array(pairs.prefix(perItem))
            }
            for (i, j) in pairs { jobs.append((key, list[i], list[j])) }
        }
        let judge = PairwiseJudge(client: client, cache: cache ?? store)
        let results = try await withThrowingTaskGroup(of: (Int, Battle?, Int).self) { group in
            var out = [(Battle?, Int)](repeating: (nil, 0), count: jobs.count)
            var next = 0
            func add() {
                guard next < jobs.count else { return }
                let index = next
                let job = jobs[index]
                let entry = answered[job.key]!
                let (item, track) = (entry.item, entry.track)
                let cacheKey = PointwiseJudge.cacheKey(track: track.id, set: entry.set, item: item)
                group.addTask {
                    let r = try await judge.battle(item: item, track: track, itemKey: cacheKey, teams: (job.a.0, job.b.0),
                                                   answers: (job.a.1, job.b.1))
                    return (index, r.battle, r.calls)
                }
                next += 1
            }
            for _ in 0..<max(1, client.maxConcurrency) { add() }
            while let (index, battle, calls) = try await group.next() {
                out[index] = (battle, calls)
                add()
            }
            return out
        }
        let battles = results.compactMap(\.0)
        return Summary(battles: battles, items: Set(jobs.map(\.key)).count, calls: results.reduce(0) { $0 + $1.1 },
                       dropped: results.filter { $0.0 == nil }.count)
    }
}
