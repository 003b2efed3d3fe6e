import Foundation
import SaimaJudging
import SaimaLeaderboard
import SaimaModel
import SaimaReports
import SaimaStorage

/// Gathers the judging results of a run for its report: arena ratings and judge agreement.
enum JudgingSummary {
    /// The report's arena table and position bias from `arena.json`, when `saima battle` wrote one.
    static func arena(folder: String) throws -> (entries: [ArenaEntry], bias: ArenaBias?) {
        guard let file = try ArenaFile.load(folder: folder) else { return ([], nil) }
        let entries = file.ratings.map { r in
            ArenaEntry(team: r.team, rating: r.rating, ci95: (r.ci95.first ?? r.rating, r.ci95.last ?? r.rating),
                       battles: r.battles)
        }
        let bias = file.positionBias.map { b in
            ArenaBias(
                judge: b.judge, battles: b.battles, ordersDisagree: b.ordersDisagree,
                pairs: b.pairs.map { p in
                    ArenaBias.Pair(a: p.a, b: p.b, battles: p.battles, ties: p.ties, ordersDisagree: p.ordersDisagree)
                })
        }
        return (entries, bias)
    }

    /// Human agreement, and LLM-vs-human agreement on the answers both graded; nil when no human scores.
    static func agreement(store: RunStore) throws -> ReportData.JudgeAgreement? {
        let human = try store.humanScores()
        guard !human.isEmpty else { return nil }
        let report = HumanJudging.agreement(human)
        var byAnswer: [ResultKey: [Double]] = [:]
        for h in human { byAnswer[h.key, default: []].append(h.score) }
        let scores = try store.currentScores()
        var llm: [Double] = []
        var combined: [Double] = []
        var units: [[Double]] = []
        for (key, values) in byAnswer {
            guard let l = scores[key]?.llmScore, let c = Agreement.combined(values) else { continue }
            llm.append(l)
            combined.append(c)
            units.append(values + [l])
        }
        return ReportData.JudgeAgreement(
            humanJudges: report.judges, humanAnswers: report.answers, humanAlpha: report.alpha,
            humanMeanSpearman: report.meanSpearman, disagreements: report.disagreements.count,
            llmHumanAnswers: llm.count, llmHumanSpearman: Agreement.spearman(llm, combined),
            llmHumanAlpha: Agreement.krippendorffAlphaInterval(units))
    }
}
