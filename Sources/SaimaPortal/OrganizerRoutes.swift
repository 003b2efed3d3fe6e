import Foundation
import Hummingbird
import SaimaBase
import SaimaModel

/// The organizer's pages: teams and approval, the phase, the schedule and quotas, accounts (password resets), the official round, the export, the audit log.
/// Every route requires an organizer session; every action is audited.
enum OrganizerRoutes {
    static func add(to router: Router<PortalContext>, portal: Portal) {
        router.get("/organizer") { _, context in
            _ = try context.require(.organizer)
            return PortalResponse.html(try page(portal: portal, context: context))
        }
        router.post("/organizer/teams/:id/:decision") { _, context in
            let organizer = try context.require(.organizer)
            let decision = try context.parameters.require("decision")
            guard ["approve", "reject"].contains(decision) else { throw PortalError.notFound("没有此操作。No such action.") }
            try portal.decide(team: try context.parameters.require("id"), approve: decision == "approve", by: organizer)
            return PortalResponse.redirect("/organizer")
        }
        router.post("/organizer/phase") { _, context in
            let organizer = try context.require(.organizer)
            guard let phase = Phase(rawValue: context.form["phase"] ?? "") else { throw PortalError.invalid("没有此阶段。No such phase.") }
            try portal.store.setPhase(phase)
            try portal.store.audit(actor: organizer.username, action: "phase set 设置阶段", detail: phase.rawValue)
            return PortalResponse.redirect("/organizer")
        }
        router.post("/organizer/schedule") { _, context in
            let organizer = try context.require(.organizer)
            let plans = try SchedulePage.parse(context.form)
            try portal.store.setSchedule(plans)
            try portal.store.audit(actor: organizer.username, action: "schedule set 设置赛程", detail: SchedulePage.summary(plans))
            try portal.advanceBySchedule()
            return PortalResponse.redirect("/organizer")
        }
        router.post("/organizer/accounts/:username/reset") { _, context in
            let organizer = try context.require(.organizer)
            let username = try context.parameters.require("username")
            let temporary = try portal.store.resetPassword(username: username, cost: portal.bcryptCost)
            try portal.store.audit(actor: organizer.username, action: "password reset 重置密码", detail: "\(username): one-time password issued, sessions ended 已发一次性密码")
            let body = "<p>账号 Account <strong>\(PortalHTML.text(username))</strong> 的一次性密码（只显示这一次，请当面或经可靠渠道转交；首次登录须修改）："
                + "The one-time password (shown only this once; hand it over in person or through a trusted channel; it must be changed at the next sign-in):</p>"
                + "<p><code id=\"one-time-password\">\(PortalHTML.text(temporary))</code></p><p><a href=\"/organizer\">返回 Back</a></p>"
            return PortalResponse.html(PortalHTML.page(title: "重置密码 Password reset", context: context, body: body))
        }
        router.post("/organizer/official") { _, context in
            let run = try portal.startOfficialRound(by: try context.require(.organizer))
            return PortalResponse.redirect("/runs/\(run.id)")
        }
        router.post("/organizer/export") { _, context in
            let organizer = try context.require(.organizer)
            let files = try portal.exportSubmissions(by: organizer)
            let body = "<p>已导出 Exported \(files.count):</p><ul>" + files.map { "<li>\(PortalHTML.text($0))</li>" }.joined() + "</ul>"
            return PortalResponse.html(PortalHTML.page(title: "导出 Export", context: context, body: body))
        }
    }

    static func page(portal: Portal, context: PortalContext) throws -> String {
        let phase = try portal.store.phase()
        let options = Phase.allCases.map {
            "<option value=\"\($0.rawValue)\"\($0 == phase ? " selected" : "")>\(PortalHTML.text($0.label))</option>"
        }.joined()
        var body = "<h2>阶段 Phase</h2>" + PortalHTML.form(
            action: "/organizer/phase", context: context, fields: "<select name=\"phase\">\(options)</select>", button: "设置 Set")
        body += "<h2>赛程与自测配额 Schedule and self-test quotas</h2>" + SchedulePage.form(try portal.store.schedule(), context: context)
        body += "<h2>队伍 Teams</h2>" + PortalHTML.table(
            ["ID", "队名 Name", "单位 Organisation", "赛道 Tracks", "状态 Status", "接口 Endpoint", "操作 Action"],
            try portal.store.teams().map { t in
                [PortalHTML.text(t.id), PortalHTML.text(t.name.bilingual), PortalHTML.text(t.organisation),
                 PortalHTML.text(t.tracks.joined(separator: ", ")), t.status.rawValue,
                 t.endpoint.map { e in PortalHTML.text("\(e.model) · \(e.checkPassed == true ? "checked 已检查" : "unchecked 未通过")") } ?? "—",
                 PortalHTML.form(action: "/organizer/teams/\(t.id)/approve", context: context, fields: "", button: "批准 Approve", inline: true)
                    + PortalHTML.form(action: "/organizer/teams/\(t.id)/reject", context: context, fields: "", button: "拒绝 Reject", inline: true)]
            }, id: "teams")
        body += "<h2>正式测试 Official round</h2>"
            + PortalHTML.form(action: "/organizer/official", context: context, fields: "", button: "开始正式测试 Start the official round")
            + RunPage.list(try portal.store.runs(team: nil))
        let judges: String = try portal.store.judgeAccounts().map(PortalHTML.text).joined(separator: ", ")
        body += "<h2>评委 Judges</h2><p>" + judges + "</p>"
        body += PortalHTML.form(
                action: "/organizer/judges", context: context,
                fields: PortalHTML.input("username", label: "评委用户名 Judge user name")
                    + PortalHTML.input("password", label: "初始密码 Initial password", type: "password"),
                button: "添加评委 Add a judge")
        body += "<h2>账号 Accounts</h2>" + PortalHTML.table(
            ["用户名 User name", "角色 Role", "队伍 Team", "密码 Password", "操作 Action"],
            try portal.store.accounts().map { a in
                [PortalHTML.text(a.username), a.role.rawValue, PortalHTML.text(a.team ?? "—"),
                 a.mustChange ? "一次性 one-time" : "已设置 set",
                 a.role == .organizer ? "—" : PortalHTML.form(
                    action: "/organizer/accounts/\(a.username)/reset", context: context, fields: "", button: "重置密码 Reset password", inline: true)]
            }, id: "accounts")
        body += "<h2>导出 Export</h2><p>导出为 submission.yaml，供命令行运行同一轮。Export as submission.yaml files for `saima run`.</p>"
            + PortalHTML.form(action: "/organizer/export", context: context, fields: "", button: "导出 Export")
        body += "<h2>审计日志 Audit log</h2>" + PortalHTML.table(
            ["时间 Time", "操作者 Actor", "操作 Action", "详情 Detail"],
            try portal.store.auditLog().map { [PortalHTML.time($0.at), PortalHTML.text($0.actor), PortalHTML.text($0.action), PortalHTML.text($0.detail)] },
            id: "audit")
        return PortalHTML.page(title: "组织方 Organizer", context: context, body: body)
    }
}

extension Portal {
    /// Exports every approved team's submission into a new folder under `<state>/export/`.
    func exportSubmissions(by organizer: Account) throws -> [String] {
        let stamp = TimeStamp.iso8601(Date()).replacingOccurrences(of: ":", with: "")
        let folder = ((store.folder as NSString).appendingPathComponent("export") as NSString).appendingPathComponent(stamp)
        let files = try SubmissionExport.write(try store.teams().filter { $0.status == .approved }.compactMap(submission), to: folder)
        try store.audit(actor: organizer.username, action: "submissions exported 导出提交", detail: "\(files.count) → \(folder)")
        return files
    }
}
