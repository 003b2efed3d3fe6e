import Foundation
import SaimaModel
import SaimaReports
import Synchronization

/// The public leaderboards: the dev board live from the teams' latest self-tests, the test board only once the
/// organizer has published it. One table per track, with 95% intervals and rank groups.
enum BoardPage {
    /// Rank groups for scores from separate runs (the dev board). Definition: teams sorted by score; a team joins
    /// the group of the team above when its interval overlaps that team's (its high ≥ the other's low), otherwise
    /// it starts the next group.
    static func rankGroups(_ scores: [TrackScore]) -> [Int] {
        var groups: [Int] = []
        for (i, s) in scores.enumerated() {
            if i == 0 { groups.append(1) } else {
                groups.append(s.high >= scores[i - 1].low ? groups[i - 1] : groups[i - 1] + 1)
            }
        }
        return groups
    }

    static func tables(_ scores: [TrackScore], teams: [String: TeamRecord], official: Bool) -> String {
        let byTrack = Dictionary(grouping: scores, by: \.track)
        guard !byTrack.isEmpty else { return "<p>暂无成绩。No scores yet.</p>" }
        var out = ""
        for track in byTrack.keys.sorted() {
            let rows = byTrack[track]!.sorted { ($0.score, $1.team) > ($1.score, $0.team) }
            let groups = official ? rows.map { $0.rankGroup ?? 0 } : rankGroups(rows)
            out += "<h3>\(PortalHTML.text(rows[0].trackName.bilingual))</h3>"
            out += PortalHTML.table(
                ["名次 Rank", "组 Group", "队伍 Team", "得分 Score", "95% 区间 CI", "题数 Items"],
                rows.enumerated().map { i, s in
                    [
                        "\(official ? (s.rank ?? i + 1) : i + 1)", "\(groups[i])",
                        PortalHTML.text(teams[s.team]?.name.bilingual ?? s.team), Format.score(s.score),
                        "[\(Format.score(s.low)), \(Format.score(s.high))]", "\(s.items)",
                    ]
                }, id: "board-\(track)")
        }
        return out
    }

    /// The page for this request: the boards' body is built once per state generation (any write to the portal's
    /// state starts a new one) and shared by every request until then; only the frame is per request.
    static func render(portal: Portal, context: PortalContext) throws -> String {
        let generation = portal.store.generation
        if let cached = portal.boardCache.withLock({ $0 }), cached.generation == generation {
            return PortalHTML.page(title: "排行榜 Leaderboard", context: context, body: cached.body)
        }
        let body = try body(portal: portal)
        portal.boardCache.withLock { $0 = (generation, body) }
        return PortalHTML.page(title: "排行榜 Leaderboard", context: context, body: body)
    }

    static func body(portal: Portal) throws -> String {
        let teams = Dictionary(uniqueKeysWithValues: try portal.store.teams().map { ($0.id, $0) })
        let phase = try portal.store.phase()
        var body = "<p>当前阶段 Phase: <strong>\(PortalHTML.text(phase.label))</strong></p>"
        body += SchedulePage.publicTable(try portal.store.schedule(), current: phase)
        if phase == .published, let run = try portal.store.latestOfficialRun() {
            body += "<h2>正式测试榜 Test leaderboard</h2><p><a href=\"/report\">排名报告 The ranking report</a></p>"
                + tables(try portal.store.scores(run: run.id), teams: teams, official: true)
        } else {
            body += "<h2>正式测试榜 Test leaderboard</h2><p>发布前不公开。Hidden until the organizer publishes it.</p>"
        }
        body += "<h2>开发集榜 Dev leaderboard</h2><p>各队最近一次自测 Each team's latest self-test. "
            + "组：区间重叠的队伍同组 Group: teams whose intervals overlap share a group.</p>"
        body += tables(try portal.store.latestSelfTestScores(), teams: teams, official: false)
        return body
    }
}
