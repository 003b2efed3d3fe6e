import Foundation
package import Hummingbird
import HTTPTypes

/// Every request through the portal passes here: security headers on every response (a Content-Security-Policy
/// with no inline script or style, no framing, no sniffing), the session from its cookie, the visitor's CSRF
/// cookie, and for every POST the body read (bounded) and its `csrf` field checked against the session's token (or
/// the visitor cookie's before signing in) — a POST without it is refused with 403 before any handler runs.
package struct PortalSecurityMiddleware: RouterMiddleware {
    package typealias Context = PortalContext
    let portal: Portal
    /// Cookies carry `Secure` when the portal is served over HTTPS (behind a TLS proxy).
    let secureCookies: Bool

    static let sessionCookie = "saima_session"
    static let visitorCookie = "saima_csrf"
    static let policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    /// What an account signed in with a one-time password may reach before it chooses its own.
    static let openBeforeChange: Set<String> = ["/account", "/account/password", "/logout", "/static/portal.css", "/health"]

    package func handle(_ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response)
        async throws -> Response
    {
        var request = request
        var context = context
        var response: Response
        do {
            if let token = request.cookies[Self.sessionCookie]?.value {
                context.session = try portal.store.session(token: token)
            }
            if let session = context.session {
                context.csrf = session.csrf
            } else if let visitor = request.cookies[Self.visitorCookie]?.value, visitor.count == 43 {
                context.csrf = visitor
            } else {
                context.csrf = PortalToken.random()
                context.newVisitorToken = context.csrf
            }
            if request.method == .post {
                let body = try await request.collectBody(upTo: context.maxUploadSize)
                context.form = FormBody.parse(String(buffer: body))
                guard let sent = context.form["csrf"], context.newVisitorToken == nil, PortalToken.same(sent, context.csrf) else {
                    throw PortalError.forbidden("表单已失效或来源不明（CSRF），请刷新页面后重试。The form is stale or not from this site (CSRF); reload the page and try again.")
                }
            }
            if context.session?.mustChange == true, !Self.openBeforeChange.contains(request.uri.path) {
                throw PortalRedirect(to: "/account")
            }
            response = try await next(request, context)
        } catch let redirect as PortalRedirect {
            response = PortalResponse.redirect(redirect.to)
        } catch let error as PortalError {
            response = PortalResponse.error(error, context: context)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            response = PortalResponse.error(.invalid("提交内容过大。The form is too large."), context: context, status: .contentTooLarge)
        }
        if let token = context.newVisitorToken {
            response.setCookie(Cookie(name: Self.visitorCookie, value: token, path: "/", secure: secureCookies, httpOnly: true, sameSite: .strict))
        }
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = Self.policy }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

extension HTTPField.Name {
    static let contentSecurityPolicy = Self("Content-Security-Policy")!
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}
