public import Foundation
public import SaimaModel

/// A ranked board: per track (primary) or overall (secondary).
public struct Board: Sendable {
    /// The track id, or `overall`.
    public var id: String
    public var name: LocalizedText
    public var entries: [BoardEntry]
    /// For each adjacent pair in position order, the 95% CI of the score difference.
    public var adjacent: [AdjacentDifference]
}

/// One team's line on a board.
public struct BoardEntry: Sendable {
    public var team: String
    public var name: LocalizedText
    /// Plain order by score (1 = best; ties in score broken by team id).
    public var position: Int
    /// 1 + the number of teams significantly better than this team (paired bootstrap, 95%).
    public var rank: Int
    /// The band of teams sharing a rank, numbered from 1 in position order.
    public var rankGroup: Int
    /// Score on the 0–100 scale.
    public var score: Double
    /// 95% bootstrap percentile interval of the score.
    public var ci95: (low: Double, high: Double)
    /// Items the board covers for this team (per item, all samples counted once).
    public var items: Int
    /// Items with at least one `ok` answer.
    public var answered: Int
    /// Answers that failed, by outcome class.
    public var failedByClass: [Outcome: Int]
    public var unextractable: Int
    public var meanLatencyMs: Double?
    public var p95LatencyMs: Double?
    public var tokens: Int
    /// The team did not enter this track (its score there counts 0 overall).
    public var notEntered: Bool
    /// Tracks the team did not enter (overall board only).
    public var notEnteredTracks: [String]
    /// The track score computed from one source only (`auto`, `llm_judge`, `human`), over the items
    /// that have a score from that source; absent when no item has one.
    public var sourceScores: [String: Double] = [:]
    /// How the team's answers were read (the extraction audit).
    public var extraction = ExtractionAudit()

    public var failed: Int { failedByClass.values.reduce(0, +) }
}

/// The 95% CI of `higher − lower` for two teams adjacent in position.
public struct AdjacentDifference: Sendable {
    public var higher: String
    public var lower: String
    public var difference: Double
    public var ci95: (low: Double, high: Double)
}

/// The result of aggregation.
public struct Leaderboard: Sendable {
    public var round: String
    public var generatedAt: Date
    public var seed: UInt64
    public var resamples: Int
    public var tracks: [Board]
    public var overall: Board
    /// Arena ratings from pairwise battles, when the run has them.
    public var arena: [ArenaEntry] = []
    /// How often the battle judge named different teams in the two orders (position bias), when known.
    public var arenaBias: ArenaBias?
    /// Every question set's scores per team (the pilot units' view).
    public var sets: [SetBoard] = []

    /// Answers still waiting for a judge, per team and `track/set`.
    public var pending: [String: [String: Int]] {
        var out: [String: [String: Int]] = [:]
        for board in sets {
            for e in board.entries where e.pending > 0 { out[e.team, default: [:]]["\(board.track)/\(board.set)"] = e.pending }
        }
        return out
    }

    /// Final when no answer waits for a judge; provisional otherwise.
    public var isFinal: Bool { sets.allSatisfy { $0.entries.allSatisfy { $0.pending == 0 } } }
}

/// One line of the arena (Bradley–Terry) table.
public struct ArenaEntry: Sendable {
    public var team: String
    public var rating: Double
    public var ci95: (low: Double, high: Double)
    public var battles: Int
    public init(team: String, rating: Double, ci95: (low: Double, high: Double), battles: Int) {
        self.team = team
        self.rating = rating
        self.ci95 = ci95
        self.battles = battles
    }
}

/// Position bias of the battle judge: battles whose two orders named different teams count as ties.
public struct ArenaBias: Sendable {
    public struct Pair: Sendable {
        public var a: String
        public var b: String
        public var battles: Int
        public var ties: Int
        public var ordersDisagree: Int
        public init(a: String, b: String, battles: Int, ties: Int, ordersDisagree: Int) {
            self.a = a
            self.b = b
            self.battles = battles
            self.ties = ties
            self.ordersDisagree = ordersDisagree
        }
    }

    public var judge: String
    public var battles: Int
    public var ordersDisagree: Int
    public var pairs: [Pair]

    public init(judge: String, battles: Int, ordersDisagree: Int, pairs: [Pair]) {
        self.judge = judge
        self.battles = battles
        self.ordersDisagree = ordersDisagree
        self.pairs = pairs
    }

    /// Decisive (non-tie) battles a team took part in.
    public func decisiveBattles(of team: String) -> Int {
        pairs.filter { $0.a == team || $0.b == team }.reduce(0) { $0 + $1.battles - $1.ties }
    }

    /// Fewer decisive battles than this and a team's rating interval is "not enough information".
    public static let minimumDecisive = 10
}
