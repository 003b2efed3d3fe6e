import Foundation
import SaimaModel
import SaimaRegistry

/// The registration and sign-in forms.
enum RegisterPage {
    static func render(portal: Portal, context: PortalContext) -> String {
        let tracks = portal.registry.tracks.map { t in
            "<label class=\"check\"><input type=\"checkbox\" name=\"tracks\" value=\"\(PortalHTML.text(t.id))\"> \(PortalHTML.text(t.name.bilingual))</label>"
        }.joined()
        let fields = [
            PortalHTML.input("team_id", label: "队伍 ID（小写字母、数字、-、_）Team id"),
            PortalHTML.input("name_zh", label: "队名（中文）Team name (Chinese)"),
            PortalHTML.input("name_en", label: "队名（英文）Team name (English)"),
            PortalHTML.input("organisation", label: "单位 Organisation"),
            PortalHTML.input("contact", label: "联系方式 Contact"),
            "<fieldset><legend>赛道 Tracks</legend>\(tracks)</fieldset>",
            PortalHTML.input("username", label: "用户名 User name"),
            PortalHTML.input("password", label: "密码（至少 10 个字符）Password (10+ characters)", type: "password"),
        ].joined()
        let body = "<p>报名后需组织方批准。Registration is approved by the organizer.</p>"
            + PortalHTML.form(action: "/register", context: context, fields: fields, button: "报名 Register")
        return PortalHTML.page(title: "队伍报名 Team registration", context: context, body: body)
    }
}

enum LoginPage {
    static func render(context: PortalContext) -> String {
        let fields = PortalHTML.input("username", label: "用户名 User name")
            + PortalHTML.input("password", label: "密码 Password", type: "password")
        return PortalHTML.page(
            title: "登录 Sign in", context: context,
            body: PortalHTML.form(action: "/login", context: context, fields: fields, button: "登录 Sign in"))
    }
}
