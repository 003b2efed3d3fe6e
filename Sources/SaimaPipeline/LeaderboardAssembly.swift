import Foundation
package import SaimaLeaderboard
import SaimaBase
package import SaimaModel
import SaimaRunner
import SaimaScoring
package import SaimaStorage

/// Builds the leaderboard input of a run from its manifest, its stored results and scores, and
/// the tracks (which give each set's items and weights).
package enum LeaderboardAssembly {
    package enum Problem: Error, CustomStringConvertible {
        case noManifest(String)
        package var description: String {
            switch self {
            case .noManifest(let folder): "\(folder) has no manifest: it is not a run folder / 不是结果目录"
            }
        }
    }

    package static func input(store: RunStore, tracks: [Track], folder: String) throws -> LeaderboardInput {
        guard let text = try store.meta("manifest") else { throw Problem.noManifest(folder) }
        let manifest = try RunManifest(json: try JSONValue.parse(text))
        let round = manifest.round
        let split = manifest.selectedSplit
        let roundTracks = Set(manifest.tracks)
        let trackSpecs = tracks.filter { roundTracks.contains($0.id) }.map { track in
            LeaderboardInput.TrackSpec(
                id: track.id, name: track.name, weight: track.weight,
                sets: track.questionSets(split: split).map { set in
                    .init(id: set.id, weight: set.weight, items: set.items.ids, pilotUnit: set.pilotUnit)
                })
        }
        let teams = manifest.teams.map { t in
            LeaderboardInput.TeamSpec(
                id: t.team, name: LocalizedText(zh: t.name.zh, en: t.name.en),
                entered: Set(t.tracks).intersection(roundTracks))
        }
        var input = LeaderboardInput(round: round, tracks: trackSpecs, teams: teams)
        input.reserveCapacity(try store.currentCount())
        // Answers come in key order, so one item's samples are adjacent: their readings, in the item's own letters, are
        // compared when the item ends (robustness across the orders each sample was shown in).
        var group: (key: ResultKey, readings: [String], shuffled: Bool)?
        func closeGroup() {
            guard let g = group, g.shuffled, g.readings.count >= 2 else { return }
            input.recordRobustness(team: g.key.team, track: g.key.track, agree: Set(g.readings).count == 1)
        }
        try store.forEachScoredAnswer { r in
            let s = r.score
            let item = ResultKey(team: r.key.team, track: r.key.track, set: r.key.set, item: r.key.item, sample: 0)
            if group?.key != item {
                closeGroup()
                group = (item, [], false)
            }
            if r.outcome == .ok, let s, s.answerMoved != nil {
                group?.readings.append(s.extracted ?? "")
                group?.shuffled = true
            }
            var answer = LeaderboardInput.Answer(
                team: r.key.team, track: r.key.track, set: r.key.set, item: r.key.item, sample: r.key.sample,
                score: r.outcome == .ok ? (s?.score ?? 0) : 0, outcome: r.outcome, unextractable: s?.unextractable ?? false,
                latencyMs: r.latencyMs, tokens: Self.tokens(r.usage))
            answer.rule = s?.rule
            answer.pending = r.outcome == .ok && s.flatMap { PendingReason(reason: $0.reason) } != nil
            answer.ruleStrength = s?.rule.flatMap(ExtractionRule.init(rawValue:))?.strength.rawValue
            answer.answerMoved = s?.answerMoved
            answer.asWritten = s?.variant.map { $0 == 0 }
            if r.outcome == .ok, let s {
                answer.sources = SourceValues(auto: s.autoScore, llmJudge: s.llmScore, human: s.humanScore)
            } else if s != nil {
                answer.sources.auto = 0
            }
            input.append(answer)
        }
        closeGroup()
        return input
    }

    /// Prompt plus completion tokens of a stored answer, each clamped to 0…`ChatResponseParser.maxTokens`
    /// (rows written before counts were range-checked may hold anything a server sent).
    static func tokens(_ usage: (prompt: Int, completion: Int)?) -> Int {
        guard let usage else { return 0 }
        func clamp(_ n: Int) -> Int { Swift.min(Swift.max(n, 0), ChatResponseParser.maxTokens) }
        return clamp(usage.prompt) + clamp(usage.completion)
    }
}
