import Foundation
import SaimaLeaderboard
import SaimaModel
import SaimaReports
import SaimaStorage

/// Writes `leaderboard.json`, `.csv`, `.md` and `report.html` into a run folder.
public enum LeaderboardWriter {
    @discardableResult
    public static func write(_ board: Leaderboard, input: LeaderboardInput, folder: String, manifest: JSONValue?)
        throws -> [String]
    {
        let files = [
            ("leaderboard.json", try PrettyJSON.string(LeaderboardJSON.value(board, manifest: manifest)) + "\n"),
            ("leaderboard.csv", LeaderboardCSV.render(board)),
            ("leaderboard.md", LeaderboardMarkdown.render(board)),
            ("report.html", ReportHTML.render(ReportData(leaderboard: board, input: input, manifest: manifest))),
        ]
        return try files.map { name, text in
            let path = (folder as NSString).appendingPathComponent(name)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }
}
