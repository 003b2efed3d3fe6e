import SaimaBase
import Foundation
import SaimaJudging
package import SaimaModel
import SaimaStorage

/// The operations on a run folder that commands name by path (`--out`): each opens the folder's store itself, so
/// no command holds a database.
package enum RunFolder {
    /// `saima score`: every stored answer scored again (judge readings, verdicts and human scores applied).
    package static func score(folder: String, tracks: [Track]) throws -> RunScoring.Summary {
        let store = try RunStore(folder: folder)
        try store.lockForWriting()
        return try RunScoring.score(store: store, tracks: tracks)
    }

    /// `saima export`: one record per stored request, as JSON Lines or as CSV with formulas neutralized.
    package enum ExportFormat: String, Sendable, CaseIterable { case jsonl, csv }

    package static func export(folder: String, format: ExportFormat) throws -> String {
        let records = try ResultExport.records(store: try RunStore(folder: folder))
        switch format {
        case .jsonl: return records.map { $0.canonicalJSON + "\n" }.joined()
        case .csv: return ResultExport.csv(records)
        }
    }

    /// `saima appeals template`: the sheet of answers for judges to re-read, in `<folder>/appeals/`; its path
    /// and how many answers it lists.
    package static func appealsTemplate(
        folder: String, tracks: [Track], selection: Appeals.Selection, teams: [String]
    ) throws -> (path: String, rows: Int) {
        try Appeals.writeTemplate(
            store: try RunStore(folder: folder), tracks: tracks,
            folder: (folder as NSString).appendingPathComponent("appeals"), selection: selection, teams: teams)
    }

    /// `saima appeals import`: the judges' readings stored (all or nothing, chained), then re-scoring and the
    /// rebuilt leaderboard and report.
    package static func importAppeals(folder: String, tracks: [Track], sheets: [String], supersede: String? = nil) throws
        -> (readings: [ReadingOverride], rebuilt: JudgingPipeline.Rebuilt)
    {
        let store = try RunStore(folder: folder)
        try store.lockForWriting()
        let readings = try Appeals.importSheets(store: store, tracks: tracks, paths: sheets, folder: folder, supersede: supersede)
        return (readings, try JudgingPipeline.rebuild(folder: folder, tracks: tracks))
    }

    /// `saima judges template`: one anonymized, shuffled sheet per human judge in `<folder>/human-judging/`.
    package static func humanJudgingTemplates(folder: String, tracks: [Track], judges: [String], seed: UInt64) throws
        -> [String]
    {
        try HumanJudging.writeTemplates(
            store: try RunStore(folder: folder), tracks: tracks, judges: judges,
            folder: (folder as NSString).appendingPathComponent("human-judging"), seed: seed)
    }
}
