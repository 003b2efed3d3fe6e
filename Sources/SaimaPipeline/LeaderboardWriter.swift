import Foundation
import SaimaLeaderboard
import SaimaModel
import SaimaReports
import SaimaRunner
import SaimaStorage

/// Writes `leaderboard.json`, `.csv`, `.md` and `report.html` into a run folder.
public enum LeaderboardWriter {
    @discardableResult
    public static func write(_ board: Leaderboard, input: LeaderboardInput, folder: String, manifest: JSONValue?,
                             failureExamples: [ReportData.FailureExample] = [],
                             agreement: ReportData.JudgeAgreement? = nil,
                             appeals: [ReportData.AppealLine] = []) throws -> [String]
    {
        let manifest = manifest.map(RunManifest.publicView)
        var json = LeaderboardJSON.value(board, manifest: manifest)
        if case .object(var root) = json {
            root["appeals"] = .object(["answers_re_read": .number(Double(appeals.count))])
            json = .object(root)
        }
        let files = [
            ("leaderboard.json", try PrettyJSON.string(json) + "\n"),
            ("leaderboard.csv", LeaderboardCSV.render(board)),
            ("leaderboard.md", LeaderboardMarkdown.render(board)),
            ("report.html", ReportHTML.render(ReportData(
                leaderboard: board, input: input, manifest: manifest, failureExamples: failureExamples,
                agreement: agreement, appeals: appeals))),
        ]
        return try files.map { name, text in
            let path = (folder as NSString).appendingPathComponent(name)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }
}

extension LeaderboardWriter {
    /// The latest judge reading of each answer re-read on appeal, in answer order.
    public static func appeals(store: RunStore) throws -> [ReportData.AppealLine] {
        try store.currentOverrides().values.sorted { ($0.key.team, $0.key.track, $0.key.set, $0.key.item, $0.key.sample) < ($1.key.team, $1.key.track, $1.key.set, $1.key.item, $1.key.sample) }.map { o in
            ReportData.AppealLine(
                team: o.key.team, answer: "\(o.key.track)/\(o.key.set)/\(o.key.item)#\(o.key.sample)",
                previous: o.previous ?? "", reading: o.reading, judge: o.judge, reason: o.reason)
        }
    }

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
