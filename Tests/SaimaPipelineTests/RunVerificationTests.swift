import SaimaModel
import Foundation
import GRDB
import SaimaEndpointServer
import Testing

@testable import SaimaPipeline

/// `round verify`'s logic in process, on a round run through `RoundExecution` against a real local baseline
/// endpoint, then tampered with directly in its database the way someone with file access would: each kind of edit
/// is reported with the row or answer it touches, and the untouched folder verifies clean.
@Suite("Verifying a run folder (pipeline, directly)", .serialized)
struct RunVerificationTests {
    static let items = 12

    /// A finished round of one team over `RunScoringTests.track`, in a fresh folder.
    static func finishedRound() async throws -> (folder: String, tracks: [Track]) {
        let server = try await BaselineServer.start(persona: .firstChoice, port: 0)
        let folder = NSTemporaryDirectory() + "saima-verify-\(UUID().uuidString)"
        let tracks = [RunScoringTests.track(count: items)]
        let submission = Submission(
            id: "alpha", team: LocalizedText(zh: "阿尔法", en: "Alpha"), contact: nil, tracks: ["t"],
            endpoint: EndpointSettings(baseURL: server.baseURL, model: "first-choice-baseline", apiKeyEnv: nil, maxConcurrency: 4,
                                       requestsPerMinute: nil, timeoutSeconds: 10, connectTimeoutSeconds: 2, stream: false),
            path: "")
        let spec = RoundSpec(round: "verify", tracks: tracks, submissions: [submission], split: .dev, seed: 5, folder: folder, resamples: 100)
        _ = try await RoundExecution.run(spec)
        await server.stop()
        return (folder, tracks)
    }

    /// Runs `sql` on the folder's database, as a tamperer would.
    static func tamper(_ folder: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: folder + "/run.sqlite")
        try queue.write { try $0.execute(sql: sql) }
    }

    @Test func anUntouchedFolderVerifies() async throws {
        let (folder, tracks) = try await Self.finishedRound()
        let report = try RunVerification.verify(folder: folder, tracks: tracks)
        #expect(report.ok, "\(report.problems)")
        #expect(report.checkedRows == Self.items && report.checkedScores == Self.items && report.checkedSets == 1)
    }

    @Test func eachKindOfEditIsReported() async throws {
        let cases: [(sql: String, expected: String)] = [
            ("UPDATE results SET content = 'B' WHERE seq = 3", "(row 3) does not match its chain hash"),
            ("DELETE FROM results WHERE seq = (SELECT MAX(seq) FROM results)", "the chain head"),
            ("DELETE FROM results WHERE seq = 5", "were deleted"),
            ("UPDATE results SET superseded = 1 WHERE seq = 2", "its superseded flag was changed"),
            ("UPDATE scores SET score = 1 - score WHERE item = 'q1'", "stored score(s) differ"),
        ]
        for (sql, expected) in cases {
            let (folder, tracks) = try await Self.finishedRound()
            try Self.tamper(folder, sql)
            let report = try RunVerification.verify(folder: folder, tracks: tracks)
            #expect(!report.ok && report.problems.contains { $0.contains(expected) }, "\(sql): \(report.problems)")
        }
    }

    @Test func aChangedQuestionSetIsReported() async throws {
        let (folder, tracks) = try await Self.finishedRound()
        var changed = tracks
        changed[0].questionSets[0].contentHash = String(repeating: "f", count: 64)
        let report = try RunVerification.verify(folder: folder, tracks: changed)
        #expect(report.problems.contains { $0.contains("question set t/s changed since the run") }, "\(report.problems)")
        let missing = try RunVerification.verify(folder: folder, tracks: [])
        #expect(missing.problems.contains { $0.contains("question set t/s is missing") })
    }
}
