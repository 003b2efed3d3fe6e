import Foundation
import SaimaModel
import SaimaReports
package import SaimaStorage

/// The table printed after a run: per team, the items stored, how many succeeded, each failure class, and the
/// median and 95th-percentile latency of the successful requests.
package enum RunOutcomeTable {
    /// Per-team outcome counts of everything stored in the run; a database that cannot be read throws (an empty
    /// table would read as a run that stored nothing).
    package static func render(store: RunStore) throws -> String {
        var byTeam: [String: [Outcome: Int]] = [:]
        var latencies: [String: [Double]] = [:]
        try store.forEachOutcome { team, outcome, latency in
            byTeam[team, default: [:]][outcome, default: 0] += 1
            if outcome == .ok { latencies[team, default: []].append(latency) }
        }
        let failureClasses = Outcome.allCases.filter { $0 != .ok }
        var table = TerminalTable(
            headers: ["team 队伍", "items 题数", "ok 成功"] + failureClasses.map(\.rawValue) + ["p50 ms", "p95 ms"],
            alignments: [.left] + Array(repeating: .right, count: failureClasses.count + 4))
        for team in byTeam.keys.sorted() {
            let counts = byTeam[team]!
            let sorted = (latencies[team] ?? []).sorted()
            table.append(
                [team, "\(counts.values.reduce(0, +))", "\(counts[.ok] ?? 0)"]
                    + failureClasses.map { "\(counts[$0] ?? 0)" } + [Format.latencyPercentile(sorted, 0.5), Format.latencyPercentile(sorted, 0.95)])
        }
        return table.render()
    }
}
