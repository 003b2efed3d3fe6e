import Foundation
import SaimaLeaderboard
import SaimaModel
import SaimaReports
import SaimaStorage

/// Writes `leaderboard.json`, `.csv`, `.md` and `report.html` into a run folder.
public enum LeaderboardWriter {
    @discardableResult
    public static func write(_ board: Leaderboard, input: LeaderboardInput, folder: String, manifest: JSONValue?,
                             failureExamples: [ReportData.FailureExample] = [],
                             agreement: ReportData.JudgeAgreement? = nil) throws -> [String]
    {
        let files = [
            ("leaderboard.json", try PrettyJSON.string(LeaderboardJSON.value(board, manifest: manifest)) + "\n"),
            ("leaderboard.csv", LeaderboardCSV.render(board)),
            ("leaderboard.md", LeaderboardMarkdown.render(board)),
            ("report.html", ReportHTML.render(ReportData(
                leaderboard: board, input: input, manifest: manifest, failureExamples: failureExamples,
                agreement: agreement))),
        ]
        return try files.map { name, text in
            let path = (folder as NSString).appendingPathComponent(name)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }
}

extension LeaderboardWriter {
    /// The first failed result of each (team, outcome class) in a run.
    public static func failureExamples(store: RunStore) throws -> [ReportData.FailureExample] {
        var seen: Set<String> = []
        var out: [ReportData.FailureExample] = []
        for r in try store.currentResults() where r.outcome != .ok {
            guard seen.insert("\(r.key.team)\u{1F}\(r.outcome.rawValue)").inserted else { continue }
            out.append(ReportData.FailureExample(
                team: r.key.team, outcome: r.outcome, item: "\(r.key.track)/\(r.key.set)/\(r.key.item)",
                httpStatus: r.httpStatus, excerpt: r.rawResponse ?? r.detail ?? ""))
        }
        return out
    }
}
