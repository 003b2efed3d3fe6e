import Foundation
package import SaimaJudging
import SaimaBase
package import SaimaModel
import SaimaStorage

/// Human judges' scores entered on a web page instead of a spreadsheet. The judge's issued sheet
/// (`<run>/human-judging/<judge>.csv`, from `saima judges template` or the portal) is read back as rows; the scores
/// entered are written as that sheet filled in (`<run>/human-judging/entered/<judge>.csv`) and imported exactly as
/// `saima judges import` imports a sheet: validated (every problem at once), chained, the run re-scored. The CSV path
/// and the web path therefore store the same records.
package enum HumanScoreEntry {
    /// One answer of a judge's sheet, with what the judge entered so far.
    package struct Row: Sendable, Hashable {
        package var answerID, track, set, item, question, reference, rubric, maxPoints, answer, score, comment: String
    }

    static func issuedPath(_ folder: String, _ judge: String) -> String {
        ((folder as NSString).appendingPathComponent("human-judging") as NSString).appendingPathComponent("\(judge).csv")
    }

    static func enteredFolder(_ folder: String) -> String {
        ((folder as NSString).appendingPathComponent("human-judging") as NSString).appendingPathComponent("entered")
    }

    /// The judge's sheet: the issued rows, with the scores and comments entered on the web so far.
    package static func sheet(folder: String, judge: String) throws -> [Row] {
        let issued = try rows(issuedPath(folder, judge))
        let enteredPath = (enteredFolder(folder) as NSString).appendingPathComponent("\(judge).csv")
        guard FileManager.default.fileExists(atPath: enteredPath) else { return issued }
        let entered = Dictionary(try rows(enteredPath).map { ($0.answerID, $0) }) { a, _ in a }
        return issued.map { row in
            var r = row
            if let e = entered[row.answerID] { (r.score, r.comment) = (e.score, e.comment) }
            return r
        }
    }

    /// Stores the entered scores (answer id → score text and comment; blank means not graded) as the judge's filled
    /// sheet and imports it; returns the judges' agreement and the rebuilt run. Throws `DiagnosticsError` naming
    /// every invalid score; then nothing is stored.
    package static func save(
        folder: String, tracks: [Track], judge: String, entries: [String: (score: String, comment: String)],
        threshold: Double = 0.3
    ) throws -> (agreement: HumanJudging.AgreementReport, rebuilt: JudgingPipeline.Rebuilt) {
        let rows = try sheet(folder: folder, judge: judge).map { row -> [String: String] in
            var r = row
            if let e = entries[row.answerID] { (r.score, r.comment) = (e.score, e.comment) }
            return [
                "answer_id": r.answerID, "track": r.track, "set": r.set, "item": r.item, "question": r.question,
                "reference": r.reference, "rubric": r.rubric, "max_points": r.maxPoints, "answer": r.answer,
                "score": r.score, "comment": r.comment,
            ]
        }
        let text = IssuedSheet.text(columns: HumanJudging.columns, rows: rows)
        let (_, _, _, agreement, rebuilt) = try IssuedSheet.importing(text, folder: enteredFolder(folder), name: "\(judge).csv") {
            try JudgingPipeline.importHumanScores(folder: folder, tracks: tracks, sheets: [$0], threshold: threshold)
        }
        return (agreement, rebuilt)
    }

    /// Agreement over every human score stored in the run.
    package static func agreement(folder: String, threshold: Double = 0.3) throws -> HumanJudging.AgreementReport {
        HumanJudging.agreement(try RunStore(folder: folder).humanScores(), threshold: threshold)
    }

    static func rows(_ path: String) throws -> [Row] {
        try IssuedSheet.rows(path).map { f in
            Row(
                answerID: f["answer_id"] ?? "", track: f["track"] ?? "", set: f["set"] ?? "", item: f["item"] ?? "",
                question: f["question"] ?? "", reference: f["reference"] ?? "", rubric: f["rubric"] ?? "",
                maxPoints: f["max_points"] ?? "", answer: f["answer"] ?? "", score: f["score"] ?? "",
                comment: f["comment"] ?? "")
        }
    }
}
