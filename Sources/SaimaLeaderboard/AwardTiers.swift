package import SaimaModel

/// Award tiers on the overall board by an `AwardRule`; a rank group is never split between tiers.
package enum AwardTiers {
    package struct Award: Sendable {
        package var tier: LocalizedText
        /// Team ids in position order.
        package var teams: [String]
    }

    /// `rank_group`: tier i = rank group i. `count`: tiers take whole rank groups in order; a group goes to the
    /// current tier while the teams given so far (this tier and the ones before) are fewer than the tiers'
    /// counts so far. Teams not reached get no award.
    package static func assign(_ board: Board, rule: AwardRule) -> [Award] {
        var groups: [[String]] = []
        for e in board.entries.sorted(by: { $0.position < $1.position }) {
            if groups.isEmpty || board.entries.first(where: { $0.team == groups.last![0] })?.rankGroup != e.rankGroup {
                groups.append([e.team])
            } else {
                groups[groups.count - 1].append(e.team)
            }
        }
        switch rule.basis {
        case .rankGroup:
            return zip(rule.tiers, groups).map { Award(tier: $0.name, teams: $1) }
        case .count:
            var awards: [Award] = []
            var next = 0
            var given = 0
            var target = 0
            for tier in rule.tiers {
                target += tier.count ?? 0
                var teams: [String] = []
                while next < groups.count, given < target {
                    teams += groups[next]
                    given += groups[next].count
                    next += 1
                }
                awards.append(Award(tier: tier.name, teams: teams))
            }
            return awards
        }
    }
}
