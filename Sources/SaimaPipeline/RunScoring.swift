import Foundation
import SaimaJudging
import SaimaRunner
import SaimaBase
package import SaimaModel
import SaimaScoring
package import SaimaStorage

/// Scores every stored answer of a run and replaces the run's scores (idempotent).
package enum RunScoring {
    package struct Summary: Sendable {
        package var scored: Int
        package var failures: Int
        package var unextractable: Int
        package var needsJudge: Int
        /// Answers the judge could not grade (scored 0).
        var judgeErrors = 0
        /// Answers whose reading a judge set on appeal.
        package var overridden = 0
        /// Results whose item no longer exists in the tracks (reported, not scored).
        package var missingItems: [String]
        /// Scores taken from live scoring (made while the requests ran) instead of computed again.
        package var taken = 0

        static let empty = Summary(scored: 0, failures: 0, unextractable: 0, needsJudge: 0, missingItems: [])

        /// The one line the commands print after scoring.
        package var line: String {
            "scored 已评分 \(scored) (failed requests 请求失败 \(failures), unextractable 无法抽取 \(unextractable), "
                + "awaiting the LLM judge 待评审 \(needsJudge), judge errors 评审失败 \(judgeErrors))"
        }

        /// Counts `count` scores taken from live scoring, all with these flags.
        mutating func add(taken count: Int, flags: Flags, unextractable isUnextractable: Bool) {
            taken += count
            scored += count
            if flags.failure { failures += count }
            if isUnextractable { unextractable += count }
            if flags.needsJudge { needsJudge += count }
            if flags.judgeError { judgeErrors += count }
            if flags.overridden { overridden += count }
        }

        mutating func add(_ o: Scored) {
            switch o {
            case .missing(let item): missingItems.append(item)
            case .unreadable: break
            case .scored(let s, let flags):
                scored += 1
                if flags.failure { failures += 1 }
                if s.unextractable { unextractable += 1 }
                if flags.needsJudge { needsJudge += 1 }
                if flags.judgeError { judgeErrors += 1 }
                if flags.overridden { overridden += 1 }
            }
        }
    }

    /// Scores with each item's metric and replaces the stored scores; failed requests score 0 with their
    /// outcome as reason. Results are read, scored on every core and written a chunk at a time. With `invocation`
    /// (the process that just ran the requests, scoring them as they arrived: `LiveScorer`), a result it scored live
    /// keeps that score — the same scorer on the same result in the same state — and only the rest are scored now.
    package static func score(store: RunStore, tracks: [Track], invocation: String? = nil) throws -> Summary {
        let context = try Context(store: store, tracks: tracks)
        var summary = Summary.empty
        let taken = try store.replaceScores(invocation: invocation) { results in
            // An item that cannot be read back ends the scoring (thrown): the transaction rolls back, the old scores stay.
            try Parallel.map(results, minimumChunk: 256) { context.score($0) }.compactMap { o throws(ItemReadError) in
                if case .unreadable(let error) = o { throw error }
                summary.add(o)
                if case .scored(let s, _) = o { return s }
                return nil
            }
        }
        for group in taken { summary.add(taken: group.count, flags: Flags(bits: group.flags), unextractable: group.unextractable) }
        return summary
    }

    /// The scores of every current result (with judge readings, judge verdicts and human scores applied),
    /// without writing them.
    package static func compute(store: RunStore, tracks: [Track]) throws -> (scores: [StoredScore], summary: Summary) {
        let context = try Context(store: store, tracks: tracks)
        var summary = Summary.empty
        var scores: [StoredScore] = []
        for o in Parallel.map(try store.currentResults(attempts: false), minimumChunk: 256, { context.score($0) }) {
            if case .unreadable(let error) = o { throw error }
            summary.add(o)
            if case .scored(let s, _) = o { scores.append(s) }
        }
        return (scores, summary)
    }

    /// One result's score, or the item it names that no longer exists.
    enum Scored: Sendable {
        case missing(String)
        /// The item exists but cannot be read back (`ItemList`): scoring stops with this error.
        case unreadable(ItemReadError)
        case scored(StoredScore, Flags)
    }

    struct Flags: Sendable {
        var failure = false
        var needsJudge = false
        var judgeError = false
        var overridden = false

        init() {}

        /// The flags as stored with a live score (one bit each).
        var bits: Int { (failure ? 1 : 0) | (needsJudge ? 2 : 0) | (judgeError ? 4 : 0) | (overridden ? 8 : 0) }

        init(bits: Int) {
            (failure, needsJudge, judgeError, overridden) = (bits & 1 != 0, bits & 2 != 0, bits & 4 != 0, bits & 8 != 0)
        }
    }

    /// Everything scoring reads besides the result itself: items, appeal readings, human scores, cached verdicts.
    struct Context: Sendable {
        let items: ItemIndex
        let scorer = Scorer()
        let overrides: [ResultKey: ReadingOverride]
        let humanScores: [ResultKey: [Double]]
        /// Cached verdicts of the run's judge model, when it has one.
        let verdicts: [String: JudgeCacheEntry]?

        /// The run's manifest: the seed and sets of each team's choice orders.
        let manifest: RunManifest?

        init(store: RunStore, tracks: [Track]) throws {
            items = ItemIndex(tracks: tracks)
            manifest = try RunManifestStore.load(store: store)
            overrides = try store.currentOverrides()
            var human: [ResultKey: [Double]] = [:]
            for h in try store.humanScores() { human[h.key, default: []].append(h.score) }
            humanScores = human
            verdicts = try store.meta("judge_model").map {
                try store.judgeCacheEntries(model: $0, template: JudgeTemplates.pointwiseVersion)
            }
        }

        /// For a choice item of a set that shuffles: whether its right answer is shown under another letter; nil for
        /// other items and sets, and for items whose options refer to one another (never shuffled, so they would weigh
        /// on one side of the comparison only).
        static func answerMoved(item: Item, order: ChoiceOrder, shuffled: Bool) -> Bool? {
            guard shuffled, item.type == .singleChoice || item.type == .multiChoice, case .letters(let key) = item.answer,
                !key.isEmpty, !ChoiceOrder.keepsOrder(item)
            else { return nil }
            return order.showing(key, of: item) != String(key.sorted())
        }

        func score(_ result: ItemResult) -> Scored {
            let key = result.key
            let found: (item: Item, set: QuestionSet, track: Track)?
            do { found = try items.entry(key) } catch { return .unreadable(error) }
            guard let (item, set, track) = found else { return .missing("\(key.track)/\(key.set)/\(key.item)") }
            var flags = Flags()
            if result.outcome != .ok {
                flags.failure = true
                return .scored(StoredScore(
                    key: key, score: 0, reason: result.outcome.rawValue, extracted: nil,
                    metric: MetricRegistry.metricName(for: item), metricVersion: 0, unextractable: false), flags)
            }
            var auto: ItemScore
            let choice = item.type == .singleChoice || item.type == .multiChoice
            // The item as this team saw it: a reply's letters, and a judge's reading of it, are shown letters.
            let presentation = manifest?.presentation(team: key.team, track: key.track, set: key.set, item: item, sample: key.sample)
                ?? ItemPresentation(variant: 0, base: item, order: .identity(item.choices.count))
            let order = presentation.order
            let base = presentation.base
            let shown = presentation.shown
            if let o = overrides[key], choice {
                auto = scorer.score(
                    item: shown, judgeReading: o.reading, partialCredit: set.partialCredit,
                    rule: LLMReader.isReader(o.judge) ? .llmReader : .judgeReading)
                flags.overridden = true
            } else {
                // Choice readings leave out what the reply copied from the prompt it was sent.
                let prompt = choice ? ChatRequestBuilder(track: track).promptText(for: shown) : nil
                auto = scorer.score(item: shown, response: result.content ?? "", partialCredit: set.partialCredit, prompt: prompt)
            }
            // Stored readings are in the (variant's) own letters.
            if choice, !order.isIdentity, let letters = auto.extracted { auto.extracted = order.original(letters, of: base) }
            var llm: Double?
            if let verdicts, let verdict = verdicts[
                PointwiseJudge.cacheKey(track: key.track, set: key.set, item: item) + "\u{1F}"
                    + SHA256Digest.hex(result.content ?? "")]
            {
                llm = verdict.score ?? 0
                if verdict.status != .ok { flags.judgeError = true }
            }
            let human = humanScores[key].flatMap(Agreement.combined)
            // `auto` for a rubric item is the LLM judge (its metric); other sources by the set's mode.
            let autoScore: Double? = auto.needsJudge ? nil : auto.score
            let mode = set.scoring
            let combined: Double?
            if case .auto = mode { combined = autoScore ?? llm } else { combined = mode.combine(auto: autoScore ?? 0, llmJudge: llm, human: human) }
            var s = auto
            s.score = combined ?? 0
            if combined == nil {
                s.reason = { if case .human = mode { return PendingReason.needsHuman }; return PendingReason.needsJudge }().rawValue
                s.needsJudge = true
            } else if autoScore == nil || !(mode == .auto) {
                s.reason = mode == .auto ? ScoreSource.llmJudge.rawValue : "\(mode.label): \(s.reason)"
                s.needsJudge = false
                if mode == .auto { s.metric = ScoreSource.llmJudge.rawValue }
            }
            flags.needsJudge = s.needsJudge
            var reason = s.reason
            if let canary = set.canary, !canary.isEmpty, (result.content ?? "").contains(canary) {
                reason += "; canary string found (possible training-data leak) / 发现金丝雀字符串"
            }
            return .scored(StoredScore(
                key: key, score: s.score, reason: reason, extracted: s.extracted, metric: s.metric,
                metricVersion: s.metricVersion, unextractable: s.unextractable, autoScore: autoScore, llmScore: llm,
                humanScore: human, rule: s.rule?.rawValue, confidence: s.confidence?.rawValue,
                choiceOrder: order.isIdentity ? nil : order.record(of: base),
                answerMoved: Self.answerMoved(item: base, order: order, shuffled: manifest?.shufflesChoices(track: key.track, set: key.set) == true),
                variant: item.variants.isEmpty || manifest?.choiceSeed == nil ? nil : presentation.variant),
                flags)
        }
    }
}
