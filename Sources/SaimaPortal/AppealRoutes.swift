import Foundation
import Hummingbird
import SaimaPipeline
import SaimaRegistry

/// The appeals queue: the organizer issues a finished run's sheet of uncertain readings; its judges re-read the
/// answers on a page (the team not shown) and their readings are imported as `saima appeals import` would.
enum AppealRoutes {
    static func add(to router: Router<PortalContext>, portal: Portal) {
        router.post("/runs/:id/appeals") { _, context in
            let organizer = try context.require(.organizer)
            let run = try RunPage.visibleRun(context, portal: portal)
            guard run.status == .done, !AppealsEntry.issued(folder: run.folder) else {
                throw PortalError.taken("复核表已发放或运行未完成。The sheet is issued already, or the run is not finished.")
            }
            guard let selection = Appeals.Selection(rawValue: context.form["selection"] ?? "uncertain") else {
                throw PortalError.invalid("没有此选择。No such selection.")
            }
            let rows = try await portal.blocking.run {
                try AppealsEntry.issue(folder: run.folder, tracks: portal.registry.tracks, selection: selection)
            }
            try portal.store.audit(actor: organizer.username, action: "appeals issued 发放复核表", detail: "\(run.id): \(rows)")
            return PortalResponse.redirect("/runs/\(run.id)")
        }
        router.get("/judge/runs/:id/appeals") { _, context in
            let judge = try context.require(.judge)
            let run = try portal.judgedRun(try context.parameters.require("id"), judge: judge)
            return PortalResponse.html(page(run: run, queue: try AppealsEntry.queue(folder: run.folder), context: context, note: nil))
        }
        router.post("/judge/runs/:id/appeals") { _, context in
            let judge = try context.require(.judge)
            let (id, form) = (try context.parameters.require("id"), context.form)
            // Importing re-scores the run and rebuilds its boards: off the threads that serve pages.
            let (run, count) = try await portal.blocking.run { try portal.saveReadings(run: id, judge: judge, form: form) }
            return PortalResponse.html(page(
                run: run, queue: try AppealsEntry.queue(folder: run.folder), context: context,
                note: "已保存 \(count) 条复核。Saved \(count) reading(s)."))
        }
    }

    static func page(run: RunRecord, queue: [AppealsEntry.Row], context: PortalContext, note: String?) -> String {
        var body = (note.map { "<p class=\"note\">\(PortalHTML.text($0))</p>" } ?? "")
            + "<p>待复核 To re-read: <strong id=\"queue\">\(queue.count)</strong>。填写选项字母（如 B、AC）或“无”（未给出答案），并写明理由。"
            + "Enter letters (B, AC) or `none`, with a reason.</p>"
        guard !queue.isEmpty else { return PortalHTML.page(title: "复核 Appeals", context: context, body: body + "<p>队列已空。The queue is empty.</p>") }
        var fields = ""
        for row in queue.prefix(50) {
            fields += "<section class=\"answer\"><p><strong>题目 Question</strong></p><pre>\(PortalHTML.text(row.question))</pre>"
                + "<p><strong>选项 Choices</strong></p><pre>\(PortalHTML.text(row.choices))</pre>"
                + "<p><strong>回答 Reply</strong></p><pre>\(PortalHTML.text(row.reply))</pre>"
                + "<p>当前读取 Current reading: <strong>\(PortalHTML.text(row.currentReading.isEmpty ? "—" : row.currentReading))</strong>"
                + " (\(PortalHTML.text(row.rule)); \(PortalHTML.text(row.why)))</p>"
                + (row.readerReading.isEmpty ? "" : "<p>读取模型 LLM reader: \(PortalHTML.text(row.readerReading))</p>")
                + PortalHTML.input("reading_\(row.rowHash)", label: "复核 Reading", required: false)
                + PortalHTML.input("reason_\(row.rowHash)", label: "理由 Reason", required: false) + "</section>"
        }
        body += PortalHTML.form(action: "/judge/runs/\(run.id)/appeals", context: context, fields: fields, button: "保存 Save")
        return PortalHTML.page(title: "复核 Appeals", context: context, body: body)
    }
}
