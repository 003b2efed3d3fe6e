import Foundation
import SaimaBase
import SaimaReports

/// The portal's page frame and small HTML pieces. Every user-supplied string goes through `text` (escaped); pages
/// carry no inline script or style (the CSP forbids both), and read fully without JavaScript.
enum PortalHTML {
    /// Escaped text for element content and quoted attributes.
    package static func text(_ s: String) -> String { HTMLText.escape(s) }

    /// A whole page: bilingual navigation for the signed-in role, the title, the body.
    static func page(title: String, context: PortalContext, body: String) -> String {
        var nav = "<a href=\"/\">排行榜 Leaderboard</a>"
        switch context.session?.account.role {
        case .organizer?: nav += " <a href=\"/organizer\">组织方 Organizer</a>"
        case .team?: nav += " <a href=\"/team\">我的队伍 My team</a>"
        case .judge?: nav += " <a href=\"/judge\">评审 Judging</a>"
        case nil: nav += " <a href=\"/register\">报名 Register</a> <a href=\"/login\">登录 Sign in</a>"
        }
        if let account = context.session?.account {
            nav += " <a class=\"who\" href=\"/account\">\(text(account.username))</a>" + form(action: "/logout", context: context, fields: "", button: "退出 Sign out", inline: true)
        }
        return """
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(text(title)) · 赛马 Saima</title><link rel="stylesheet" href="/static/portal.css"></head>
            <body><header><strong>赛马 Saima</strong> <nav>\(nav)</nav></header>
            <main><h1>\(text(title))</h1>
            \(body)
            </main></body></html>
            """
    }

    /// A POST form carrying the request's CSRF token.
    static func form(action: String, context: PortalContext, fields: String, button: String, inline: Bool = false) -> String {
        "<form method=\"post\" action=\"\(text(action))\"\(inline ? " class=\"inline\"" : "")>"
            + "<input type=\"hidden\" name=\"csrf\" value=\"\(text(context.csrf))\">\(fields)"
            + "<button type=\"submit\">\(text(button))</button></form>"
    }

    /// A labelled input.
    static func input(_ name: String, label: String, type: String = "text", value: String = "", required: Bool = true)
        -> String
    {
        "<label>\(text(label)) <input type=\"\(type)\" name=\"\(text(name))\" value=\"\(text(value))\"\(required ? " required" : "")></label>"
    }

    /// A table from a header row and escaped-or-markup cells (cells are inserted as given: callers escape).
    static func table(_ headers: [String], _ rows: [[String]], id: String? = nil) -> String {
        var out = "<table\(id.map { " id=\"\(text($0))\"" } ?? "")><thead><tr>"
        out += headers.map { "<th>\(text($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows { out += "<tr>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>" }
        return out + "</tbody></table>"
    }

    /// A time as UTC, to the minute.
    static func time(_ date: Date?) -> String {
        guard let date else { return "—" }
        return String(TimeStamp.iso8601(date).prefix(16)).replacingOccurrences(of: "T", with: " ") + " UTC"
    }
}
