import Foundation
import SaimaJudging
import SaimaLeaderboard
import SaimaBase
package import SaimaPipeline
import SaimaRegistry

/// Human judges in the portal: the organizer makes judge accounts and assigns them to a finished run (each gets the
/// same anonymized, per-judge shuffled sheet as `saima judges template`); a judge enters scores on a blind page; every
/// save is imported as `saima judges import` would import the sheet, and the run's boards are rebuilt.
extension Portal {
    /// The organizer makes a judge account.
    package func createJudge(username: String, password: String, by organizer: Account) throws {
        try store.createAccount(username: username, password: password, role: .judge, team: nil, cost: bcryptCost)
        try store.audit(actor: organizer.username, action: "judge created 创建评委", detail: username)
    }

    /// Issues sheets of a finished run's rubric answers to judges not yet assigned to it.
    package func assignJudges(_ judges: [String], run id: String, by organizer: Account) throws {
        guard let run = try store.run(id), run.status == .done else {
            throw PortalError.invalid("只能为已完成的运行分配评委。Judges are assigned to finished runs.")
        }
        let known = Set(try store.judgeAccounts())
        guard !judges.isEmpty, judges.allSatisfy(known.contains) else {
            throw PortalError.invalid("请选择评委账号。Choose judge accounts.")
        }
        let already = Set(try store.judges(run: id)).intersection(judges)
        guard already.isEmpty else {
            throw PortalError.taken("评委已分配：\(already.sorted().joined(separator: ", "))。Already grading this run.")
        }
        _ = try RunFolder.humanJudgingTemplates(folder: run.folder, tracks: registry.tracks, judges: judges, seed: Self.seed)
        try store.assign(judges: judges, run: id)
        try store.audit(actor: organizer.username, action: "judges assigned 分配评委", detail: "\(id): \(judges.joined(separator: ", "))")
    }

    /// A judge's sheet for a run they grade (404 for any other run).
    package func sheet(run id: String, judge: Account) throws -> (RunRecord, [HumanScoreEntry.Row]) {
        let run = try judgedRun(id, judge: judge)
        return (run, try HumanScoreEntry.sheet(folder: run.folder, judge: judge.username))
    }

    /// Stores a judge's scores from the page's fields (`score_<answer id>`, `comment_<answer id>`), imports them,
    /// refreshes the run's boards in the portal and returns how many answers are graded and the agreement so far.
    func saveScores(run id: String, judge: Account, form: [String: String]) throws
        -> (graded: Int, of: Int, agreement: HumanJudging.AgreementReport)
    {
        let (run, rows) = try sheet(run: id, judge: judge)
        var entries: [String: (score: String, comment: String)] = [:]
        for row in rows {
            let score = try PortalForm.text(form["score_\(row.answerID)"], field: "\(row.answerID)", limit: 20, required: false)
            let comment = try PortalForm.text(form["comment_\(row.answerID)"], field: "\(row.answerID)", limit: 500, required: false)
            entries[row.answerID] = (score, comment)
        }
        let saved: (agreement: HumanJudging.AgreementReport, rebuilt: JudgingPipeline.Rebuilt)
        do {
            saved = try HumanScoreEntry.save(folder: run.folder, tracks: registry.tracks, judge: judge.username, entries: entries)
        } catch let error as DiagnosticsError {
            throw PortalError.invalid(error.diagnostics.map { d in
                let row = d.line >= 2 && d.line - 2 < rows.count ? rows[d.line - 2].answerID + ": " : ""
                return row + d.message
            }.joined(separator: "\n"))
        }
        try store.replaceScores(run: id, Self.trackScores(saved.rebuilt.leaderboard, run: run))
        let graded = entries.values.filter { !$0.score.isEmpty }.count
        try store.audit(actor: judge.username, action: "scores entered 录入评分", detail: "\(id): \(graded)/\(rows.count)")
        return (graded, rows.count, saved.agreement)
    }

    /// The per-track scores of a run's leaderboard, as the portal's boards keep them.
    static func trackScores(_ board: Leaderboard, run: RunRecord, at now: Date = Date()) -> [TrackScore] {
        var scores: [TrackScore] = []
        for track in board.tracks {
            for e in track.entries where !e.notEntered {
                scores.append(TrackScore(
                    run: run.id, team: e.team, track: track.id, trackName: track.name, score: e.score, low: e.ci95.low,
                    high: e.ci95.high, items: e.items, finished: now, rank: run.kind == .official ? e.rank : nil,
                    rankGroup: run.kind == .official ? e.rankGroup : nil))
            }
        }
        return scores
    }
}
