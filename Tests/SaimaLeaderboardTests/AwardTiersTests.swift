import Foundation
import SaimaLeaderboard
import SaimaModel
import Testing

/// Award tiers on boards with chosen rank groups: teams in position order, whole groups per tier, counts that run
/// out, tiers without a count, and more tiers than groups.
@Suite("Award tiers")
struct AwardTiersTests {
    static let names = ["一等奖", "二等奖", "三等奖", "四等奖"].map { LocalizedText(zh: $0, en: $0) }

    /// Six teams A–F in position order with rank groups 1, 1, 2, 3, 3, 3; the entries are stored out of order.
    static var board: Board {
        let teams = ["A", "B", "C", "D", "E", "F"]
        let track = LeaderboardInput.TrackSpec(
            id: "t", name: LocalizedText(zh: "t", en: "t"), weight: 1, sets: [.init(id: "s", weight: 1, items: ["i"])])
        let input = LeaderboardInput(
            round: "r", tracks: [track], teams: teams.map { .init(id: $0, name: LocalizedText(zh: $0, en: $0), entered: ["t"]) })
        var board = LeaderboardBuilder(seed: 1, resamples: 5).build(input, generatedAt: Date(timeIntervalSince1970: 0))
            .overall
        let groups = [1, 1, 2, 3, 3, 3]
        board.entries = board.entries.map { entry in
            var e = entry
            let k = teams.firstIndex(of: e.team)!
            (e.position, e.rankGroup) = (k + 1, groups[k])
            return e
        }.reversed()
        return board
    }

    static func count(_ counts: [Int?]) -> [[String]] {
        AwardTiers.assign(board, rule: AwardRule(basis: .count, tiers: zip(names, counts).map { .init(name: $0, count: $1) }))
            .map(\.teams)
    }

    /// By count, each tier takes whole groups while fewer teams than the counts so far are placed.
    @Test(arguments: [
        ([1, 1, 1], [["A", "B"], [], ["C"]]), ([2, 3], [["A", "B"], ["C", "D", "E", "F"]]),
        ([1, 0, 2], [["A", "B"], [], ["C"]]), ([3, 3, 3], [["A", "B", "C"], ["D", "E", "F"], []]),
        ([nil, nil], [[], []]), ([0, 6], [[], ["A", "B", "C", "D", "E", "F"]]),
    ] as [([Int?], [[String]])])
    func countsTakeWholeGroups(counts: [Int?], awarded: [[String]]) {
        #expect(Self.count(counts) == awarded)
    }

    /// By rank group, tier i is group i; tiers past the last group are not listed, groups past the last tier get none.
    @Test func rankGroupsMapToTiers() {
        func byGroup(_ n: Int) -> [[String]] {
            let tiers = Self.names.prefix(n).map { AwardRule.Tier(name: $0, count: nil) }
            return AwardTiers.assign(Self.board, rule: AwardRule(basis: .rankGroup, tiers: tiers)).map(\.teams)
        }
        #expect(byGroup(2) == [["A", "B"], ["C"]])
        #expect(byGroup(4) == [["A", "B"], ["C"], ["D", "E", "F"]])
        let awards = AwardTiers.assign(
            Self.board, rule: AwardRule(basis: .rankGroup, tiers: [.init(name: Self.names[1], count: nil)]))
        #expect(awards.map(\.tier) == [Self.names[1]])
    }
}
