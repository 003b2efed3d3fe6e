import Foundation
import SaimaBase
package import SaimaModel
import SaimaStorage
import SaimaJudging

/// The appeals queue on a web page: the answers of a run's issued appeals sheet (`<run>/appeals/appeals.csv`, from
/// `saima appeals template` or the portal) that no human judge has re-read yet, and a judge's readings of some of them
/// written as that sheet filled in (`<run>/appeals/entered/<judge>-<time>.csv`) and imported exactly as
/// `saima appeals import` imports it (issued rows only, letters checked, chained, the run re-scored).
package enum AppealsEntry {
    /// One answer to re-read. The team is kept to record the reading and is not shown to judges.
    package struct Row: Sendable, Hashable {
        package var rowHash: String
        package var key: ResultKey
        package var question, choices, reply, currentReading, rule, why: String
        /// What the LLM reader read when it did not settle the answer (`LLMReader.sheetNote`); empty when not asked.
        package var readerReading = ""
    }

    static func sheetPath(_ folder: String) -> String {
        ((folder as NSString).appendingPathComponent("appeals") as NSString).appendingPathComponent("appeals.csv")
    }

    /// Whether the run has an issued appeals sheet.
    package static func issued(folder: String) -> Bool { FileManager.default.fileExists(atPath: sheetPath(folder)) }

    /// Issues the run's appeals sheet of the answers `selection` picks (`Appeals.Selection`).
    package static func issue(folder: String, tracks: [Track], selection: Appeals.Selection) throws -> Int {
        try RunFolder.appealsTemplate(folder: folder, tracks: tracks, selection: selection, teams: []).rows
    }

    /// The sheet's answers not yet re-read by a human judge.
    package static func queue(folder: String) throws -> [Row] {
        guard issued(folder: folder) else { return [] }
        let reread = try RunStore(folder: folder).currentOverrides().filter { !LLMReader.isReader($0.value.judge) }
        return try IssuedSheet.rows(sheetPath(folder)).compactMap { f in
            let key = ResultKey(
                team: f["team"] ?? "", track: f["track"] ?? "", set: f["set"] ?? "", item: f["item"] ?? "",
                sample: Int(f["sample"] ?? "") ?? 0)
            guard reread[key] == nil else { return nil }
            return Row(
                rowHash: f["row_hash"] ?? "", key: key, question: f["question"] ?? "", choices: f["choices"] ?? "",
                reply: f["reply"] ?? "", currentReading: f["current_reading"] ?? "", rule: f["rule"] ?? "", why: f["why"] ?? "",
                readerReading: f["reader_reading"] ?? "")
        }
    }

    /// Imports a judge's readings (row hash → letters or `none`, and the reason); rows not named stay unread.
    package static func save(
        folder: String, tracks: [Track], judge: String, readings: [String: (reading: String, reason: String)]
    ) throws -> JudgingPipeline.Rebuilt {
        let rows = try IssuedSheet.rows(sheetPath(folder)).map { f -> [String: String] in
            var r = f
            if let entry = readings[f["row_hash"] ?? ""] {
                (r["judge_reading"], r["judge"], r["reason"]) = (entry.reading, judge, entry.reason)
            }
            return r
        }
        let stamp = TimeStamp.iso8601(Date()).filter(\.isNumber)
        let enteredFolder = ((folder as NSString).appendingPathComponent("appeals") as NSString).appendingPathComponent("entered")
        return try IssuedSheet.importing(
            IssuedSheet.text(columns: Appeals.columns, rows: rows, plain: ["judge_reading"]), folder: enteredFolder,
            name: "\(judge)-\(stamp).csv"
        ) { path in try RunFolder.importAppeals(folder: folder, tracks: tracks, sheets: [path]).rebuilt }
    }
}
