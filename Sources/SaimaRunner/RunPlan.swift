public import SaimaModel

/// One request to make: a team, an item of a question set, and the sample number.
///
/// The item is referenced by position in its track (not copied), and the team and track through one object
/// shared by all of a team's requests on that track: a request is 24 bytes, so a plan of 100,000 requests is
/// 2.4 MB (it was 96 bytes a request with the result key's five fields stored in each).
public struct WorkItem: Sendable {
    /// The team and the track's request builder, shared by the team's requests on the track.
    final class Context: Sendable {
        let team: String
        let builder: ChatRequestBuilder
        /// The seed of the team's choice orders, and the indexes of the track's sets that shuffle (`ChoiceOrder`).
        let choiceSeed: UInt64?
        let shuffledSets: Set<Int>
        init(team: String, builder: ChatRequestBuilder, choiceSeed: UInt64? = nil, shuffledSets: Set<Int> = []) {
            self.team = team
            self.builder = builder
            self.choiceSeed = choiceSeed
            self.shuffledSets = shuffledSets
        }
    }

    private let context: Context
    private let set: Int32
    private let index: Int32
    private let sampleNumber: Int32

    init(context: Context, setIndex: Int, itemIndex: Int, sample: Int) {
        self.context = context
        set = Int32(clamping: setIndex)
        index = Int32(clamping: itemIndex)
        sampleNumber = Int32(clamping: sample)
    }

    public var builder: ChatRequestBuilder { context.builder }
    public var setIndex: Int { Int(set) }
    public var itemIndex: Int { Int(index) }

    /// The result's key: team, track, set, item and sample.
    public var key: ResultKey {
        let set = context.builder.track.questionSets[setIndex]
        return ResultKey(
            team: context.team, track: context.builder.track.id, set: set.id, item: set.items.id(at: itemIndex),
            sample: Int(sampleNumber))
    }

    /// The item to ask, as this team sees it (its variant, its choices in the team's order: `ItemPresentation`).
    /// Throws when the item cannot be read back (`ItemList`).
    public func item() throws(ItemReadError) -> Item {
        let set = builder.track.questionSets[setIndex]
        let item = try set.items.item(at: itemIndex)
        guard let seed = context.choiceSeed else { return item }
        return ItemPresentation.make(
            item, team: context.team, track: builder.track.id, set: set.id, sample: Int(sampleNumber), seed: seed,
            shuffle: context.shuffledSets.contains(setIndex)
        ).shown
    }
}

/// Everything one team must answer in a run.
public struct TeamPlan: Sendable {
    public var submission: Submission
    public var work: [WorkItem]
    /// Requests of this team already finished in an earlier invocation of the same run.
    public var alreadyDone: Int
    /// Where the team's workers take their items from; nil: `work`, in order, each once (a shared run store's
    /// claims set it: `work` is then the items the claims may name).
    public var source: (any WorkSource)?

    public init(submission: Submission, work: [WorkItem], alreadyDone: Int = 0) {
        self.submission = submission
        self.work = work
        self.alreadyDone = alreadyDone
    }
}

/// Decides which requests a run makes.
public enum RunPlanner {
    /// Every (team, entered track, question set of `split`, item, sample), minus what `existing`
    /// shows as finished: `ok` results always, failed ones unless `retryFailed`. With the run's frozen `manifest`,
    /// each team is shown the choices of the sets that shuffle in its own order (`RunManifest.choiceOrder`).
    public static func plan(
        registry: [Track], submissions: [Submission], trackFilter: Set<String>?, split: Split?, samples: Int,
        existing: [ResultKey: Outcome], retryFailed: Bool, manifest: RunManifest? = nil, probes: FingerprintProbes? = nil,
        shard: ShardSpec? = nil
    ) -> [TeamPlan] {
        // A shard asks only its own questions, and only the first shard sends the fingerprint probes.
        let probes = shard.map { $0.index == 1 } ?? true ? probes : nil
        let probeBuilder = probes.map { ChatRequestBuilder(track: $0.track) }
        return submissions.map { submission in
            var work: [WorkItem] = []
            // Room for every request up front: growing by doubling would hold two copies at once.
            let items = registry.reduce(0) { total, track in
                guard submission.tracks.contains(track.id), trackFilter?.contains(track.id) ?? true else { return total }
                return total + track.questionSets.reduce(0) { $0 + (split == nil || $1.split == split ? $1.items.count : 0) }
            }
            let (requests, overflow) = items.multipliedReportingOverflow(by: max(1, samples))
            work.reserveCapacity(overflow ? 0 : requests)
            var done = 0
            for track in registry where submission.tracks.contains(track.id) {
                if let trackFilter, !trackFilter.contains(track.id) { continue }
                // Choice orders as the frozen manifest records them (none without one, or for runs begun before them).
                let shuffled = Set(track.questionSets.indices.filter { i in
                    manifest?.shufflesChoices(track: track.id, set: track.questionSets[i].id) == true
                })
                let context = WorkItem.Context(
                    team: submission.id, builder: ChatRequestBuilder(track: track), choiceSeed: manifest?.choiceSeed,
                    shuffledSets: shuffled)
                for (setIndex, set) in track.questionSets.enumerated() {
                    if let split, set.split != split { continue }
                    for (itemIndex, itemID) in set.items.ids.enumerated() {
                        for sample in 0..<max(1, samples) {
                            let key = ResultKey(
                                team: submission.id, track: track.id, set: set.id, item: itemID, sample: sample)
                            if let shard, !shard.contains(key) { continue }
                            if let outcome = existing[key], outcome == .ok || !retryFailed {
                                done += 1
                                continue
                            }
                            work.append(
                                WorkItem(context: context, setIndex: setIndex, itemIndex: itemIndex, sample: sample))
                        }
                    }
                }
            }
            // Fingerprint probes: each wave as one group among the team's requests, the last after all of them.
            if let probes, let probeBuilder {
                let context = WorkItem.Context(team: submission.id, builder: probeBuilder)
                let positions = FingerprintProbes.positions(waves: probes.waves, count: work.count)
                for wave in (0..<probes.waves).reversed() {
                    let group = probes.items.indices.compactMap { i -> WorkItem? in
                        let key = ResultKey(team: submission.id, track: FingerprintProbes.trackID, set: FingerprintProbes.setID,
                                            item: probes.items[i].id, sample: wave)
                        if let outcome = existing[key], outcome == .ok || !retryFailed { return nil }
                        return WorkItem(context: context, setIndex: 0, itemIndex: i, sample: wave)
                    }
                    work.insert(contentsOf: group, at: min(positions[wave], work.count))
                }
            }
            return TeamPlan(submission: submission, work: work, alreadyDone: done)
        }
    }
}
