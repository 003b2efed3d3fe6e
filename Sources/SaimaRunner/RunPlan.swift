import SaimaModel
import SaimaStorage

/// One request to make: a team, an item of a question set, and the sample number.
public struct WorkItem: Sendable {
    public var key: ResultKey
    public var item: Item
    public var builder: ChatRequestBuilder

    public init(key: ResultKey, item: Item, builder: ChatRequestBuilder) {
        self.key = key
        self.item = item
        self.builder = builder
    }
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
                for set in track.questionSets(split: split) {
                    for item in set.items {
                        for sample in 0..<max(1, samples) {
                            let key = ResultKey(
                                team: submission.id, track: track.id, set: set.id, item: item.id, sample: sample)
                            if let outcome = existing[key], outcome == .ok || !retryFailed {
                                done += 1
                                continue
                            }
                            work.append(WorkItem(key: key, item: item, builder: builder))
                        }
                    }
                }
            }
            return TeamPlan(submission: submission, work: work, alreadyDone: done)
        }
    }
}
