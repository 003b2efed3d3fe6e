import Foundation
import Hummingbird
import SaimaPipeline

/// The judges' pages: their grading tasks, and the blind sheet of one run (anonymized answers in the judge's own
/// order, scores checked on entry). The organizer makes judge accounts and assigns them on a finished run's page.
enum JudgeRoutes {
    static func add(to router: Router<PortalContext>, portal: Portal) {
        router.get("/judge") { _, context in
            let judge = try context.require(.judge)
            let rows = try portal.store.runs(judge: judge.username).map { id -> [String] in
                let (_, sheet) = try portal.sheet(run: id, judge: judge)
                let graded = sheet.filter { !$0.score.isEmpty }.count
                return ["<a href=\"/judge/runs/\(PortalHTML.text(id))\">\(PortalHTML.text(id))</a>", "\(graded) / \(sheet.count)",
                        "<a href=\"/judge/runs/\(PortalHTML.text(id))/votes\">对比投票 Pairwise votes</a>",
                        "<a href=\"/judge/runs/\(PortalHTML.text(id))/appeals\">复核 Appeals</a>"]
            }
            let body = rows.isEmpty ? "<p>暂无评分任务。No grading tasks yet.</p>"
                : PortalHTML.table(["运行 Run", "已评 Graded", "投票 Votes", "复核 Appeals"], rows, id: "tasks")
            return PortalResponse.html(PortalHTML.page(title: "评审 Judging", context: context, body: body))
        }
        router.get("/judge/runs/:id") { _, context in
            let judge = try context.require(.judge)
            let (run, sheet) = try portal.sheet(run: try context.parameters.require("id"), judge: judge)
            return PortalResponse.html(page(run: run, sheet: sheet, context: context, note: nil))
        }
        router.post("/judge/runs/:id") { _, context in
            let judge = try context.require(.judge)
            let id = try context.parameters.require("id")
            // Importing re-scores the run and rebuilds its boards: off the threads that serve pages.
            let form = context.form
            let saved = try await portal.blocking.run { try portal.saveScores(run: id, judge: judge, form: form) }
            let (run, sheet) = try portal.sheet(run: id, judge: judge)
            return PortalResponse.html(page(
                run: run, sheet: sheet, context: context,
                note: "已保存，已评 \(saved.graded) / \(saved.of)。Saved: \(saved.graded) of \(saved.of) graded."))
        }
        router.post("/organizer/judges") { _, context in
            let organizer = try context.require(.organizer)
            try portal.createJudge(username: context.form["username"] ?? "", password: context.form["password"] ?? "", by: organizer)
            return PortalResponse.redirect("/organizer")
        }
        router.post("/runs/:id/judges") { _, context in
            let organizer = try context.require(.organizer)
            let id = try context.parameters.require("id")
            let judges = (context.form["judges"] ?? "").split(separator: ",").map(String.init)
            try portal.assignJudges(judges, run: id, by: organizer)
            return PortalResponse.redirect("/runs/\(id)")
        }
    }

    static func page(run: RunRecord, sheet: [HumanScoreEntry.Row], context: PortalContext, note: String?) -> String {
        let graded = sheet.filter { !$0.score.isEmpty }.count
        var fields = ""
        for row in sheet {
            fields += "<section class=\"answer\"><h3>\(PortalHTML.text(row.answerID))</h3>"
                + "<p><strong>题目 Question</strong></p><pre>\(PortalHTML.text(row.question))</pre>"
                + (row.reference.isEmpty ? "" : "<p><strong>参考答案 Reference</strong></p><pre>\(PortalHTML.text(row.reference))</pre>")
                + (row.rubric.isEmpty ? "" : "<p><strong>评分细则 Rubric</strong>: \(PortalHTML.text(row.rubric))</p>")
                + "<p><strong>作答 Answer</strong></p><pre>\(PortalHTML.text(row.answer))</pre>"
                + "<label>得分 Score (0–\(PortalHTML.text(row.maxPoints))) <input type=\"number\" step=\"any\" min=\"0\" "
                + "max=\"\(PortalHTML.text(row.maxPoints))\" name=\"score_\(PortalHTML.text(row.answerID))\" value=\"\(PortalHTML.text(row.score))\"></label>"
                + "<label>备注 Comment <input type=\"text\" name=\"comment_\(PortalHTML.text(row.answerID))\" value=\"\(PortalHTML.text(row.comment))\"></label>"
                + "</section>"
        }
        let body = (note.map { "<p class=\"note\">\(PortalHTML.text($0))</p>" } ?? "")
            + "<p>已评 Graded: <strong id=\"graded\">\(graded) / \(sheet.count)</strong>。队伍已匿名，顺序因评委而异。Teams are anonymized; the order is your own.</p>"
            + PortalHTML.form(action: "/judge/runs/\(run.id)", context: context, fields: fields, button: "保存 Save")
        return PortalHTML.page(title: "评分 Grading \(run.id)", context: context, body: body)
    }
}
