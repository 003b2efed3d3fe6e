import Foundation

/// A small contest on disk for tests that run the real binary: one track with one dev question set holding the
/// given JSON Lines items, and teams entered in it whose endpoint is a local server.
package enum ContestTree {
    package struct Team {
        package var id: String
        package var zh: String
        package var en: String
        package init(id: String, zh: String, en: String) {
            self.id = id
            self.zh = zh
            self.en = en
        }
    }

    /// Writes `<root>/Tracks/<track>/` (track.yaml and `questions/<set>.jsonl`) and `<root>/Submissions/<team>/`.
    /// `shuffleChoices: false` shows every team the choices as written (for tests whose endpoint answers fixed letters).
    package static func write(
        root: String, track: String, trackName: (zh: String, en: String), set: String, items: [String], teams: [Team],
        port: Int, maxConcurrency: Int, timeoutSeconds: Int, shuffleChoices: Bool = true
    ) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: "\(root)/Tracks/\(track)/questions", withIntermediateDirectories: true)
        try """
            id: \(track)
            name: {zh: \(trackName.zh), en: \(trackName.en)}
            question_sets:
              - id: \(set)
                file: questions/\(set).jsonl
                pilot_unit: {zh: \(trackName.zh), en: \(trackName.en)}
                split: dev
                shuffle_choices: \(shuffleChoices)
            """.write(toFile: "\(root)/Tracks/\(track)/track.yaml", atomically: true, encoding: .utf8)
        try (items.joined(separator: "\n") + "\n").write(
            toFile: "\(root)/Tracks/\(track)/questions/\(set).jsonl", atomically: true, encoding: .utf8)
        for team in teams {
            try fm.createDirectory(atPath: "\(root)/Submissions/\(team.id)", withIntermediateDirectories: true)
            try """
                team: {zh: \(team.zh), en: \(team.en)}
                tracks: [\(track)]
                endpoint:
                  base_url: http://127.0.0.1:\(port)/v1
                  model: m
                  max_concurrency: \(maxConcurrency)
                  timeout_seconds: \(timeoutSeconds)
                """.write(toFile: "\(root)/Submissions/\(team.id)/submission.yaml", atomically: true, encoding: .utf8)
        }
    }
}
