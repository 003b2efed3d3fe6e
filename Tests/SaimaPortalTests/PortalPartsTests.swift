import Foundation
import SaimaModel
import SaimaRegistry
import Testing

@testable import SaimaPortal

/// The portal's parts on their own: key sealing, form bodies, the sign-in limiter, rank groups, the export's YAML.
struct PortalPartsTests {
    @Test func sealedKeysOpenOnlyForTheirTeamUnderTheirSecret() throws {
        let secret = try PortalSecret(secret: String(repeating: "s", count: 32))
        let sealed = try secret.seal("sk-live-123", team: "alpha")
        #expect(try secret.open(sealed, team: "alpha") == "sk-live-123")
        #expect(throws: (any Error).self, "bound to its team") { try secret.open(sealed, team: "beta") }
        let other = try PortalSecret(secret: String(repeating: "t", count: 32))
        #expect(throws: (any Error).self, "bound to its secret") { try other.open(sealed, team: "alpha") }
        #expect(try secret.seal("sk-live-123", team: "alpha") != sealed, "a fresh nonce each time")
        #expect(throws: PortalError.self, "a short secret is refused") { try PortalSecret(secret: "short") }
    }

    @Test func formBodies() {
        #expect(FormBody.parse("a=1&b=x+y%20z&c=%E8%B5%9B&tracks=law&tracks=finance&d")
            == ["a": "1", "b": "x y z", "c": "赛", "tracks": "law,finance", "d": ""])
        #expect(FormBody.parse("bad=%E8%ZZ") == ["bad": "%E8%ZZ"], "a malformed escape is kept as sent")
    }

    @Test func limiterWindow() {
        let limiter = LoginLimiter(maxFailures: 2, window: 60)
        let t0 = Date(timeIntervalSince1970: 1_000_000)
        #expect(limiter.wait(for: "a", now: t0) == nil)
        limiter.failed("a", now: t0)
        limiter.failed("a", now: t0 + 10)
        #expect(limiter.wait(for: "a", now: t0 + 20) == 40)
        #expect(limiter.wait(for: "b", now: t0 + 20) == nil, "names are limited separately")
        #expect(limiter.wait(for: "a", now: t0 + 61) == nil, "the oldest failure left the window")
        limiter.failed("a", now: t0 + 62)
        limiter.succeeded("a")
        #expect(limiter.wait(for: "a", now: t0 + 63) == nil)
    }

    @Test func devBoardRankGroupsFollowOverlap() {
        func s(_ score: Double, _ low: Double, _ high: Double) -> TrackScore {
            TrackScore(run: "r", team: "t", track: "x", trackName: .init(zh: "x", en: "x"), score: score, low: low, high: high,
                       items: 10, finished: Date())
        }
        #expect(BoardPage.rankGroups([s(80, 75, 85), s(76, 70, 79), s(60, 55, 65), s(58, 50, 66)]) == [1, 1, 2, 2])
    }

    @Test func exportedYAMLLoadsBackWithHostileText() throws {
        let folder = NSTemporaryDirectory() + "saima-export-\(UUID().uuidString)"
        let name = LocalizedText(zh: "队名: \"引号\" # 井号 {括号} [a, b]", en: "'single' & <tag>")
        let submission = Submission(
            id: "team-x", team: name, contact: "x@example.org", tracks: ["heritage"],
            endpoint: EndpointSettings(baseURL: "http://127.0.0.1:9/v1", model: "m: 1", apiKeyEnv: "SAIMA_KEY_TEAM_X", maxConcurrency: 3),
            path: "")
        let files = try SubmissionExport.write([submission], to: folder)
        let loaded = try SubmissionLoader.load(root: folder + "/Submissions", registry: nil)
        #expect(files.count == 1 && loaded.count == 1)
        #expect(loaded[0].team == name && loaded[0].endpoint.model == "m: 1" && loaded[0].endpoint.maxConcurrency == 3)
        #expect(throws: PortalError.self, "an existing export is never overwritten") {
            try SubmissionExport.write([submission], to: folder)
        }
    }
}
