import Foundation
import SaimaBase

/// Whether a team answers by the items' own letters rather than by their content: a leaked letter key, or a public
/// benchmark's key memorized. Each team sees each choice item's options in its own order (`ChoiceOrder`), so on some
/// items the right answer keeps its letter and on the others it moves. A team that reads the options scores alike on
/// both; one that answers the original letters scores on the kept ones only.
///
/// Definitions: over a team's scored answers to shuffled choice items, `kept` are those whose right answer is shown
/// under its own letter(s), `moved` the others; accuracy is the mean score of each group; the **gap** is accuracy on
/// kept minus accuracy on moved, with a 95% interval by Newcombe's hybrid score method (from the two Wilson score
/// intervals; Newcombe 1998, method 10). A team is **flagged** when each group holds at least `minimumGroup` answers
/// and the interval's lower end exceeds `flagGap`: evidence for the jury, never a disqualification.
package struct MemorizationProbe: Sendable, Hashable {
    /// Answers to shuffled choice items whose answer kept its letter, and the sum of their scores.
    package var kept = 0
    package var keptScore = 0.0
    /// Answers whose answer moved to another letter, and the sum of their scores.
    package var moved = 0
    package var movedScore = 0.0

    /// The fewest answers in each group for a flag.
    package static let minimumGroup = 8
    /// The gap's lower 95% bound must exceed this for a flag (ten points of accuracy).
    package static let flagGap = 0.10

    package init() {}

    mutating func add(moved isMoved: Bool, score: Double) {
        if isMoved {
            moved += 1
            movedScore += score
        } else {
            kept += 1
            keptScore += score
        }
    }

    package var keptAccuracy: Double? { kept == 0 ? nil : keptScore / Double(kept) }
    package var movedAccuracy: Double? { moved == 0 ? nil : movedScore / Double(moved) }

    /// Accuracy on kept minus accuracy on moved, and its 95% interval; nil when a group is empty.
    package var gap: (value: Double, low: Double, high: Double)? {
        guard let p1 = keptAccuracy, let p2 = movedAccuracy else { return nil }
        let (l1, u1) = wilsonInterval(p1, n: kept)
        let (l2, u2) = wilsonInterval(p2, n: moved)
        let d = p1 - p2
        let low = d - ((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2)).squareRoot()
        let high = d + ((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2)).squareRoot()
        return (d, max(-1, low), min(1, high))
    }

    /// Evidence that the team answers by letter: enough answers in each group and a gap surely above `flagGap`.
    package var flagged: Bool {
        guard kept >= Self.minimumGroup, moved >= Self.minimumGroup, let g = gap else { return false }
        return g.low > Self.flagGap
    }
}
