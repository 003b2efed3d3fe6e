import Foundation

/// One pairwise comparison: `a` against `b`.
package struct Battle: Sendable, Hashable {
    package enum Winner: String, Sendable, Hashable { case a, b, tie }
    package var a: String
    package var b: String
    package var winner: Winner
    /// The judge named different teams in the two orders (position bias): recorded as a tie.
    package var ordersDisagree: Bool
    package init(a: String, b: String, winner: Winner, ordersDisagree: Bool = false) {
        self.a = a
        self.b = b
        self.winner = winner
        self.ordersDisagree = ordersDisagree
    }
}

/// A team's Bradley–Terry rating.
package struct Rating: Sendable, Hashable {
    package var team: String
    package var rating: Double
    package var ci95: ClosedRange<Double>
    package var battles: Int
}

/// Bradley–Terry ratings by unregularized maximum likelihood, on an Elo-like scale.
///
/// Definition: P(i beats j) = π_i / (π_i + π_j). A tie counts as half a win for each side (as the
/// arena leaderboards do). The log-likelihood Σ_{i≠j} w_ij · log(π_i / (π_i + π_j)) is maximized
/// with Hunter's MM iteration (π_i ← W_i / Σ_j n_ij / (π_i + π_j)) until ratings move by less than
/// 1e-9 points. Ratings are R_i = 400 · log10(π_i / π_anchor) + 1000, so the anchor sits at 1000 and a
/// 400-point gap means 10:1 odds. The maximum exists only when the "beats" graph (i → j when i has
/// a positive win share against j) is strongly connected; otherwise `ratings` throws. This equals a
/// logistic regression without penalty or intercept on ±1 team indicators, each tie entered as one
/// win each way with weight ½ (the cross-check script compares with scikit-learn/scipy).
package enum BradleyTerry {
    package enum Problem: Error, Equatable, CustomStringConvertible {
        case noBattles
        case unknownAnchor(String)
        case notConnected([[String]])
        case selfBattle(String)

        package var description: String {
            switch self {
            case .noBattles: "no battles to rate / 没有对战记录"
            case .unknownAnchor(let t): "the anchor team `\(t)` has no battles / 锚定队伍没有对战"
            case .selfBattle(let t): "a battle of `\(t)` against itself / 队伍与自身对战"
            case .notConnected(let groups):
                "ratings are not identifiable: the win graph is not strongly connected (groups: "
                    + groups.map { $0.joined(separator: ", ") }.joined(separator: " | ")
                    + "); some team won or lost all its comparisons with the rest / 胜负关系图不连通，无法估计评分"
            }
        }
    }

    /// Maximum-likelihood ratings of every team that took part in a battle.
    package static func ratings(_ battles: [Battle], anchor: String?) throws(Problem) -> [String: Double] {
        guard !battles.isEmpty else { throw .noBattles }
        let teams = Array(Set(battles.flatMap { [$0.a, $0.b] })).sorted()
        let index = Dictionary(uniqueKeysWithValues: teams.enumerated().map { ($1, $0) })
        let n = teams.count
        var wins = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for battle in battles {
            guard battle.a != battle.b else { throw .selfBattle(battle.a) }
            let (i, j) = (index[battle.a]!, index[battle.b]!)
            switch battle.winner {
            case .a: wins[i][j] += 1
            case .b: wins[j][i] += 1
            case .tie:
                wins[i][j] += 0.5
                wins[j][i] += 0.5
            }
        }
        let components = stronglyConnectedComponents(wins)
        if components.count > 1 {
            throw .notConnected(components.map { $0.map { teams[$0] }.sorted() }.sorted { $0[0] < $1[0] })
        }
        let anchorTeam = anchor ?? teams[0]
        guard let anchorIndex = index[anchorTeam] else { throw .unknownAnchor(anchorTeam) }
        let strengths = maximumLikelihood(wins)
        var out: [String: Double] = [:]
        for (i, team) in teams.enumerated() {
            out[team] = 400 * log10(strengths[i] / strengths[anchorIndex]) + 1000
        }
        return out
    }

    /// Hunter's MM iteration on the win matrix; returns strengths normalized to a geometric mean of 1.
    static func maximumLikelihood(_ wins: [[Double]]) -> [Double] {
        let n = wins.count
        var p = Array(repeating: 1.0, count: n)
        let totalWins = wins.map { $0.reduce(0, +) }
        for _ in 0..<100_000 {
            var next = p
            for i in 0..<n {
                var denominator = 0.0
                for j in 0..<n where j != i {
                    let games = wins[i][j] + wins[j][i]
                    if games > 0 { denominator += games / (p[i] + p[j]) }
                }
                next[i] = denominator > 0 ? totalWins[i] / denominator : p[i]
            }
            let logMean = next.map { log($0) }.reduce(0, +) / Double(n)
            let scale = exp(logMean)
            var change = 0.0
            for i in 0..<n {
                next[i] /= scale
                change = max(change, abs(400 * log10(next[i] / p[i])))
            }
            p = next
            if change < 1e-9 { break }
        }
        return p
    }

    /// Tarjan's algorithm on the "beats" graph (edge i → j when wins[i][j] > 0).
    static func stronglyConnectedComponents(_ wins: [[Double]]) -> [[Int]] {
        let n = wins.count
        var index = 0
        var indices = Array(repeating: -1, count: n)
        var low = Array(repeating: 0, count: n)
        var onStack = Array(repeating: false, count: n)
        var stack: [Int] = []
        var components: [[Int]] = []
        func visit(_ v: Int) {
            indices[v] = index
            low[v] = index
            index += 1
            stack.append(v)
            onStack[v] = true
            for w in 0..<n where w != v && wins[v][w] > 0 {
                if indices[w] < 0 {
                    visit(w)
                    low[v] = min(low[v], low[w])
                } else if onStack[w] {
                    low[v] = min(low[v], indices[w])
                }
            }
            if low[v] == indices[v] {
                var component: [Int] = []
                while let w = stack.popLast() {
                    onStack[w] = false
                    component.append(w)
                    if w == v { break }
                }
                components.append(component)
            }
        }
        for v in 0..<n where indices[v] < 0 { visit(v) }
        return components
    }
}
