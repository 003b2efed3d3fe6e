import Foundation
import Hummingbird

/// Every signed-in user's account page: changing the password (the current one required; every other session of
/// the account ends). An account signed in with a one-time password is sent here before anything else.
enum AccountRoutes {
    static func add(to router: Router<PortalContext>, portal: Portal) {
        router.get("/account") { _, context in
            guard context.session != nil else { throw PortalRedirect(to: "/login") }
            return PortalResponse.html(page(context: context))
        }
        router.post("/account/password") { request, context in
            guard let account = context.session?.account else { throw PortalRedirect(to: "/login") }
            let new = context.form["new_password"] ?? ""
            guard new == context.form["confirm_password"] else {
                throw PortalError.invalid("两次输入的新密码不一致。The two new passwords differ.")
            }
            try portal.store.changePassword(
                account, current: context.form["current_password"] ?? "", new: new,
                keeping: request.cookies[PortalSecurityMiddleware.sessionCookie]?.value, cost: portal.bcryptCost)
            try portal.store.audit(actor: account.username, action: "password changed 修改密码", detail: "other sessions ended 其他会话已退出")
            return PortalResponse.redirect(Self.home(account.role))
        }
    }

    /// Where each role lands after signing in.
    static func home(_ role: Role) -> String {
        switch role {
        case .organizer: "/organizer"
        case .judge: "/judge"
        case .team: "/team"
        }
    }

    static func page(context: PortalContext) -> String {
        var body = ""
        if context.session?.mustChange == true {
            body += "<p class=\"error\">请先设置您自己的密码（当前为组织方发放的一次性密码）。Choose your own password first: you signed in with a one-time password from the organizer.</p>"
        }
        body += PortalHTML.form(
            action: "/account/password", context: context,
            fields: PortalHTML.input("current_password", label: "当前密码 Current password", type: "password")
                + PortalHTML.input("new_password", label: "新密码（至少 10 个字符）New password (10+ characters)", type: "password")
                + PortalHTML.input("confirm_password", label: "再次输入新密码 New password again", type: "password"),
            button: "修改密码 Change password")
        return PortalHTML.page(title: "账号 Account", context: context, body: body)
    }
}
