import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import SaimaPortal

/// Every route's access rule, for every kind of visitor: the public, a team, a judge and the organizer. Pages are
/// 200 where open, 303 to sign in for the public where a session is needed, 403 for a signed-in role the page is not
/// for; run pages of another team are 404.
@Suite("Portal access rules", .serialized)
struct PortalAccessTests {
    enum Who: CaseIterable { case visitor, team, judge, organizer }

    /// GET routes and the status each visitor gets.
    static let pages: [(String, [Who: HTTPResponse.Status])] = [
        ("/", [.visitor: .ok, .team: .ok, .judge: .ok, .organizer: .ok]),
        ("/health", [.visitor: .ok, .team: .ok, .judge: .ok, .organizer: .ok]),
        ("/static/portal.css", [.visitor: .ok, .team: .ok, .judge: .ok, .organizer: .ok]),
        ("/static/progress.js", [.visitor: .ok, .team: .ok, .judge: .ok, .organizer: .ok]),
        ("/register", [.visitor: .ok, .team: .ok, .judge: .ok, .organizer: .ok]),
        ("/login", [.visitor: .ok, .team: .ok, .judge: .ok, .organizer: .ok]),
        ("/account", [.visitor: .seeOther, .team: .ok, .judge: .ok, .organizer: .ok]),
        ("/report", [.visitor: .notFound, .team: .notFound, .judge: .notFound, .organizer: .notFound]),
        ("/team", [.visitor: .seeOther, .team: .ok, .judge: .forbidden, .organizer: .forbidden]),
        ("/organizer", [.visitor: .seeOther, .team: .forbidden, .judge: .forbidden, .organizer: .ok]),
        ("/runs/no-such-run", [.visitor: .seeOther, .team: .notFound, .judge: .notFound, .organizer: .notFound]),
        ("/runs/no-such-run/events", [.visitor: .seeOther, .team: .notFound, .judge: .notFound, .organizer: .notFound]),
        ("/runs/no-such-run/folder.zip", [.visitor: .seeOther, .team: .notFound, .judge: .notFound, .organizer: .notFound]),
        ("/runs/no-such-run/files/report.html", [.visitor: .seeOther, .team: .notFound, .judge: .notFound, .organizer: .notFound]),
        ("/judge", [.visitor: .seeOther, .team: .forbidden, .judge: .ok, .organizer: .forbidden]),
        ("/judge/runs/no-such-run", [.visitor: .seeOther, .team: .forbidden, .judge: .notFound, .organizer: .forbidden]),
        ("/judge/runs/no-such-run/votes", [.visitor: .seeOther, .team: .forbidden, .judge: .notFound, .organizer: .forbidden]),
        ("/judge/runs/no-such-run/appeals", [.visitor: .seeOther, .team: .forbidden, .judge: .notFound, .organizer: .forbidden]),
    ]

    /// State-changing routes (with a valid CSRF token) and the status each visitor gets.
    static let actions: [(String, [Who: HTTPResponse.Status])] = [
        ("/team/endpoint", [.visitor: .seeOther, .judge: .forbidden, .organizer: .forbidden]),
        ("/team/selftest", [.visitor: .seeOther, .judge: .forbidden, .organizer: .forbidden]),
        ("/organizer/teams/beta/approve", [.visitor: .seeOther, .team: .forbidden, .judge: .forbidden]),
        ("/organizer/phase", [.visitor: .seeOther, .team: .forbidden, .judge: .forbidden]),
        ("/organizer/schedule", [.visitor: .seeOther, .team: .forbidden, .judge: .forbidden]),
        ("/organizer/accounts/beta-user/reset", [.visitor: .seeOther, .team: .forbidden, .judge: .forbidden]),
        ("/account/password", [.visitor: .seeOther, .team: .badRequest, .judge: .badRequest, .organizer: .badRequest]),
        ("/organizer/official", [.visitor: .seeOther, .team: .forbidden, .judge: .forbidden]),
        ("/organizer/export", [.visitor: .seeOther, .team: .forbidden, .judge: .forbidden]),
        ("/organizer/judges", [.visitor: .seeOther, .team: .forbidden, .judge: .forbidden]),
        ("/runs/no-such-run/judges", [.visitor: .seeOther, .team: .forbidden, .judge: .forbidden]),
        ("/judge/runs/no-such-run", [.visitor: .seeOther, .team: .forbidden, .organizer: .forbidden]),
        ("/judge/runs/no-such-run/votes", [.visitor: .seeOther, .team: .forbidden, .judge: .notFound, .organizer: .forbidden]),
        ("/judge/runs/no-such-run/appeals", [.visitor: .seeOther, .team: .forbidden, .judge: .notFound, .organizer: .forbidden]),
        ("/runs/no-such-run/appeals", [.visitor: .seeOther, .team: .forbidden, .judge: .forbidden, .organizer: .notFound]),
    ]

    @Test func everyRouteForEveryRole() async throws {
        let fixture = try PortalFixture()
        try fixture.portal.store.createAccount(username: "judge-one", password: "judge-password", role: .judge, team: nil, cost: 4)
        try await fixture.test { client in
            var visitors: [Who: Visitor] = [:]
            for who in Who.allCases { visitors[who] = Visitor(client) }
            try await visitors[.visitor]!.get("/")
            try await visitors[.team]!.register(team: "beta", zh: "贝塔", en: "Beta", user: "beta-user")
            #expect(try await visitors[.judge]!.signIn("judge-one", "judge-password") == .seeOther)
            #expect(try await visitors[.organizer]!.signIn("organizer", "organizer-password") == .seeOther)
            for (path, expected) in Self.pages {
                for (who, status) in expected {
                    let got = try await visitors[who]!.get(path).status
                    #expect(got == status, "GET \(path) as \(who): \(got), expected \(status)")
                }
            }
            for (path, expected) in Self.actions {
                for (who, status) in expected {
                    let v = visitors[who]!
                    try await v.get("/")
                    let got = try await v.post(path).status
                    #expect(got == status, "POST \(path) as \(who): \(got), expected \(status)")
                }
            }
            #expect(try fixture.portal.store.team("beta")?.status == .pending, "no refused action changed anything")
            #expect(try fixture.portal.store.phase() == .registration)
        }
    }

    @Test func signInIsRateLimitedAndBodiesAreBounded() async throws {
        let fixture = try PortalFixture()
        try await fixture.test { client in
            let v = Visitor(client)
            for _ in 0..<5 { #expect(try await v.signIn("organizer", "wrong-password") == .forbidden) }
            #expect(try await v.signIn("organizer", "organizer-password") == .tooManyRequests,
                    "after five failures even the right password waits")
            #expect(try await Visitor(client).signIn("nobody-here", "whatever-pass") == .forbidden)
            try await v.get("/register")
            let big = try await v.post("/register", [("name_zh", String(repeating: "长", count: 40_000))])
            #expect(big.status == .contentTooLarge, "a body over 64 KiB is refused")
            #expect(try fixture.portal.store.teams().isEmpty)
        }
    }

    @Test func securityHeadersAndCookieFlags() async throws {
        let fixture = try PortalFixture()
        try await fixture.test { client in
            let v = Visitor(client)
            let page = try await v.get("/login")
            #expect(page.headers[HTTPField.Name("Content-Security-Policy")!] ==
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'")
            #expect(page.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            #expect(!page.body.contains("<script>") && !page.body.contains("style="), "no inline script or style")
            try await v.post("/login", [("username", "organizer"), ("password", "organizer-password")])
            let login = try await client.execute(
                uri: "/login", method: .post,
                headers: [.cookie: "saima_csrf=\(v.cookies["saima_csrf"]!)", .contentType: "application/x-www-form-urlencoded"],
                body: .init(string: "username=organizer&password=organizer-password&csrf=\(v.cookies["saima_csrf"]!)")) { $0 }
            let cookie = try #require(login.headers[values: .setCookie].first { $0.hasPrefix("saima_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
        }
    }
}
