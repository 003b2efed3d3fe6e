import Foundation
import Hummingbird

/// Routes open to everyone: the boards, health, the style sheet and the progress script, registration and sign-in.
enum PublicRoutes {
    static func add(to router: Router<PortalContext>, portal: Portal, secureCookies: Bool) {
        router.get("/") { _, context in PortalResponse.html(try BoardPage.render(portal: portal, context: context)) }
        router.get("/health") { _, _ in
            _ = try portal.store.phase()
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: "{\"status\":\"ok\"}")))
        }
        router.get("/static/portal.css") { _, _ in PortalAssets.response(PortalAssets.css, type: "text/css; charset=utf-8") }
        router.get("/static/progress.js") { _, _ in PortalAssets.response(PortalAssets.progressScript, type: "text/javascript; charset=utf-8") }
        router.get("/register") { _, context in PortalResponse.html(RegisterPage.render(portal: portal, context: context)) }
        router.post("/register") { _, context in
            let f = context.form
            let account = try portal.register(Portal.Registration(
                teamID: f["team_id"] ?? "", nameZh: f["name_zh"] ?? "", nameEn: f["name_en"] ?? "",
                organisation: f["organisation"] ?? "", contact: f["contact"] ?? "", username: f["username"] ?? "",
                password: f["password"] ?? "", tracks: (f["tracks"] ?? "").split(separator: ",").map(String.init)))
            return try signIn(account, portal: portal, secureCookies: secureCookies, to: "/team")
        }
        router.get("/login") { _, context in PortalResponse.html(LoginPage.render(context: context)) }
        router.post("/login") { _, context in
            let name = context.form["username"] ?? ""
            if let wait = portal.limiter.wait(for: name) {
                throw PortalError.quota("登录失败次数过多，请 \(Int(wait / 60) + 1) 分钟后再试。Too many failed sign-ins; try again in \(Int(wait / 60) + 1) minutes.")
            }
            guard let account = try portal.store.verify(username: name, password: context.form["password"] ?? "") else {
                portal.limiter.failed(name)
                try portal.store.audit(actor: name, action: "sign-in failed 登录失败", detail: "")
                throw PortalError.forbidden("用户名或密码错误。Wrong user name or password.")
            }
            portal.limiter.succeeded(name)
            return try signIn(account, portal: portal, secureCookies: secureCookies, to: AccountRoutes.home(account.role))
        }
        router.post("/logout") { request, _ in
            if let token = request.cookies[PortalSecurityMiddleware.sessionCookie]?.value { try portal.store.endSession(token: token) }
            var response = PortalResponse.redirect("/")
            response.setCookie(Cookie(name: PortalSecurityMiddleware.sessionCookie, value: "", maxAge: 0, path: "/", secure: secureCookies, httpOnly: true, sameSite: .strict))
            return response
        }
    }

    /// A new session for `account`: the cookie set HttpOnly, SameSite=Strict, and a redirect.
    static func signIn(_ account: Account, portal: Portal, secureCookies: Bool, to location: String) throws -> Response {
        let (token, _) = try portal.store.startSession(account)
        try portal.store.audit(actor: account.username, action: "signed in 登录", detail: account.role.rawValue)
        var response = PortalResponse.redirect(location)
        response.setCookie(Cookie(
            name: PortalSecurityMiddleware.sessionCookie, value: token, maxAge: Int(PortalStore.sessionSeconds), path: "/",
            secure: secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }
}
