public import SaimaModel

/// What the runner reports while it works (to the progress display and logs).
public enum RunEvent: Sendable {
    /// A request reached its final outcome and was queued for storage.
    case finished(team: String, outcome: Outcome, latencyMs: Double)
    /// A notable change, e.g. an adaptive limit moving (the line names the team).
    case log(String)
    /// A team's adaptive in-flight limit moved (counted in the live table; the line goes to the run log).
    case limitChanged(team: String, line: String)
}

/// Per-team totals at the end of a run invocation.
public struct RunSummary: Sendable {
    public var outcomes: [String: [Outcome: Int]]
    public var requests: Int
    public var attempts: Int
    public var seconds: Double
    public var chainHead: String
}
