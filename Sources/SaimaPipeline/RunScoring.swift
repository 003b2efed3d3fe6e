import Foundation
import SaimaJudging
public import SaimaModel
import SaimaScoring
public import SaimaStorage

/// Scores every stored answer of a run and replaces the run's scores (idempotent).
public enum RunScoring {
    public struct Summary: Sendable {
        public var scored: Int
        public var failures: Int
        public var unextractable: Int
        public var needsJudge: Int
        /// Answers the judge could not grade (scored 0).
        public var judgeErrors = 0
        /// Answers whose reading a judge set on appeal.
        public var overridden = 0
        /// Results whose item no longer exists in the tracks (reported, not scored).
        public var missingItems: [String]
    }

    /// Scores with each item's metric and replaces the stored scores; failed requests score 0 with their
    /// outcome as reason.
    public static func score(store: RunStore, tracks: [Track]) throws -> Summary {
        var (scores, summary) = try compute(store: store, tracks: tracks)
        try store.replaceScores(scores)
        summary.scored = scores.count
        scores.removeAll()
        return summary
    }

    /// The scores of every current result (with judge readings, judge verdicts and human scores applied),
    /// without writing them.
    public static func compute(store: RunStore, tracks: [Track]) throws -> (scores: [StoredScore], summary: Summary) {
        let items = ItemIndex(tracks: tracks)
        let scorer = Scorer()
        let judgeModel = try store.meta("judge_model")
        let overrides = try store.currentOverrides()
        var humanScores: [ResultKey: [Double]] = [:]
        for h in try store.humanScores() { humanScores[h.key, default: []].append(h.score) }
        var scores: [StoredScore] = []
        var summary = Summary(scored: 0, failures: 0, unextractable: 0, needsJudge: 0, missingItems: [])
        for result in try store.currentResults() {
            let key = result.key
            guard let (item, set) = items[key] else {
                summary.missingItems.append("\(key.track)/\(key.set)/\(key.item)")
                continue
            }
            if result.outcome != .ok {
                summary.failures += 1
                scores.append(StoredScore(
                    key: key, score: 0, reason: result.outcome.rawValue, extracted: nil,
                    metric: MetricRegistry.metricName(for: item), metricVersion: 0, unextractable: false))
                continue
            }
            let auto: ItemScore
            if let o = overrides[key], item.type == .singleChoice || item.type == .multiChoice {
                auto = scorer.score(item: item, judgeReading: o.reading, partialCredit: set.partialCredit)
                summary.overridden += 1
            } else {
                auto = scorer.score(item: item, response: result.content ?? "", partialCredit: set.partialCredit)
            }
            if auto.unextractable { summary.unextractable += 1 }
            var llm: Double?
            if let judgeModel, let verdict = try store.judgeCache(
                model: judgeModel, template: JudgeTemplates.pointwiseVersion,
                itemKey: PointwiseJudge.cacheKey(track: key.track, set: key.set, item: item),
                answerHash: SHA256Digest.hex(result.content ?? ""))
            {
                llm = verdict.score ?? 0
                if verdict.status != "ok" { summary.judgeErrors += 1 }
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
                s.reason = { if case .human = mode { return "needs_human" }; return "needs_judge" }()
                s.needsJudge = true
            } else if autoScore == nil || !(mode == .auto) {
                s.reason = mode == .auto ? ScoreSource.llmJudge.rawValue : "\(mode.label): \(s.reason)"
                s.needsJudge = false
                if mode == .auto { s.metric = ScoreSource.llmJudge.rawValue }
            }
            if s.needsJudge { summary.needsJudge += 1 }
            var reason = s.reason
            if let canary = set.canary, !canary.isEmpty, (result.content ?? "").contains(canary) {
                reason += "; canary string found (possible training-data leak) / 发现金丝雀字符串"
            }
            scores.append(StoredScore(
                key: key, score: s.score, reason: reason, extracted: s.extracted, metric: s.metric,
                metricVersion: s.metricVersion, unextractable: s.unextractable, autoScore: autoScore, llmScore: llm,
                humanScore: human, rule: s.rule?.rawValue))
        }
        summary.scored = scores.count
        return (scores, summary)
    }
}
