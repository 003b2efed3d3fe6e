package import Hummingbird
import HummingbirdCore

/// What a request carries through the portal: the signed-in session (nil for the public), the CSRF token its forms
/// must carry, and its form fields once read (at most `maxUploadSize` bytes).
package struct PortalContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    package var session: PortalStore.Session?
    /// The token a form of this request must echo: the session's, or the visitor cookie's before signing in.
    package var csrf = ""
    /// Set when the visitor had no CSRF cookie yet: the response sets it.
    var newVisitorToken: String?
    /// The form fields of a POST, read and checked by `PortalSecurityMiddleware`.
    package var form: [String: String] = [:]

    package init(source: ApplicationRequestContextSource) { coreContext = .init(source: source) }

    /// Bodies are small forms: 64 KiB at most (413 beyond).
    package var maxUploadSize: Int { 64 * 1024 }

    /// The signed-in account, or a 303 to the sign-in page.
    package func require(_ role: Role) throws -> Account {
        guard let account = session?.account else { throw PortalRedirect(to: "/login") }
        guard account.role == role else {
            throw PortalError.forbidden("无权访问此页面。This page is not open to your account.")
        }
        return account
    }
}

/// A redirect thrown from a handler (sign-in needed).
struct PortalRedirect: Error, Sendable {
    package var to: String
}
