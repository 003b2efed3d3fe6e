import Foundation
import SaimaBase
import SaimaPipeline
import SaimaRegistry

/// Judges' runs and their re-readings of uncertain answers (the appeals queue).
extension Portal {
    /// A run the judge grades (404 otherwise).
    func judgedRun(_ id: String, judge: Account) throws -> RunRecord {
        guard let run = try store.run(id), try store.judges(run: id).contains(judge.username) else {
            throw PortalError.notFound("没有此评分任务。No such grading task.")
        }
        return run
    }

    /// Imports a judge's re-readings from the queue page's fields (`reading_<row hash>`, `reason_<row hash>`; a
    /// blank reading leaves the answer in the queue), then refreshes the run's boards. Returns the run and the count.
    func saveReadings(run id: String, judge: Account, form: [String: String]) throws -> (RunRecord, Int) {
        let run = try judgedRun(id, judge: judge)
        var readings: [String: (reading: String, reason: String)] = [:]
        for row in try AppealsEntry.queue(folder: run.folder) {
            let reading = try PortalForm.text(form["reading_\(row.rowHash)"], field: "复核 Reading", limit: 26, required: false)
            guard !reading.isEmpty else { continue }
            readings[row.rowHash] = (reading, try PortalForm.text(form["reason_\(row.rowHash)"], field: "理由 Reason", limit: 500))
        }
        guard !readings.isEmpty else { throw PortalError.invalid("没有填写复核结果。No reading was entered.") }
        let rebuilt: JudgingPipeline.Rebuilt
        do {
            rebuilt = try AppealsEntry.save(folder: run.folder, tracks: registry.tracks, judge: judge.username, readings: readings)
        } catch let error as DiagnosticsError {
            throw PortalError.invalid(error.diagnostics.map(\.message).joined(separator: "\n"))
        }
        try store.replaceScores(run: id, Self.trackScores(rebuilt.leaderboard, run: run))
        try store.audit(actor: judge.username, action: "answers re-read 复核答案", detail: "\(id): \(readings.count)")
        return (run, readings.count)
    }
}
