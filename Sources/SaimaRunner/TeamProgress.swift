import SaimaModel

/// One team's progress through a run, counted from the runner's events: what the command line's live table and the
/// portal's run pages both show. Definitions: `total` is the team's requests of the run (those done in an earlier
/// invocation included); `done` those with a final outcome, `failed` those among them whose outcome is not `ok`;
/// `doneThisInvocation` what this process finished (its request rate); `limitChanges` adaptive in-flight limit moves.
public struct TeamProgress: Sendable, Hashable, Codable {
    public var total: Int
    public var done: Int
    public var failed = 0
    public var doneThisInvocation = 0
    public var limitChanges = 0

    public init(total: Int, done: Int) {
        self.total = total
        self.done = done
    }

    /// Every team of `plans`, with its work still to do and already done.
    public static func expecting(_ plans: [TeamPlan]) -> [String: TeamProgress] {
        var out: [String: TeamProgress] = [:]
        for p in plans { out[p.submission.id] = TeamProgress(total: p.work.count + p.alreadyDone, done: p.alreadyDone) }
        return out
    }

    /// Counts `event` in its team's progress (events of teams not in `teams`, and log lines, change nothing).
    public static func record(_ event: RunEvent, in teams: inout [String: TeamProgress]) {
        switch event {
        case .finished(let team, let outcome, _):
            teams[team]?.done += 1
            teams[team]?.doneThisInvocation += 1
            if outcome != .ok { teams[team]?.failed += 1 }
        case .limitChanged(let team, _):
            teams[team]?.limitChanges += 1
        case .log:
            break
        }
    }
}
