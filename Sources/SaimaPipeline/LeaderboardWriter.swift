import Foundation
package import SaimaLeaderboard
import SaimaBase
import SaimaModel
package import SaimaReports
package import SaimaRunner
package import SaimaStorage

/// Writes `leaderboard.json`, `.csv`, `.md` and `report.html` into a run folder.
package enum LeaderboardWriter {
    /// Writes the files and returns their paths, with the report's most separating items (for the appendix).
    @discardableResult
    package static func write(_ board: Leaderboard, input: LeaderboardInput, folder: String, manifest: RunManifest?,
                             failureExamples: [ReportData.FailureExample] = [],
                             agreement: ReportData.JudgeAgreement? = nil,
                             appeals: [ReportData.AppealLine] = [], signingFingerprint: String? = nil,
                             variants: [ReportData.VariantLine] = [],
                             probes: [(team: String, name: String, probe: FreezeProbe)] = []) throws
        -> (files: [String], separating: [ReportData.SeparatingItem])
    {
        let version = try archivePrevious(folder: folder)
        let manifestHash = manifest.map { SHA256Digest.hex($0.json.canonicalJSON) }
        let awards = manifest?.awardRule
        let manifest = manifest?.publicView.json
        var json = LeaderboardJSON.value(board, manifest: manifest, awards: awards)
        if case .object(var root) = json {
            root["appeals"] = .object(["answers_re_read": .number(Double(appeals.count))])
            root["version"] = .number(Double(version))
            if !probes.isEmpty { root["probes"] = LeaderboardJSON.probes(probes) }
            json = .object(root)
        }
        var report = ReportData(
            leaderboard: board, input: input, manifest: manifest, failureExamples: failureExamples,
            agreement: agreement, appeals: appeals, version: version, awards: awards, manifestHash: manifestHash)
        report.signingFingerprint = signingFingerprint
        report.variants = variants
        report.probes = probes
        let files = [
            ("leaderboard.json", try PrettyJSON.string(json) + "\n"),
            ("leaderboard.csv", LeaderboardCSV.render(board)),
            ("leaderboard.md", LeaderboardMarkdown.render(board)),
            ("report.html", ReportHTML.render(report)),
        ]
        let paths = try files.map { name, text in
            let path = (folder as NSString).appendingPathComponent(name)
            try RunFolderFile.write(text, to: name, in: folder)
            return path
        }
        return (paths, report.separating)
    }
}

extension LeaderboardWriter {
    /// The files a leaderboard build writes; earlier versions of them are kept, never overwritten.
    static let outputs = ["leaderboard.json", "leaderboard.csv", "leaderboard.md", "report.html"]

    /// Moves the current outputs (if any) to `history/v<N>/` and returns the version number of the outputs about
    /// to be written (1 for the first build of a run).
    static func archivePrevious(folder: String) throws -> Int {
        let fm = FileManager.default
        // `history/` (or an output) planted as a link would move earlier outputs out of the folder.
        let history = try RunFolderFile.checked("history", in: folder)
        for name in outputs { try RunFolderFile.checked(name, in: folder) }
        let earlier = ((try? fm.contentsOfDirectory(atPath: history)) ?? []).compactMap { name -> Int? in
            name.hasPrefix("v") ? Int(name.dropFirst()) : nil
        }
        let present = outputs.filter { fm.fileExists(atPath: (folder as NSString).appendingPathComponent($0)) }
        guard !present.isEmpty else { return (earlier.max() ?? 0) + 1 }
        let previous = (earlier.max() ?? 0) + 1
        let target = try RunFolderFile.checked("history/v\(previous)", in: folder, creatingFolders: true)
        try fm.createDirectory(atPath: target, withIntermediateDirectories: false)
        for name in present {
            try fm.moveItem(
                atPath: (folder as NSString).appendingPathComponent(name), toPath: (target as NSString).appendingPathComponent(name))
        }
        return previous + 1
    }

    /// The latest judge reading of each answer re-read on appeal, in answer order.
    package static func appeals(store: RunStore) throws -> [ReportData.AppealLine] {
        try store.currentOverrides().values.sorted { ($0.key.team, $0.key.track, $0.key.set, $0.key.item, $0.key.sample) < ($1.key.team, $1.key.track, $1.key.set, $1.key.item, $1.key.sample) }.map { o in
            ReportData.AppealLine(
                team: o.key.team, answer: "\(o.key.track)/\(o.key.set)/\(o.key.item)#\(o.key.sample)",
                previous: o.previous ?? "", reading: o.reading, judge: o.judge, reason: o.reason)
        }
    }

    /// The first failed result of each (team, outcome class) in a run.
    package static func failureExamples(store: RunStore) throws -> [ReportData.FailureExample] {
        // The first failure of each (team, outcome) is decoded; the others are skipped by key and outcome alone, so a
        // team cut off for 100,000 items costs one example, not 100,000 results in memory.
        var seen: Set<String> = []
        var out: [ReportData.FailureExample] = []
        let firsts = try store.currentResults(attempts: false) { key, outcome in
            outcome != .ok && seen.insert("\(key.team)\u{1F}\(outcome.rawValue)").inserted
        }
        for r in firsts {
            out.append(ReportData.FailureExample(
                team: r.key.team, outcome: r.outcome, item: "\(r.key.track)/\(r.key.set)/\(r.key.item)",
                httpStatus: r.httpStatus, excerpt: r.rawResponse ?? r.detail ?? ""))
        }
        return out
    }
}
