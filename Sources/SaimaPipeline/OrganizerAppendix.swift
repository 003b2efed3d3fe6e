import Foundation
import SaimaBase
package import SaimaModel
import SaimaReports
import SaimaRunner
package import SaimaStorage

/// `appendix.html`, for organizers and judges only (it shows hidden items): for the items that best separate
/// teams, and any item asked for with `--appendix-item track/set/item`, the question as sent, the reference,
/// and every team's reply with the extracted answer, the rule that read it and the score.
package enum OrganizerAppendix {
    package static func write(
        folder: String, store: RunStore, tracks: [Track], items keys: [String], title: String
    ) throws -> String {
        let index = ItemIndex(tracks: tracks)
        let trackByID = Dictionary(tracks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let wanted = Set(keys)
        let scores = try store.currentScores(filter: { key in wanted.contains("\(key.track)/\(key.set)/\(key.item)") })
        var byItem: [String: [ItemResult]] = [:]
        for r in try store.currentResults(attempts: false, filter: { key, _ in wanted.contains("\(key.track)/\(key.set)/\(key.item)") }) {
            byItem["\(r.key.track)/\(r.key.set)/\(r.key.item)", default: []].append(r)
        }
        func e(_ s: String) -> String { HTMLText.escape(s) }
        var html = """
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>\(e(title)) — 组织方附录 Organizer appendix</title>
            <style>body{font-family:"Noto Sans CJK SC",sans-serif;max-width:1100px;margin:0 auto;padding:24px;color:#222}
            .secret{background:#b00020;color:#fff;padding:6px 10px;font-weight:bold}table{border-collapse:collapse;width:100%}
            th,td{border:1px solid #ccc;padding:4px 8px;vertical-align:top;font-size:13px}pre{white-space:pre-wrap;margin:0;
            font-family:inherit}@page{size:A4;margin:14mm}</style></head><body>
            <p class=secret>组织方内部文件，含隐藏题目与答案，请勿公开。Organizer only: contains hidden items and answers. Do not publish.</p>
            <h1>\(e(title)) — 组织方附录 Organizer appendix</h1>
            """
        for key in keys {
            let parts = key.split(separator: "/", maxSplits: 2).map(String.init)
            guard parts.count == 3, let (item, _) = try index[ResultKey(team: "", track: parts[0], set: parts[1], item: parts[2], sample: 0)],
                let track = trackByID[parts[0]]
            else {
                html += "<h2><code>\(e(key))</code></h2><p>找不到该题目 No such item.</p>"
                continue
            }
            html += "<h2><code>\(e(key))</code></h2><h3>题目 Question (as sent)</h3>"
            html += "<pre>\(e(ChatRequestBuilder(track: track).userText(for: item)))</pre>"
            html += "<h3>参考 Reference</h3><pre>\(e(reference(item)))</pre>"
            html += "<table><tr><th>队伍 Team</th><th>回答 Reply</th><th>读取 Extracted</th><th>规则 Rule</th><th>得分 Score</th></tr>"
            for r in (byItem[key] ?? []).sorted(by: { ($0.key.team, $0.key.sample) < ($1.key.team, $1.key.sample) }) {
                let s = scores[r.key]
                html += "<tr><td>\(e(r.key.team))\(r.key.sample > 0 ? " #\(r.key.sample)" : "")</td>"
                html += "<td><pre>\(e(r.outcome == .ok ? (r.content ?? "") : "[\(r.outcome.label)]"))</pre></td>"
                html += "<td>\(e(s?.extracted ?? "—"))</td><td>\(e(s?.rule ?? (s?.unextractable == true ? "unextractable" : "—")))</td>"
                html += "<td>\(s.map { String(format: "%.2f", $0.score) } ?? "—")</td></tr>"
            }
            html += "</table>"
        }
        html += "</body></html>\n"
        let path = (folder as NSString).appendingPathComponent("appendix.html")
        try RunFolderFile.write(html, to: "appendix.html", in: folder)
        return path
    }

    /// The item's answer key as text.
    static func reference(_ item: Item) -> String {
        switch item.answer {
        case .letters(let l): return l + (item.choices.isEmpty ? "" : " — " + l.map { c in item.choiceText(String(c)) ?? "" }.joined(separator: "；"))
        case .truth(let b): return b ? "正确 true" : "错误 false"
        case .number(let n): return JSONValue.format(number: n)
        case .texts(let t): return t.joined(separator: "\n—\n")
        case .fields(let f): return JSONValue.object(f).canonicalJSON
        }
    }
}
