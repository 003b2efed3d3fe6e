import Foundation
import SaimaBase
import SaimaModel
import SaimaPipeline
import SaimaRegistry
import SaimaRunner
import Testing

@Suite("A round file becomes a round (pipeline, directly)")
struct RoundFileSpecTests {
    /// A temporary contest: a public tracks root with `law`, a private root (named by the round file, relative to
    /// it) with `finance`, and three teams.
    struct Contest {
        let root = NSTemporaryDirectory() + "saima-roundfile-" + UUID().uuidString

        init() throws {
            for (rootName, track) in [("Tracks", "law"), ("private/Tracks", "finance")] {
                try write("\(rootName)/\(track)/track.yaml", """
                    id: \(track)
                    name: {zh: 赛道, en: \(track)}
                    question_sets:
                      - {id: s1, file: questions/s1.jsonl, pilot_unit: 试点, split: dev}
                    """)
                try write("\(rootName)/\(track)/questions/s1.jsonl", (1...3).map { i in
                    #"{"id":"q\#(i)","type":"single_choice","prompt":"第\#(i)题？","choices":{"A":"甲","B":"乙"},"answer":"A"}"#
                }.joined(separator: "\n") + "\n")
            }
            for (team, tracks) in [("alpha", "[law]"), ("beta", "[finance]"), ("gamma", "[law, finance]")] {
                try write("Submissions/\(team)/submission.yaml", """
                    team: {zh: \(team), en: \(team)}
                    tracks: \(tracks)
                    endpoint: {base_url: "http://127.0.0.1:9/v1", model: m, max_concurrency: 2, timeout_seconds: 5}
                    """)
            }
        }

        func write(_ relative: String, _ text: String) throws {
            let path = root + "/" + relative
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }

        func spec(_ roundYAML: String) throws -> RoundSpec {
            try write("Rounds/r.yaml", roundYAML)
            let path = root + "/Rounds/r.yaml"
            return try RoundSpec.from(
                roundFile: try RoundFile.load(path: path), path: path, roots: [root + "/Tracks"],
                submissionsRoot: root + "/Submissions", folder: nil, retryFailed: false)
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    /// Tracks from the command line's roots plus the file's own (relative) root; teams: every team that entered
    /// one of the round's tracks; the file's runner limits, seed, split and awards carried into the spec.
    @Test func privateRootTeamsAndSettings() throws {
        let contest = try Contest()
        defer { contest.remove() }
        let spec = try contest.spec("""
            name: spring
            tracks: [finance]
            tracks_roots: [../private/Tracks]
            seed: 18446744073709551
            runner: {max_in_flight: 7, max_attempts: 2, timeout_ceiling_seconds: 9, max_consecutive_failures: 3}
            awards: {basis: count, tiers: [{name: {zh: 一等奖, en: First}, count: 1}]}
            """)
        #expect(spec.round == "spring")
        #expect(spec.tracks.map(\.id) == ["finance"])
        #expect(spec.submissions.map(\.id).sorted() == ["beta", "gamma"])
        #expect(spec.seed == 18_446_744_073_709_551)
        #expect(spec.options.maxInFlight == 7)
        #expect(spec.options.retry.maxAttempts == 2)
        #expect(spec.options.timeoutCeilingSeconds == 9)
        #expect(spec.options.maxConsecutiveFailures == 3)
        #expect(spec.folder == "runs/spring")
        #expect(spec.awards?.tiers.count == 1)
        #expect(spec.split == .dev)
    }

    /// Named teams are taken as named; an unknown team or track is an error that names the file and the ids.
    @Test func namedTeamsAndUnknownIDs() throws {
        let contest = try Contest()
        defer { contest.remove() }
        let roots = "tracks_roots: [../private/Tracks]\n"
        let named = try contest.spec("name: r\ntracks: [law]\nteams: [gamma]\n" + roots)
        #expect(named.submissions.map(\.id) == ["gamma"])
        #expect(named.tracks.map(\.id) == ["law"])

        do {
            _ = try contest.spec("name: r\nteams: [gamma, nobody, zed]\n" + roots)
            Issue.record("an unknown team must be refused")
        } catch let error as Selection.UnknownIDs {
            #expect(error.kind == .team)
            #expect(error.ids == ["nobody", "zed"])
            #expect(error.description.contains("r.yaml"))
        }
        do {
            _ = try contest.spec("name: r\ntracks: [law, medicine]\n" + roots)
            Issue.record("a track no root defines must be refused")
        } catch let error as Selection.UnknownIDs {
            #expect(error.kind == .track)
            #expect(error.ids == ["medicine"])
        }
        // Without the private root, the teams that entered `finance` are themselves the problem, located.
        do {
            _ = try contest.spec("name: r\ntracks: [law]\n")
            Issue.record("submissions naming a track outside the roots must be refused")
        } catch let error as DiagnosticsError {
            #expect(error.diagnostics.contains { $0.path.hasSuffix("beta/submission.yaml") && $0.message.contains("finance") })
        }
    }

    /// Validation reports an unknown metric at its file and line, together with every other problem.
    @Test func validationNamesUnknownMetricsWithEverythingElse() throws {
        let contest = try Contest()
        defer { contest.remove() }
        try contest.write("Tracks/law/questions/s1.jsonl", """
            {"id":"q1","type":"single_choice","prompt":"？","choices":{"A":"甲","B":"乙"},"answer":"A"}
            {"id":"q2","type":"short_answer","prompt":"？","answer":"甲","metric":"bleu_9000"}
            """)
        try contest.write("Submissions/alpha/submission.yaml", "team: {zh: a, en: a}\ntracks: [nowhere]\n")
        do {
            _ = try Validation.validate(
                roots: [contest.root + "/Tracks", contest.root + "/private/Tracks"], submissionsRoot: contest.root + "/Submissions")
            Issue.record("validation must fail")
        } catch {
            let metric = error.diagnostics.first { $0.message.contains("unknown metric `bleu_9000`") }
            #expect(metric?.line == 2)
            #expect(metric?.path.hasSuffix("s1.jsonl") == true)
            #expect(error.diagnostics.contains { $0.path.hasSuffix("alpha/submission.yaml") })
        }
        try contest.write("Tracks/law/questions/s1.jsonl", """
            {"id":"q1","type":"single_choice","prompt":"？","choices":{"A":"甲","B":"乙"},"answer":"A"}
            """)
        try contest.write("Submissions/alpha/submission.yaml", """
            team: {zh: a, en: a}
            tracks: [law]
            endpoint: {base_url: "http://127.0.0.1:9/v1", model: m}
            """)
        let report = try Validation.validate(
            roots: [contest.root + "/Tracks", contest.root + "/private/Tracks"], submissionsRoot: contest.root + "/Submissions")
        #expect(report.items == 4)
        #expect(report.submissions.count == 3)
    }
}
