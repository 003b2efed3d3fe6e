import SaimaLeaderboard
import Testing

/// Per-set boards: mean item score × 100 for every entered team, an interval from the set's own generator (board
/// seed + position × 0x9E3779B97F4A7C15, positions counted over non-empty sets from 1), pending answers per team,
/// and empty sets left out. Expected values computed in Python from these definitions.
@Suite("Set scores: the pilot units' view")
struct SetScoresTests {
    /// Exact scores, intervals, item counts and pilot units of every non-empty set, teams in input order.
    @Test func everyNonEmptySetHasExactScoresAndIntervals() {
        let sets = BootstrapRound.board.sets
        #expect(sets.map { "\($0.track)/\($0.set)" } == ["t1/s1", "t1/s2", "t2/s"])
        #expect(sets.map(\.items) == [4, 2, 3])
        #expect(sets.map(\.pilotUnit) == [BootstrapRound.bank, nil, nil])
        #expect(sets.map { $0.entries.map(\.team) } == [["A", "B", "C"], ["A", "B", "C"], ["A", "B"]])
        let expected: [[(Double, (Double, Double))]] = [
            [(75, (25, 100)), (50, (0, 100)), (0, (0, 0))],
            [(100, (100, 100)), (50, (0, 100)), (25, (0, 50))],
            [(100.0 / 3, (0, 66.66666666666667)), (100, (100, 100))],
        ]
        for (board, rows) in zip(sets, expected) {
            for (entry, (score, interval)) in zip(board.entries, rows) {
                #expect(near(entry.score, score) && near(entry.ci95, interval), "\(board.set) \(entry.team)")
            }
        }
    }

    /// A pending answer counts on its team's set; the board is then provisional.
    @Test func pendingAnswersAreCountedPerTeamAndSet() {
        let board = BootstrapRound.board
        #expect(board.sets[0].entries.map(\.pending) == [0, 1, 0])
        #expect(board.sets.dropFirst().allSatisfy { $0.entries.allSatisfy { $0.pending == 0 } })
        #expect(board.pending == ["B": ["t1/s1": 1]])
        #expect(!board.isFinal)
    }
}
