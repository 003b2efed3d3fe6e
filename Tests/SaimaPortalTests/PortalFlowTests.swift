import Foundation
import HTTPTypes
import SaimaModel
import SaimaPipeline
import SaimaRegistry
import Testing
import ZIPFoundation

@testable import SaimaPortal

/// The contest through the portal's routes, in process, against a real local endpoint: a team registers, the
/// organizer approves it, the team enters its endpoint (checked, key sealed), self-tests and appears on the dev
/// board; a second team with a script in its name renders inert and cannot open the first team's run; a POST without
/// the CSRF token is refused; the test board stays hidden until the organizer publishes it; the export loads with the
/// command line's own loader.
@Suite("Portal flow", .serialized)
struct PortalFlowTests {
    static let key = "sk-alpha-0123456789-secret"

    @Test func registerApproveSelfTestPublish() async throws {
        let fixture = try PortalFixture()
        let endpoint = try await CountingEndpoint.start(key: Self.key)
        let portal = fixture.portal
        try await fixture.test { client in
            let organizer = Visitor(client)
            #expect(try await organizer.signIn("organizer", "organizer-password") == .seeOther)

            let alpha = Visitor(client)
            #expect(try await alpha.register(team: "alpha", zh: "阿尔法队", en: "Team Alpha", user: "alpha-user") == .seeOther)
            #expect(try await alpha.get("/team").body.contains("pending"), "a new team waits for approval")
            #expect(try await alpha.get("/organizer").status == .forbidden, "a team account cannot open the organizer's page")

            // A POST without the CSRF token, or with another session's token, is refused before any handler runs.
            #expect(try await organizer.post("/organizer/teams/alpha/approve", csrf: false).status == .forbidden)
            let stolen = organizer.csrf
            alpha.csrf = stolen
            #expect(try await alpha.post("/team/selftest").status == .forbidden, "another session's token is refused")
            #expect(try portal.store.team("alpha")?.status == .pending)

            #expect(try await organizer.post("/organizer/teams/alpha/approve").status == .seeOther)
            try await organizer.get("/organizer")
            #expect(try await organizer.post("/organizer/phase", [("phase", "dev")]).status == .seeOther)

            // The endpoint: saved with its key, checked against the real endpoint (which demands that key).
            try await alpha.get("/team")
            let saved = try await alpha.post("/team/endpoint", [
                ("base_url", endpoint.baseURL), ("model", "counting"), ("api_key", Self.key), ("concurrency", "2"),
            ])
            #expect(saved.status == .seeOther)
            let teamPage = try await alpha.get("/team").body
            #expect(teamPage.contains("通过 passed"), "the endpoint check passed with the key delivered")
            #expect(!teamPage.contains(Self.key), "the key is never shown again")
            let sealed = try #require(try portal.store.sealedKey(team: "alpha"))
            #expect(!sealed.contains(Self.key) && sealed != Self.key, "the key is stored sealed")
            #expect(try portal.store.auditLog().allSatisfy { !$0.detail.contains(Self.key) }, "the audit log never holds the key")
            let database = try Data(contentsOf: URL(fileURLWithPath: fixture.state + "/portal.sqlite"))
            #expect(database.range(of: Data(Self.key.utf8)) == nil, "the key's bytes are nowhere in the database file")

            // A self-test through the same pipeline as the command line, then the public dev board.
            let launched = try await alpha.post("/team/selftest")
            #expect(launched.status == .seeOther)
            let runPath = try #require(launched.headers[.location])
            let runID = String(runPath.dropFirst("/runs/".count))
            await portal.wait(run: runID)
            let run = try #require(try portal.store.run(runID))
            #expect(run.status == .done, "self-test finished: \(run.error ?? "")")
            let scores = try portal.store.scores(run: runID)
            #expect(scores.count == 1 && scores[0].items == 6 && scores[0].team == "alpha")
            let runPage = try await alpha.get(runPath).body
            #expect(runPage.contains("id=\"scores\"") && runPage.contains("id=\"findings\"") && runPage.contains("Latency ms"),
                    "the team sees its scores and its self-test findings")
            #expect(!runPage.contains(fixture.state), "no server path is shown")
            #expect(endpoint.questionCounts.count == 6 && endpoint.questionCounts.values.allSatisfy { $0 == 1 })
            let publicBoard = try await Visitor(client).get("/")
            #expect(publicBoard.body.contains("阿尔法队 (Team Alpha)"), "the team is on the public dev board")
            #expect(publicBoard.body.contains(String(format: "%.2f", scores[0].score)))
            #expect(publicBoard.headers[.init("Content-Security-Policy")!]?.contains("script-src 'self'") == true)

            // A hostile team name is stored as typed and shown as text.
            let mallory = Visitor(client)
            let payload = "<script>alert(1)</script><img src=x onerror=alert(2)>"
            #expect(try await mallory.register(team: "mallory", zh: payload, en: "\"><b>bold</b>", user: "mallory-user") == .seeOther)
            let organizerPage = try await organizer.get("/organizer").body
            #expect(!organizerPage.contains("<script>alert(1)") && !organizerPage.contains("<img src=x"))
            #expect(organizerPage.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the payload renders as text")
            #expect(!organizerPage.contains("<b>bold</b>"))

            // Another team cannot open alpha's run or its progress (404: the id is not even confirmed).
            try await organizer.post("/organizer/teams/mallory/approve")
            #expect(try await mallory.get(runPath).status == .notFound)
            #expect(try await mallory.get(runPath + "/events").status == .notFound)
            #expect(try await Visitor(client).get(runPath).status == .seeOther, "the public is sent to sign in")
            #expect(try await organizer.get(runPath).status == .ok, "the organizer sees every run")
            let report = try await alpha.get(runPath + "/files/report.html")
            #expect(report.status == .ok && report.body.contains("<html"), "the team downloads its report")
            #expect(report.headers[.init("Content-Security-Policy")!]?.hasPrefix("default-src 'none'") == true)
            #expect(try await alpha.get(runPath + "/files/run.sqlite").status == .notFound, "the database is the organizer's")
            #expect(try await alpha.get(runPath + "/files/..%2F..%2Fportal.sqlite").status == .notFound)
            #expect(try await organizer.get(runPath + "/files/run.sqlite").status == .ok)
            #expect(try await mallory.get(runPath + "/files/report.html").status == .notFound)
            try await mallory.get("/team")
            try await mallory.post("/team/endpoint", [
                ("base_url", endpoint.baseURL), ("model", "m"), ("api_key", "wrong-key"), ("concurrency", "1"),
            ])
            let malloryPage = try await mallory.get("/team").body
            #expect(malloryPage.contains("未通过 failed") && malloryPage.contains("401"), "a wrong key fails the check, explained")
            #expect(try await mallory.post("/team/selftest").status == .badRequest, "no self-test before the check passes")

            // The official round: submissions frozen, the test board hidden until published.
            try await organizer.get("/organizer")
            try await organizer.post("/organizer/phase", [("phase", "test")])
            try await alpha.get("/team")
            #expect(try await alpha.post("/team/endpoint", [
                ("base_url", endpoint.baseURL), ("model", "other"), ("api_key", ""), ("concurrency", "2"),
            ]).status == .conflict, "endpoints are frozen in the test phase")
            let official = try await organizer.post("/organizer/official")
            #expect(official.status == .seeOther)
            let officialID = String(try #require(official.headers[.location]).dropFirst("/runs/".count))
            await portal.wait(run: officialID)
            #expect(try portal.store.run(officialID)?.status == .done)
            #expect(try portal.store.scores(run: officialID).map(\.team) == ["alpha"], "only the checked team ran")
            let zipped = try await organizer.get("/runs/\(officialID)/folder.zip")
            #expect(zipped.status == .ok && zipped.headers[.contentType] == "application/zip")
            let archive = try Archive(data: Data(organizer.lastBytes), accessMode: .read)
            let names = Set(archive.map(\.path))
            #expect(names.isSuperset(of: ["manifest.json", "run.sqlite", "report.html", "leaderboard.json"]), "\(names)")
            #expect(!names.contains { $0.hasSuffix(".lock") }, "no lock file")
            var manifest = Data()
            _ = try archive.extract(try #require(archive["manifest.json"])) { manifest.append($0) }
            #expect(manifest == FileManager.default.contents(atPath: fixture.state + "/runs/\(officialID)/manifest.json"),
                    "the archived manifest is the run's, byte for byte")
            let unpacked = NSTemporaryDirectory() + "saima-unzipped-\(UUID().uuidString)"
            for entry in archive {
                let target = URL(fileURLWithPath: unpacked).appendingPathComponent(entry.path)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                _ = try archive.extract(entry, to: target)
            }
            let verified = try RunVerification.verify(folder: unpacked, tracks: portal.registry.tracks)
            #expect(verified.ok && verified.checkedRows == 6, "the unpacked folder passes round verify offline: \(verified.problems)")
            #expect(try await alpha.get(runPath + "/folder.zip").status == .forbidden, "a team's own run folder is the organizer's to download")
            #expect(try await mallory.get(runPath + "/folder.zip").status == .notFound)
            let hidden = try await Visitor(client).get("/").body
            #expect(hidden.contains("Hidden until the organizer publishes it"))
            #expect(hidden.components(separatedBy: "board-heritage").count == 2, "only the dev board is shown")
            #expect(try await Visitor(client).get("/report").status == .notFound, "no report before publication")
            try await organizer.get("/organizer")
            try await organizer.post("/organizer/phase", [("phase", "published")])
            let publishedReport = try await Visitor(client).get("/report")
            #expect(publishedReport.status == .ok && publishedReport.body.contains("<html"), "the published report is public")
            let published = try await Visitor(client).get("/").body
            #expect(!published.contains("Hidden until the organizer publishes it"))
            #expect(published.components(separatedBy: "board-heritage").count == 3, "the test board and the dev board")

            // The export loads with the command line's loader.
            try await organizer.get("/organizer")
            #expect(try await organizer.post("/organizer/export").status == .ok)
            let exportRoot = try FileManager.default.contentsOfDirectory(atPath: fixture.state + "/export")
            let root = fixture.state + "/export/" + exportRoot[0] + "/Submissions"
            let loaded = try SubmissionLoader.load(root: root, registry: portal.registry)
            #expect(loaded.map(\.id).sorted() == ["alpha", "mallory"])
            let exported = try #require(loaded.first { $0.id == "alpha" })
            #expect(exported.endpoint.baseURL == endpoint.baseURL && exported.endpoint.apiKeyEnv == "SAIMA_KEY_ALPHA")
            #expect(loaded.first { $0.id == "mallory" }?.team.zh == payload, "names survive the YAML round trip")
            #expect(!(try String(contentsOfFile: root + "/alpha/submission.yaml", encoding: .utf8)).contains(Self.key))
        }
        await endpoint.stop()
    }
}
