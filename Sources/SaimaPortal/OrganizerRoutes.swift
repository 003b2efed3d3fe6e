import Foundation
import Hummingbird
import SaimaModel

/// The organizer's pages: teams and approval, the phase and quotas, the official round, the export, the audit log.
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
        router.post("/organizer/quota") { _, context in
            let organizer = try context.require(.organizer)
            let q = PortalStore.Quota(
                perDay: try PortalForm.integer(context.form["per_day"], field: "每日配额 Per day", in: 0...1000),
                total: try PortalForm.integer(context.form["total"], field: "总配额 In total", in: 0...100_000))
            try portal.store.setQuota(q)
            try portal.store.audit(actor: organizer.username, action: "quota set 设置配额", detail: "\(q.perDay)/day, \(q.total) total")
            return PortalResponse.redirect("/organizer")
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
        let q = try portal.store.quota()
        body += "<h2>自测配额 Self-test quota</h2>" + PortalHTML.form(
            action: "/organizer/quota", context: context,
            fields: PortalHTML.input("per_day", label: "每日 Per day", type: "number", value: "\(q.perDay)")
                + PortalHTML.input("total", label: "总计 In total", type: "number", value: "\(q.total)"),
            button: "保存 Save")
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
    package func exportSubmissions(by organizer: Account) throws -> [String] {
        let stamp = TimeStamp.iso8601(Date()).replacingOccurrences(of: ":", with: "")
        let folder = ((store.folder as NSString).appendingPathComponent("export") as NSString).appendingPathComponent(stamp)
        let files = try SubmissionExport.write(try store.teams().filter { $0.status == .approved }.compactMap(submission), to: folder)
        try store.audit(actor: organizer.username, action: "submissions exported 导出提交", detail: "\(files.count) → \(folder)")
        return files
    }
}
