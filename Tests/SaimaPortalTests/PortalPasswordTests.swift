import Foundation
import HTTPTypes
import Testing

@testable import SaimaPortal

/// Password changes and resets through the routes: a change needs the current password, refuses a mismatched
/// confirmation, and ends the account's other sessions; the organizer's reset issues a one-time password shown once
/// (never stored or audited in clear), ends the account's sessions, and the next sign-in must choose a new password
/// before any other page opens; organizer accounts are reset only from the server.
@Suite("Portal passwords", .serialized)
struct PortalPasswordTests {
    @Test func aTeamChangesItsPasswordAndItsOtherSessionsEnd() async throws {
        let fixture = try PortalFixture()
        try await fixture.test { client in
            let alpha = Visitor(client)
            #expect(try await alpha.register(team: "alpha", zh: "阿", en: "Alpha", user: "alpha-user") == .seeOther)
            let laptop = Visitor(client)
            #expect(try await laptop.signIn("alpha-user", "team-password-1") == .seeOther)
            #expect(try await laptop.get("/team").status == .ok)

            try await alpha.get("/account")
            let wrong = try await alpha.post("/account/password", [
                ("current_password", "not-the-password"), ("new_password", "brand-new-pass-2"), ("confirm_password", "brand-new-pass-2")])
            #expect(wrong.status == .forbidden, "the current password is checked")
            let mismatch = try await alpha.post("/account/password", [
                ("current_password", "team-password-1"), ("new_password", "brand-new-pass-2"), ("confirm_password", "brand-new-pass-3")])
            #expect(mismatch.status == .badRequest, "the confirmation must match")
            let short = try await alpha.post("/account/password", [
                ("current_password", "team-password-1"), ("new_password", "short"), ("confirm_password", "short")])
            #expect(short.status == .badRequest, "the new password obeys the length rule")
            let changed = try await alpha.post("/account/password", [
                ("current_password", "team-password-1"), ("new_password", "brand-new-pass-2"), ("confirm_password", "brand-new-pass-2")])
            #expect(changed.status == .seeOther && changed.headers[.location] == "/team")

            #expect(try await alpha.get("/team").status == .ok, "the session that changed it stays signed in")
            #expect(try await laptop.get("/team").headers[.location] == "/login", "the other session ended")
            #expect(try await Visitor(client).signIn("alpha-user", "team-password-1") == .forbidden, "the old password no longer signs in")
            #expect(try await Visitor(client).signIn("alpha-user", "brand-new-pass-2") == .seeOther)
            #expect(try fixture.portal.store.auditLog().contains { $0.actor == "alpha-user" && $0.action.hasPrefix("password changed") })
        }
    }

    @Test func theOrganizerResetsAJudgesPasswordToAOneTimePassword() async throws {
        let fixture = try PortalFixture()
        try fixture.portal.store.createAccount(username: "judge-one", password: "judge-password", role: .judge, team: nil, cost: 4)
        try await fixture.test { client in
            let judge = Visitor(client)
            #expect(try await judge.signIn("judge-one", "judge-password") == .seeOther)
            let organizer = Visitor(client)
            #expect(try await organizer.signIn("organizer", "organizer-password") == .seeOther)
            #expect(try await organizer.get("/organizer").body.contains("/organizer/accounts/judge-one/reset"))

            let reset = try await organizer.post("/organizer/accounts/judge-one/reset")
            #expect(reset.status == .ok)
            let page = reset.body
            let start = try #require(page.range(of: "<code id=\"one-time-password\">"))
            let temporary = String(page[start.upperBound...].prefix { $0 != "<" })
            #expect(temporary.count == 16)
            #expect(reset.headers[.cacheControl] == "no-store", "the page with the password is not cached")

            #expect(try await judge.get("/judge").headers[.location] == "/login", "the judge's session ended")
            #expect(try await Visitor(client).signIn("judge-one", "judge-password") == .forbidden, "the old password is gone")
            let fresh = Visitor(client)
            try await fresh.get("/login")
            let signedIn = try await fresh.post("/login", [("username", "judge-one"), ("password", temporary)])
            #expect(signedIn.status == .seeOther)
            #expect(try await fresh.get("/judge").headers[.location] == "/account", "a one-time password opens only the account page")
            #expect(try await fresh.get("/").headers[.location] == "/account")
            #expect(try await fresh.get("/account").body.contains("一次性密码"))
            let changed = try await fresh.post("/account/password", [
                ("current_password", temporary), ("new_password", "judge-own-pass-9"), ("confirm_password", "judge-own-pass-9")])
            #expect(changed.headers[.location] == "/judge")
            #expect(try await fresh.get("/judge").status == .ok, "after the change every page opens again")

            #expect(try await organizer.post("/organizer/accounts/organizer/reset").status == .forbidden,
                    "an organizer account is not reset from the portal")
            #expect(try await organizer.post("/organizer/accounts/nobody/reset").status == .notFound)
            #expect(try fixture.portal.store.auditLog().allSatisfy { !$0.detail.contains(temporary) }, "the audit log never holds the password")
            for file in ["portal.sqlite", "portal.sqlite-wal"] {
                let data = (try? Data(contentsOf: URL(fileURLWithPath: fixture.state + "/" + file))) ?? Data()
                #expect(data.range(of: Data(temporary.utf8)) == nil, "\(file) never holds the password in clear")
            }
        }
    }

    @Test func theServerResetsAForgottenOrganizerPassword() async throws {
        let fixture = try PortalFixture()
        let portal = fixture.portal
        try await fixture.test { client in
            let organizer = Visitor(client)
            #expect(try await organizer.signIn("organizer", "organizer-password") == .seeOther)
            try portal.resetOrganizer(username: "organizer", password: "organizer-new-pass")
            #expect(try await organizer.get("/organizer").headers[.location] == "/login", "the organizer's sessions ended")
            #expect(try await Visitor(client).signIn("organizer", "organizer-password") == .forbidden)
            #expect(try await Visitor(client).signIn("organizer", "organizer-new-pass") == .seeOther)
        }
        #expect(throws: PortalError.self, "only an existing organizer is reset") {
            try portal.resetOrganizer(username: "judge-x", password: "whatever-pass")
        }
    }
}
