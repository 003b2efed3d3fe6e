import Foundation
import SaimaRunner
import SaimaModel
import Hummingbird
import NIOCore
import SaimaPipeline
import SaimaJudging
import SaimaReports

/// A run's page and its live progress: the team that owns a self-test and the organizers see it; anyone else gets
/// 404 (not 403, so that run ids of other teams are not confirmed).
enum RunPage {
    static func add(to router: Router<PortalContext>, portal: Portal) {
        router.get("/runs/:id") { _, context in
            let run = try visibleRun(context, portal: portal)
            return PortalResponse.html(try render(run, portal: portal, context: context))
        }
        router.get("/runs/:id/events") { _, context in
            let run = try visibleRun(context, portal: portal)
            return events(run, portal: portal)
        }
    }

    static func visibleRun(_ context: PortalContext, portal: Portal) throws -> RunRecord {
        guard let account = context.session?.account else { throw PortalRedirect(to: "/login") }
        let id = try context.parameters.require("id")
        guard let run = try portal.store.run(id),
              account.role == .organizer || (account.role == .team && run.team != nil && run.team == account.team)
        else { throw PortalError.notFound("没有这次运行。No such run.") }
        return run
    }

    static func list(_ runs: [RunRecord]) -> String {
        guard !runs.isEmpty else { return "<p>尚无运行。No runs yet.</p>" }
        return PortalHTML.table(
            ["运行 Run", "状态 Status", "开始 Started", "结束 Finished"],
            runs.map { r in
                ["<a href=\"/runs/\(PortalHTML.text(r.id))\">\(PortalHTML.text(r.id))</a>", r.status.rawValue,
                 PortalHTML.time(r.started), PortalHTML.time(r.finished)]
            })
    }

    static func render(_ run: RunRecord, portal: Portal, context: PortalContext) throws -> String {
        let fresh = try portal.store.run(run.id) ?? run
        var body = "<p>状态 Status: <strong id=\"run-status\">\(fresh.status.rawValue)</strong> · 开始 Started \(PortalHTML.time(fresh.started))"
            + " · 结束 Finished \(PortalHTML.time(fresh.finished))</p>"
        if let error = fresh.error { body += "<p class=\"error\">\(PortalHTML.text(error))</p>" }
        body += RunFiles.links(fresh, organizer: context.session?.account.role == .organizer)
        if [.queued, .running].contains(fresh.status) {
            // Live progress while it runs (the script follows the events; without it, reloading shows the counts).
            let counts = portal.progress.counts(run: run.id)
            body += "<div id=\"progress\" data-events=\"/runs/\(PortalHTML.text(run.id))/events\">"
                + PortalHTML.table(["队伍 Team", "完成 Done", "总数 Total", "失败 Failed"], counts.keys.sorted().map { t in
                    [PortalHTML.text(t), "\(counts[t]!.done)", "\(counts[t]!.total)", "\(counts[t]!.failed)"]
                }) + "</div><script src=\"/static/progress.js\"></script>"
        }
        let scores = try portal.store.scores(run: run.id)
        if !scores.isEmpty {
            body += "<h2>成绩 Scores</h2>" + PortalHTML.table(
                ["队伍 Team", "赛道 Track", "得分 Score", "95% 区间 CI", "题数 Items"],
                scores.map { s in
                    [PortalHTML.text(s.team), PortalHTML.text(s.trackName.bilingual), Format.score(s.score),
                     "[\(Format.score(s.low)), \(Format.score(s.high))]", "\(s.items)"]
                }, id: "scores")
        }
        let findingsPath = (fresh.folder as NSString).appendingPathComponent(RunFiles.findings)
        if let findings = try? String(contentsOfFile: findingsPath, encoding: .utf8) {
            body += "<h2>自测诊断 Self-test findings</h2><pre id=\"findings\">\(PortalHTML.text(findings))</pre>"
        }
        if context.session?.account.role == .organizer, fresh.status == .done {
            body += try judging(fresh, portal: portal, context: context)
        }
        return PortalHTML.page(title: "运行 Run \(run.id)", context: context, body: body)
    }

    /// The organizer's view of a finished run's human judging: who grades it, the agreement so far, more judges.
    static func judging(_ run: RunRecord, portal: Portal, context: PortalContext) throws -> String {
        let assigned = try portal.store.judges(run: run.id)
        var out = "<h2>人工评审 Human judging</h2>"
        if assigned.isEmpty {
            out += "<p>评委 Judges: —</p>"
        } else {
            // Each judge's progress on their own sheet.
            out += PortalHTML.table(["评委 Judge", "已评 Graded"], try assigned.map { judge in
                let sheet = try HumanScoreEntry.sheet(folder: run.folder, judge: judge)
                return [PortalHTML.text(judge), "\(sheet.filter { !$0.score.isEmpty }.count) / \(sheet.count)"]
            }, id: "judge-progress")
            let a = try HumanScoreEntry.agreement(folder: run.folder)
            let alpha: String = a.alpha.map { String(format: "%.3f", $0) } ?? "—"
            let spearman: String = a.meanSpearman.map { String(format: "%.3f", $0) } ?? "—"
            out += "<p id=\"agreement\">已评答案 Answers graded: \(a.answers) · Krippendorff α: \(alpha) · Spearman: \(spearman)"
            out += " · 分歧 Disagreements (> 0.3): \(a.disagreements.count)</p>"
        }
        if !assigned.isEmpty { out += try VoteRoutes.summary(run, portal: portal) }
        if AppealsEntry.issued(folder: run.folder) {
            out += "<p>复核队列 Appeals queue: <strong id=\"appeals\">\(try AppealsEntry.queue(folder: run.folder).count)</strong> 待复核 to re-read</p>"
        } else {
            let options = "<select name=\"selection\"><option value=\"uncertain\" selected>存疑读取 uncertain readings</option>"
                + "<option value=\"weak\">弱规则与无法抽取 weak and unextractable</option><option value=\"all\">全部选择题 every choice answer</option></select>"
            out += PortalHTML.form(action: "/runs/\(run.id)/appeals", context: context, fields: options, button: "发放复核表 Issue the appeals sheet")
        }
        let free = try portal.store.judgeAccounts().filter { !assigned.contains($0) }
        if !free.isEmpty {
            let boxes = free.map {
                "<label class=\"check\"><input type=\"checkbox\" name=\"judges\" value=\"\(PortalHTML.text($0))\"> \(PortalHTML.text($0))</label>"
            }.joined()
            out += PortalHTML.form(action: "/runs/\(run.id)/judges", context: context, fields: boxes, button: "分配评委 Assign judges")
        }
        return out
    }

    /// Server-sent events: the run's status and counts as JSON every half second, until the run has ended (then one
    /// last event). At most 20 minutes per connection; the browser reconnects.
    static func events(_ run: RunRecord, portal: Portal) -> Response {
        let body = ResponseBody { writer in
            let deadline = ContinuousClock.now + .seconds(1200)
            while ContinuousClock.now < deadline {
                let status = (try? portal.store.run(run.id))?.status ?? .failed
                let counts = portal.progress.counts(run: run.id)
                var payload: [String: Any] = ["status": status.rawValue]
                payload["teams"] = counts.mapValues { ["done": $0.done, "total": $0.total, "failed": $0.failed] }
                let json = (try? JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])) ?? Data("{}".utf8)
                try await writer.write(ByteBuffer(string: "data: " + String(decoding: json, as: UTF8.self) + "\n\n"))
                if [.done, .failed, .interrupted].contains(status) { break }
                try await Task.sleep(for: .milliseconds(500))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: body)
    }
}
