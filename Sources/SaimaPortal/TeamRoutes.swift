import Foundation
import SaimaModel
import Hummingbird
import SaimaReports

/// A team's own pages: its status, its endpoint (the key never shown), its self-tests. A team account reaches only
/// its own team; every handler takes the team from the session, never from the request.
enum TeamRoutes {
    static func add(to router: Router<PortalContext>, portal: Portal) {
        router.get("/team") { _, context in
            let account = try context.require(.team)
            guard let id = account.team, let team = try portal.store.team(id) else { throw PortalError.notFound("没有这支队伍。No team.") }
            return PortalResponse.html(try page(team, portal: portal, context: context))
        }
        router.post("/team/endpoint") { _, context in
            let account = try context.require(.team)
            let f = context.form
            try await portal.saveEndpoint(
                team: account.team ?? "", Portal.EndpointForm(
                    baseURL: f["base_url"] ?? "", model: f["model"] ?? "", apiKey: f["api_key"] ?? "",
                    concurrency: f["concurrency"] ?? ""), by: account)
            return PortalResponse.redirect("/team")
        }
        router.post("/team/selftest") { _, context in
            let account = try context.require(.team)
            let run = try portal.launchSelfTest(team: account.team ?? "", by: account)
            return PortalResponse.redirect("/runs/\(run.id)")
        }
    }

    static func page(_ team: TeamRecord, portal: Portal, context: PortalContext) throws -> String {
        var body = "<p>队伍 Team: <strong>\(PortalHTML.text(team.name.bilingual))</strong> (\(PortalHTML.text(team.id)))，"
            + "状态 Status: <strong class=\"status-\(team.status.rawValue)\">\(team.status.rawValue)</strong></p>"
        guard team.status == .approved else {
            return PortalHTML.page(title: "我的队伍 My team", context: context, body: body + "<p>等待组织方批准。Waiting for the organizer's approval.</p>")
        }
        let e = team.endpoint
        body += "<h2>接口 Endpoint</h2>"
        if let e {
            body += "<p>\(PortalHTML.text(e.baseURL)) · \(PortalHTML.text(e.model)) · ×\(e.concurrency) · "
                + (e.hasKey ? "密钥已保存（不再显示）key stored (never shown again)" : "无密钥 no key") + "</p>"
            if let report = e.checkReport {
                body += "<p>检查 Check (\(PortalHTML.time(e.checkedAt))): <strong>\(e.checkPassed == true ? "通过 passed" : "未通过 failed")</strong></p>"
                    + "<pre class=\"check\">\(PortalHTML.text(report))</pre>"
            }
        }
        if try portal.store.phase().endpointsOpen {
            let fields = PortalHTML.input("base_url", label: "Base URL（含 /v1）", value: e?.baseURL ?? "")
                + PortalHTML.input("model", label: "模型 Model", value: e?.model ?? "")
                + PortalHTML.input("api_key", label: "API 密钥（留空保留原密钥）API key (empty keeps the stored one)", type: "password", required: false)
                + PortalHTML.input("concurrency", label: "并发数 Concurrency", type: "number", value: "\(e?.concurrency ?? 4)")
            body += PortalHTML.form(action: "/team/endpoint", context: context, fields: fields, button: "保存并检查 Save and check")
        } else {
            body += "<p>接口已冻结。Submissions are frozen.</p>"
        }
        let phase = try portal.store.phase()
        let quota = try portal.store.quota(for: phase)
        body += "<h2>自测 Self-tests</h2>"
        if quota.total > 0 {
            let used = try portal.store.selfTestsUsed(team: team.id, phase: phase)
            body += "<p id=\"quota\">本阶段配额 Quota in this phase: 今日 today \(used.today)/\(quota.perDay) · 本阶段 this phase \(used.total)/\(quota.total)</p>"
                + PortalHTML.form(action: "/team/selftest", context: context, fields: "", button: "开始自测 Start a self-test")
        } else {
            body += "<p id=\"quota\">“\(PortalHTML.text(phase.label))”阶段不开放自测。No self-tests in this phase.</p>"
        }
        body += RunPage.list(try portal.store.runs(team: team.id))
        return PortalHTML.page(title: "我的队伍 My team", context: context, body: body)
    }
}
