import Foundation
package import SaimaJudging
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
        var text = "\u{FEFF}" + CSVTable.line(HumanJudging.columns)
        for var row in try sheet(folder: folder, judge: judge) {
            if let e = entries[row.answerID] { (row.score, row.comment) = (e.score, e.comment) }
            text += CSVTable.line([
                row.answerID, row.track, row.set, row.item, row.question, row.reference, row.rubric, row.maxPoints,
                row.answer, row.score, row.comment,
            ])
        }
        // Imported from a pending copy, which becomes the judge's entered sheet only once the import succeeded, so a
        // refused save leaves the page showing what is stored.
        let entered = enteredFolder(folder)
        let pending = entered + "-pending"
        let fm = FileManager.default
        try fm.createDirectory(atPath: entered, withIntermediateDirectories: true)
        try fm.createDirectory(atPath: pending, withIntermediateDirectories: true)
        let pendingPath = (pending as NSString).appendingPathComponent("\(judge).csv")
        try? fm.removeItem(atPath: pendingPath)
        try RunFolderFile.write(text, to: "\(judge).csv", in: pending)
        defer { try? fm.removeItem(atPath: pendingPath) }
        let (_, agreement, rebuilt) = try JudgingPipeline.importHumanScores(
            folder: folder, tracks: tracks, sheets: [pendingPath], threshold: threshold)
        let enteredPath = (entered as NSString).appendingPathComponent("\(judge).csv")
        try? fm.removeItem(atPath: enteredPath)
        try fm.copyItem(atPath: pendingPath, toPath: enteredPath)
        return (agreement, rebuilt)
    }

    /// Agreement over every human score stored in the run.
    package static func agreement(folder: String, threshold: Double = 0.3) throws -> HumanJudging.AgreementReport {
        HumanJudging.agreement(try RunStore(folder: folder).humanScores(), threshold: threshold)
    }

    static func rows(_ path: String) throws -> [Row] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let parsed = CSVTable.parse(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard let header = parsed.first?.fields else { return [] }
        let index = Dictionary(header.enumerated().map { ($1, $0) }) { a, _ in a }
        return parsed.dropFirst().map { line in
            func field(_ name: String) -> String {
                guard let i = index[name], i < line.fields.count else { return "" }
                return line.fields[i]
            }
            return Row(
                answerID: field("answer_id"), track: field("track"), set: field("set"), item: field("item"),
                question: field("question"), reference: field("reference"), rubric: field("rubric"),
                maxPoints: field("max_points"), answer: field("answer"), score: field("score"), comment: field("comment"))
        }
    }
}
