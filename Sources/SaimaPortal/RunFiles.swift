import Foundation
import Hummingbird

/// A run folder's files for download, from an allowlist: the team that owns a self-test gets its report and boards;
/// organizers get every listed file of any run (the appendix, the manifest and the database among them). Reports are
/// served with a policy of their own (their inline styles allowed, no script, no outside requests).
enum RunFiles {
    /// A self-test's findings as its team reads them (`SelfTestReport`).
    static let findings = "selftest.txt"

    /// File name → (content type, organizers only).
    static let files: [String: (type: String, organizerOnly: Bool)] = [
        findings: ("text/plain; charset=utf-8", false),
        "report.html": ("text/html; charset=utf-8", false),
        "leaderboard.json": ("application/json", false),
        "leaderboard.csv": ("text/csv; charset=utf-8", false),
        "leaderboard.md": ("text/markdown; charset=utf-8", false),
        "appendix.html": ("text/html; charset=utf-8", true),
        "manifest.json": ("application/json", true),
        "run.sqlite": ("application/vnd.sqlite3", true),
    ]

    static func add(to router: Router<PortalContext>, portal: Portal) {
        router.get("/runs/:id/files/:name") { _, context in
            let run = try RunPage.visibleRun(context, portal: portal)
            let name = try context.parameters.require("name")
            guard let entry = files[name], !entry.organizerOnly || context.session?.account.role == .organizer,
                  let data = FileManager.default.contents(atPath: (run.folder as NSString).appendingPathComponent(name))
            else { throw PortalError.notFound("没有此文件。No such file.") }
            var headers: HTTPFields = [.contentType: entry.type]
            if entry.type.hasPrefix("text/html") {
                headers[.contentSecurityPolicy] = reportPolicy
            } else {
                headers[.contentDisposition] = "attachment; filename=\"\(run.id)-\(name)\""
            }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    /// `GET /report`: the ranking report of the latest official run, for everyone once the organizer has published
    /// it (404 before).
    static func addPublished(to router: Router<PortalContext>, portal: Portal) {
        router.get("/report") { _, _ in
            guard try portal.store.phase() == .published, let run = try portal.store.latestOfficialRun(),
                  let data = FileManager.default.contents(atPath: (run.folder as NSString).appendingPathComponent("report.html"))
            else { throw PortalError.notFound("报告尚未发布。The report is not published yet.") }
            return Response(
                status: .ok,
                headers: [.contentType: "text/html; charset=utf-8", .contentSecurityPolicy: reportPolicy],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    /// Reports carry their own inline styles and no script.
    static let reportPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"

    /// Links to the files of a run that this account may open and that exist.
    static func links(_ run: RunRecord, organizer: Bool) -> String {
        let names = files.keys.sorted().filter { name in
            (organizer || !files[name]!.organizerOnly)
                && FileManager.default.fileExists(atPath: (run.folder as NSString).appendingPathComponent(name))
        }
        var links = names.map {
            "<a href=\"/runs/\(PortalHTML.text(run.id))/files/\(PortalHTML.text($0))\">\(PortalHTML.text($0))</a>"
        }
        if organizer, ![.queued, .running].contains(run.status) {
            links.append("<a id=\"folder-zip\" href=\"/runs/\(PortalHTML.text(run.id))/folder.zip\">整个运行目录 the whole run folder (.zip)</a>")
        }
        guard !links.isEmpty else { return "" }
        return "<p>下载 Downloads: " + links.joined(separator: " · ") + "</p>"
    }
}
