/// Where one team's workers take their next item from.
///
/// The runner starts as many workers per team as its `max_concurrency` allows; each calls `next()` until it returns
/// nil. A plan's own list hands its items out once each, in order; a shared run store hands out the items this
/// process has claimed (`SaimaPostgres`), waiting while other processes hold the team's budget.
public protocol WorkSource: Sendable {
    /// The next item to request, or nil when the team has nothing left for this process.
    func next() async throws -> WorkItem?
}
