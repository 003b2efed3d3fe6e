package import Foundation
package import SaimaModel

/// A ranked board: per track (primary) or overall (secondary).
package struct Board: Sendable {
    /// The track id, or `overall`.
    package var id: String
    package var name: LocalizedText
    package var entries: [BoardEntry]
    /// For each adjacent pair in position order, the 95% CI of the score difference.
    package var adjacent: [AdjacentDifference]
}

/// One team's line on a board.
package struct BoardEntry: Sendable {
    package var team: String
    package var name: LocalizedText
    /// Plain order by score (1 = best; ties in score broken by team id).
    package var position: Int
    /// 1 + the number of teams significantly better than this team (paired bootstrap, 95%).
    package var rank: Int
    /// The band of teams sharing a rank, numbered from 1 in position order.
    package var rankGroup: Int
    /// Score on the 0–100 scale.
    package var score: Double
    /// 95% bootstrap percentile interval of the score.
    package var ci95: (low: Double, high: Double)
    /// Items the board covers for this team (per item, all samples counted once).
    package var items: Int
    /// Items with at least one `ok` answer.
    package var answered: Int
    /// Answers that failed, by outcome class.
    package var failedByClass: [Outcome: Int]
    package var unextractable: Int
    package var meanLatencyMs: Double?
    package var p95LatencyMs: Double?
    package var tokens: Int
    /// The team did not enter this track (its score there counts 0 overall).
    package var notEntered: Bool
    /// Tracks the team did not enter (overall board only).
    package var notEnteredTracks: [String]
    /// The track score computed from one source only (`auto`, `llm_judge`, `human`), over the items
    /// that have a score from that source; absent when no item has one.
    package var sourceScores: [String: Double] = [:]
    /// How the team's answers were read (the extraction audit).
    package var extraction = ExtractionAudit()
    /// Accuracy where the answer kept its letter against where it moved (`MemorizationProbe`).
    package var memorization = MemorizationProbe()
    /// Accuracy on items shown as written against their paraphrases (`MemorizationProbe`: kept = as written).
    package var paraphrase = MemorizationProbe()
    /// Agreement of the team's answers across the orders it was shown (`PermutationRobustness`).
    package var robustness = PermutationRobustness()

    package var failed: Int { failedByClass.values.reduce(0, +) }
}

/// The 95% CI of `higher − lower` for two teams adjacent in position.
package struct AdjacentDifference: Sendable {
    package var higher: String
    package var lower: String
    package var difference: Double
    package var ci95: (low: Double, high: Double)
}

/// The result of aggregation.
package struct Leaderboard: Sendable {
    package var round: String
    package var generatedAt: Date
    package var seed: UInt64
    package var resamples: Int
    package var tracks: [Board]
    package var overall: Board
    /// Arena ratings from pairwise battles, when the run has them.
    package var arena: [ArenaEntry] = []
    /// How often the battle judge named different teams in the two orders (position bias), when known.
    package var arenaBias: ArenaBias?
    /// Every question set's scores per team (the pilot units' view).
    package var sets: [SetBoard] = []

    /// Answers still waiting for a judge, per team and `track/set`.
    package var pending: [String: [String: Int]] {
        var out: [String: [String: Int]] = [:]
        for board in sets {
            for e in board.entries where e.pending > 0 { out[e.team, default: [:]]["\(board.track)/\(board.set)"] = e.pending }
        }
        return out
    }

    /// Final when no answer waits for a judge; provisional otherwise.
    package var isFinal: Bool { sets.allSatisfy { $0.entries.allSatisfy { $0.pending == 0 } } }
}

/// One line of the arena (Bradley–Terry) table.
package struct ArenaEntry: Sendable {
    package var team: String
    package var rating: Double
    package var ci95: (low: Double, high: Double)
    package var battles: Int
    package init(team: String, rating: Double, ci95: (low: Double, high: Double), battles: Int) {
        self.team = team
        self.rating = rating
        self.ci95 = ci95
        self.battles = battles
    }
}

/// Position bias of the battle judge: battles whose two orders named different teams count as ties.
package struct ArenaBias: Sendable {
    package struct Pair: Sendable {
        package var a: String
        package var b: String
        package var battles: Int
        package var ties: Int
        package var ordersDisagree: Int
        package init(a: String, b: String, battles: Int, ties: Int, ordersDisagree: Int) {
            self.a = a
            self.b = b
            self.battles = battles
            self.ties = ties
            self.ordersDisagree = ordersDisagree
        }
    }

    package var judge: String
    package var battles: Int
    package var ordersDisagree: Int
    package var pairs: [Pair]

    package init(judge: String, battles: Int, ordersDisagree: Int, pairs: [Pair]) {
        self.judge = judge
        self.battles = battles
        self.ordersDisagree = ordersDisagree
        self.pairs = pairs
    }

    /// Decisive (non-tie) battles a team took part in.
    package func decisiveBattles(of team: String) -> Int {
        pairs.filter { $0.a == team || $0.b == team }.reduce(0) { $0 + $1.battles - $1.ties }
    }

    /// Fewer decisive battles than this and a team's rating interval is "not enough information".
    package static let minimumDecisive = 10
}
