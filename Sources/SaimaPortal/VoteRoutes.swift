import Foundation
import Hummingbird
import SaimaJudging
import SaimaPipeline

/// The judges' pairwise vote page: two anonymized answers to one question side by side, left or right or a tie.
enum VoteRoutes {
    static func add(to router: Router<PortalContext>, portal: Portal) {
        router.get("/judge/runs/:id/votes") { _, context in
            let judge = try context.require(.judge)
            let (run, pairs, voted) = try portal.votePairs(run: try context.parameters.require("id"), judge: judge)
            return PortalResponse.html(page(run: run, pairs: pairs, voted: voted, context: context))
        }
        router.post("/judge/runs/:id/votes") { _, context in
            let judge = try context.require(.judge)
            let id = try context.parameters.require("id")
            try portal.castVote(run: id, judge: judge, pair: context.form["pair"] ?? "", choice: context.form["choice"] ?? "")
            return PortalResponse.redirect("/judge/runs/\(id)/votes")
        }
    }

    static func page(run: RunRecord, pairs: [PairwiseVotes.Pair], voted: Set<String>, context: PortalContext) -> String {
        let done = pairs.filter { voted.contains($0.id) }.count
        var body = "<p>已投 Voted: <strong id=\"voted\">\(done) / \(pairs.count)</strong>。队伍已匿名，左右随机。Teams are anonymized; sides are random.</p>"
        guard let next = pairs.first(where: { !voted.contains($0.id) }) else {
            return PortalHTML.page(title: "对比投票 Pairwise votes", context: context, body: body + "<p>全部完成。All pairs voted.</p>")
        }
        func choice(_ value: String, _ label: String) -> String {
            PortalHTML.form(
                action: "/judge/runs/\(run.id)/votes", context: context,
                fields: "<input type=\"hidden\" name=\"pair\" value=\"\(PortalHTML.text(next.id))\">"
                    + "<input type=\"hidden\" name=\"choice\" value=\"\(value)\">",
                button: label, inline: true)
        }
        body += "<p><strong>题目 Question</strong></p><pre>\(PortalHTML.text(next.question))</pre>"
        body += "<div class=\"pair\"><div><h3>回答甲 Answer A</h3><pre id=\"left\">\(PortalHTML.text(next.leftAnswer))</pre></div>"
        body += "<div><h3>回答乙 Answer B</h3><pre id=\"right\">\(PortalHTML.text(next.rightAnswer))</pre></div></div>"
        body += choice("left", "甲更好 A is better") + choice("tie", "平局 Tie") + choice("right", "乙更好 B is better")
        return PortalHTML.page(title: "对比投票 Pairwise votes", context: context, body: body)
    }

    /// The organizer's view: votes so far and the Bradley–Terry ratings they give (with 95% intervals).
    static func summary(_ run: RunRecord, portal: Portal) throws -> String {
        let battles = try portal.store.battles(run: run.id)
        guard !battles.isEmpty else { return "<p>对比投票 Pairwise votes: 0</p>" }
        var out = "<p>对比投票 Pairwise votes: \(battles.count)（human-battles.jsonl）</p>"
        guard let ratings = PairwiseVotes.ratings(battles, seed: Portal.seed) else {
            return out + "<p>票数尚不足以连通各队，暂无评分。Not enough votes to connect the teams yet.</p>"
        }
        out += PortalHTML.table(
            ["队伍 Team", "评分 Rating", "95% 区间 CI", "对局 Battles"],
            ratings.sorted { $0.rating > $1.rating }.map { r in
                [PortalHTML.text(r.team), String(format: "%.0f", r.rating),
                 String(format: "[%.0f, %.0f]", r.ci95.lowerBound, r.ci95.upperBound), "\(r.battles)"]
            }, id: "ratings")
        return out
    }
}
