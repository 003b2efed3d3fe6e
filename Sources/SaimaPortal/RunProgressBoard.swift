import Foundation
package import SaimaRunner
import Synchronization

/// Live progress of the runs in this server process, per run and team: requests to make, made, failed. Read by the
/// run pages and their server-sent events; written by the runner's events.
package final class RunProgressBoard: Sendable {
    /// One team's progress in one run.
    package typealias Counts = TeamProgress

    let state = Mutex<[String: [String: Counts]]>([:])

    package init() {}

    /// Sets the work of a run's teams (still to do plus already done, for a resumed run).
    package func expect(run: String, plans: [TeamPlan]) {
        state.withLock { s in s[run, default: [:]].merge(TeamProgress.expecting(plans)) { _, new in new } }
    }

    /// Counts one runner event.
    package func record(run: String, _ event: RunEvent) {
        state.withLock { s in
            guard var teams = s[run] else { return }
            TeamProgress.record(event, in: &teams)
            s[run] = teams
        }
    }

    /// A run's counts by team (empty when the run is not running in this process).
    package func counts(run: String) -> [String: Counts] { state.withLock { $0[run] ?? [:] } }

    /// Forgets a finished run.
    package func clear(run: String) { _ = state.withLock { $0.removeValue(forKey: run) } }
}
