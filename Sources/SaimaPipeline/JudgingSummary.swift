import Foundation
import SaimaJudging
import SaimaLeaderboard
import SaimaModel
import SaimaReports
import SaimaStorage

/// Gathers the judging results of a run for its report: arena ratings and judge agreement.
enum JudgingSummary {
    /// `arena.json` of the run folder, if `saima battle` wrote one.
    static func arena(folder: String) -> [ArenaEntry] {
        guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent("arena.json")),
            let json = try? JSONValue.parse(data)
        else { return [] }
        return (json["ratings"]?.arrayValue ?? []).compactMap { r in
            guard let team = r["team"]?.stringValue, let rating = r["rating"]?.numberValue else { return nil }
            let ci = r["ci95"]?.arrayValue?.compactMap(\.numberValue) ?? [rating, rating]
            return ArenaEntry(team: team, rating: rating, ci95: (ci.first ?? rating, ci.last ?? rating),
                              battles: Int(r["battles"]?.numberValue ?? 0))
        }
    }

    /// The battle judge's position bias from `arena.json`, when `saima battle` recorded it.
    static func arenaBias(folder: String) -> ArenaBias? {
        guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent("arena.json")),
            let bias = (try? JSONValue.parse(data))?["position_bias"]
        else { return nil }
        return ArenaBias(
            judge: bias["judge"]?.stringValue ?? "", battles: Int(bias["battles"]?.numberValue ?? 0),
            ordersDisagree: Int(bias["orders_disagree"]?.numberValue ?? 0),
            pairs: (bias["pairs"]?.arrayValue ?? []).map { p in
                ArenaBias.Pair(
                    a: p["a"]?.stringValue ?? "", b: p["b"]?.stringValue ?? "", battles: Int(p["battles"]?.numberValue ?? 0),
                    ties: Int(p["ties"]?.numberValue ?? 0), ordersDisagree: Int(p["orders_disagree"]?.numberValue ?? 0))
            })
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
