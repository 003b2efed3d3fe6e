public import SaimaModel

/// One request to make: a team, an item of a question set, and the sample number.
///
/// The item is referenced by position in its track (not copied), so that a plan of 100,000
/// requests stays a few megabytes.
public struct WorkItem: Sendable {
    public var key: ResultKey
    public var builder: ChatRequestBuilder
    public var setIndex: Int
    public var itemIndex: Int

    public init(key: ResultKey, builder: ChatRequestBuilder, setIndex: Int, itemIndex: Int) {
        self.key = key
        self.builder = builder
        self.setIndex = setIndex
        self.itemIndex = itemIndex
    }

    /// The item to ask.
    public var item: Item { builder.track.questionSets[setIndex].items[itemIndex] }
}

/// Everything one team must answer in a run.
public struct TeamPlan: Sendable {
    public var submission: Submission
    public var work: [WorkItem]
    /// Requests of this team already finished in an earlier invocation of the same run.
    public var alreadyDone: Int

    public init(submission: Submission, work: [WorkItem], alreadyDone: Int = 0) {
        self.submission = submission
        self.work = work
        self.alreadyDone = alreadyDone
    }
}

/// Decides which requests a run makes.
public enum RunPlanner {
    /// Every (team, entered track, question set of `split`, item, sample), minus what `existing`
    /// shows as finished: `ok` results always, failed ones unless `retryFailed`.
    public static func plan(
        registry: [Track], submissions: [Submission], trackFilter: Set<String>?, split: Split?, samples: Int,
        existing: [ResultKey: Outcome], retryFailed: Bool
    ) -> [TeamPlan] {
        submissions.map { submission in
            var work: [WorkItem] = []
            var done = 0
            for track in registry where submission.tracks.contains(track.id) {
                if let trackFilter, !trackFilter.contains(track.id) { continue }
                let builder = ChatRequestBuilder(track: track)
                for (setIndex, set) in track.questionSets.enumerated() {
                    if let split, set.split != split { continue }
                    for (itemIndex, item) in set.items.enumerated() {
                        for sample in 0..<max(1, samples) {
                            let key = ResultKey(
                                team: submission.id, track: track.id, set: set.id, item: item.id, sample: sample)
                            if let outcome = existing[key], outcome == .ok || !retryFailed {
                                done += 1
                                continue
                            }
                            work.append(WorkItem(key: key, builder: builder, setIndex: setIndex, itemIndex: itemIndex))
                        }
                    }
                }
            }
            return TeamPlan(submission: submission, work: work, alreadyDone: done)
        }
    }
}
