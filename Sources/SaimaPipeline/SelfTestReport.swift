import Foundation
package import SaimaModel
import SaimaReports
import SaimaRunner
import SaimaStorage
import SaimaLeaderboard

/// The self-test's printout: scores per track (or "not scored" where the answers are withheld), failures by
/// class with `check-endpoint`'s explanations, a word on multimodal input when only attachment items fail,
/// latency percentiles and answer-format advice.
package enum SelfTestReport {
    package static func render(
        outcome: RoundPipeline.Outcome, folder: String, tracks: [Track], split: Split, endpoint: EndpointSettings,
        keyGiven: Bool, reportPath: Bool = true
    ) throws -> String {
        var table = TerminalTable(
            headers: ["track 赛道", "score 得分", "95% CI", "items 题数", "ok 成功", "failed 失败", "unextr. 无法抽取"],
            alignments: [.left, .right, .left, .right, .right, .right, .right])
        // A track with no set of the split asked is not "answers withheld" (allSatisfy is true on nothing).
        let withheld = Set(tracks.filter { t in
            let sets = t.questionSets(split: split)
            return !sets.isEmpty && sets.allSatisfy(\.answersWithheld)
        }.map(\.id))
        let notScored = "not scored — answers withheld 答案未公开，未计分"
        for board in outcome.leaderboard.tracks {
            guard let e = board.entries.first else { continue }
            let scored = !withheld.contains(board.id)
            table.append([
                board.name.bilingual, scored ? Format.score(e.score) : notScored,
                scored ? "[\(Format.score(e.ci95.low)), \(Format.score(e.ci95.high))]" : "—",
                "\(e.items)", "\(e.answered)", "\(e.failed)", scored ? "\(e.unextractable)" : "—",
            ])
        }
        if let e = outcome.leaderboard.overall.entries.first {
            let anyScored = tracks.contains { !withheld.contains($0.id) }
            table.append([
                "overall 总分", anyScored ? Format.score(e.score) : notScored,
                anyScored ? "[\(Format.score(e.ci95.low)), \(Format.score(e.ci95.high))]" : "—",
                "\(e.items)", "\(e.answered)", "\(e.failed)", anyScored ? "\(e.unextractable)" : "—",
            ])
        }
        var out = "自测结果 Self-test results\n" + table.render() + "\n"
        if !withheld.isEmpty {
            out += "\n\(withheld.sorted().joined(separator: ", ")): 答案未公开，仅检查接口与作答格式，不计分。Answers are withheld: "
            out += "the requests and answer formats were checked, nothing was scored.\n"
        }
        let store = try RunStore(folder: folder)
        let results = try store.currentResults()
        let items = ItemIndex(tracks: tracks)
        let trackByID = Dictionary(tracks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        out += try failures(results, items: items, tracks: trackByID, endpoint: endpoint, keyGiven: keyGiven)
        out += try multimodal(results, items: items)
        let latencies = results.filter { $0.outcome == .ok }.map(\.latencyMs).sorted()
        if let slowest = latencies.last {
            func p(_ q: Double) -> String { Format.latencyPercentile(latencies, q) }
            out += "\n延迟 Latency ms: p50 \(p(0.5)), p90 \(p(0.9)), p95 \(p(0.95)), p99 \(p(0.99)), max \(Format.milliseconds(slowest))\n"
        }
        let readability = try AnswerReadability.summarize(store: store, tracks: tracks)
        if let confidence = AnswerReadability.confidenceReport(readability) { out += "\n" + confidence }
        if let advice = AnswerReadability.advice(readability) { out += "\n" + advice }
        guard reportPath else { return out }
        let report = URL(fileURLWithPath: folder).appendingPathComponent("report.html").standardizedFileURL.path
        return out + "\n完整报告 Full report: \(report)\n"
    }

    /// One block per failure class: count, the request, and what it means.
    static func failures(
        _ results: [ItemResult], items: ItemIndex, tracks: [String: Track], endpoint: EndpointSettings, keyGiven: Bool
    ) throws -> String {
        var seen: Set<Outcome> = []
        var blocks: [String] = []
        for r in results where r.outcome != .ok && seen.insert(r.outcome).inserted {
            let count = results.filter { $0.outcome == r.outcome }.count
            var lines = ["- \(r.outcome.label): \(count)"]
            if let (item, _) = try items[r.key], let track = tracks[r.key.track] {
                let prompt = ChatRequestBuilder(track: track).userText(for: item).replacingOccurrences(of: "\n", with: " ")
                lines.append("  request 请求 (\(r.key.track)/\(r.key.set)/\(r.key.item)): \(prompt.prefix(120))…")
            }
            let body = (r.rawResponse ?? "").replacingOccurrences(of: "\n", with: " ")
            lines.append("  HTTP \(r.httpStatus), attempts 尝试 \(r.attempts.count)")
            lines.append("  " + EndpointCheck.explanation(
                outcome: r.outcome, status: r.httpStatus, detail: r.detail, body: String(body.prefix(200)),
                endpoint: endpoint, keyGiven: keyGiven))
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.isEmpty
            ? "\n失败 Failures: none 无\n" : "\n失败分类（首个示例）Failures by class (first example):\n" + blocks.joined(separator: "\n") + "\n"
    }

    /// When items with images or audio fail while text items succeed: the endpoint does not take that input.
    static func multimodal(_ results: [ItemResult], items: ItemIndex) throws -> String {
        var kinds: [MediaAttachment.Kind: (failed: Int, total: Int)] = [:]
        var textOK = 0
        for r in results {
            guard let (item, _) = try items[r.key] else { continue }
            if item.attachments.isEmpty {
                if r.outcome == .ok { textOK += 1 }
                continue
            }
            for kind in Set(item.attachments.map(\.kind)) {
                kinds[kind, default: (0, 0)].total += 1
                if r.outcome != .ok { kinds[kind, default: (0, 0)].failed += 1 }
            }
        }
        let refused = kinds.filter { $0.value.total > 0 && $0.value.failed == $0.value.total }.keys.map(\.rawValue).sorted()
        guard textOK > 0, !refused.isEmpty else { return "" }
        return "\n⚠ 多模态 Multimodal: 所有含 \(refused.joined(separator: "/")) 的题目都失败，而纯文本题目成功：你的端点似乎不接受此类输入"
            + "（OpenAI 格式的 content 列表：image_url / input_audio）。视听赛道需要多模态能力。\n"
            + "  Every item with \(refused.joined(separator: "/")) input failed while text items succeeded: your endpoint does not "
            + "seem to accept that input (OpenAI content parts: image_url / input_audio). The audiovisual track needs it.\n"
    }
}
