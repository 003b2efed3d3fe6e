package import Foundation
import SaimaBase
import SaimaModel

/// Aggregates scored answers into per-track boards and the overall board.
///
/// Definitions (also printed in every report's methodology section):
/// - item score ∈ [0, 1]; a failed or unextractable answer scores 0; with several samples an
///   item's score is the mean over its samples; an item without any answer scores 0;
/// - question-set score = mean item score × 100;
/// - track score = weighted mean of its question-set scores (set weights from `track.yaml`);
/// - overall score = weighted mean of track scores over the round's tracks (track weights);
///   a track the team did not enter counts 0 and is flagged `not_entered`;
/// - 95% intervals: percentile bootstrap with `resamples` resamples, items resampled within each
///   question set, seeded; ranks from paired bootstrap differences (see `RankAssignment`).
package struct LeaderboardBuilder: Sendable {
    package var seed: UInt64
    package var resamples: Int

    package init(seed: UInt64, resamples: Int = 1000) {
        self.seed = seed
        self.resamples = max(1, resamples)
    }

    package func build(_ input: LeaderboardInput, generatedAt: Date = Date()) -> Leaderboard {
        // Per-set intervals draw from their own generators: computed beside the boards, on the other core.
        let (setBoards, board) = Parallel.both(
            { [seed, resamples] in SetScores.boards(input, seed: seed, resamples: resamples) },
            { boards(input, generatedAt: generatedAt) })
        var out = board
        out.sets = setBoards
        return out
    }

    /// The track boards and the overall board.
    func boards(_ input: LeaderboardInput, generatedAt: Date) -> Leaderboard {
        var generator = SeededGenerator(seed: seed)
        let bootstrap = StratifiedBootstrap(resamples: resamples)
        let allTeams = input.teams.map(\.id)
        var boards: [Board] = []
        // Overall: every team, every track (0 where not entered), same resample index across tracks.
        var overallPoint = Array(repeating: 0.0, count: allTeams.count)
        var overallResampled = Array(repeating: Array(repeating: 0.0, count: resamples), count: allTeams.count)
        let totalTrackWeight = input.tracks.reduce(0) { $0 + $1.weight }
        let stats = TeamStatistics(input.answers)

        for (k, track) in input.tracks.enumerated() {
            let positions = input.entered(track: k)
            let entered = positions.map { input.teams[$0] }
            let matrix = TrackMatrix(input, track: k, teams: positions)
            let point = entered.indices.map { matrix.score(team: $0) }
            let resampled = bootstrap.resampledScores(matrix, generator: &generator)
            let ranking = RankAssignment.assign(ids: entered.map(\.id), scores: point, resampled: resampled)
            let sourceScores = SourceScores.track(input, track: k, teams: positions)
            let entries = ranking.order.map { t -> BoardEntry in
                var entry = stats.entry(team: entered[t], position: positions[t], track: k, items: matrix.itemCount)
                entry.position = ranking.position[t]
                entry.rank = ranking.rank[t]
                entry.rankGroup = ranking.rankGroup[t]
                entry.score = point[t]
                entry.ci95 = Percentile.interval95(resampled[t])
                entry.sourceScores = sourceScores[t]
                entry.robustness = input.robustness[entered[t].id]?[track.id] ?? PermutationRobustness()
                return entry
            }
            boards.append(Board(
                id: track.id, name: track.name, entries: entries,
                adjacent: ranking.adjacent.map {
                    AdjacentDifference(higher: entered[$0.higher].id, lower: entered[$0.lower].id,
                                       difference: $0.difference, ci95: $0.ci)
                }))
            if totalTrackWeight > 0 {
                let share = track.weight / totalTrackWeight
                for (t, o) in positions.enumerated() {
                    overallPoint[o] += share * point[t]
                    for r in 0..<resamples { overallResampled[o][r] += share * resampled[t][r] }
                }
            }
        }

        let ranking = RankAssignment.assign(ids: allTeams, scores: overallPoint, resampled: overallResampled)
        let trackIDs = input.tracks.map(\.id)
        let overallEntries = ranking.order.map { t -> BoardEntry in
            let team = input.teams[t]
            var entry = stats.entry(team: team, position: t, track: nil, items: 0)
            entry.items = boards.reduce(0) { sum, board in
                sum + (board.entries.first { $0.team == team.id }?.items ?? 0)
            }
            entry.position = ranking.position[t]
            entry.rank = ranking.rank[t]
            entry.rankGroup = ranking.rankGroup[t]
            entry.score = overallPoint[t]
            entry.ci95 = Percentile.interval95(overallResampled[t])
            entry.notEnteredTracks = trackIDs.filter { !team.entered.contains($0) }
            entry.robustness = input.robustness[team.id]?.values.reduce(PermutationRobustness(), +) ?? PermutationRobustness()
            return entry
        }
        let overall = Board(
            id: "overall", name: LocalizedText(zh: "总榜", en: "Overall"), entries: overallEntries,
            adjacent: ranking.adjacent.map {
                AdjacentDifference(higher: allTeams[$0.higher], lower: allTeams[$0.lower], difference: $0.difference,
                                   ci95: $0.ci)
            })
        return Leaderboard(
            round: input.round, generatedAt: generatedAt, seed: seed, resamples: resamples, tracks: boards,
            overall: overall)
    }
}
