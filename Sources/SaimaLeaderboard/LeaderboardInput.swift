package import SaimaModel

/// Everything the aggregation needs, independent of storage: the round's tracks and sets with
/// their weights and item ids, the teams, and one record per scored answer.
package struct LeaderboardInput: Sendable {
    package struct SetSpec: Sendable {
        package var id: String
        package var weight: Double
        package var items: [String]
        /// The pilot unit that supplied the set.
        package var pilotUnit: LocalizedText?
        package init(id: String, weight: Double, items: [String], pilotUnit: LocalizedText? = nil) {
            self.id = id
            self.weight = weight
            self.items = items
            self.pilotUnit = pilotUnit
        }
    }

    package struct TrackSpec: Sendable {
        package var id: String
        package var name: LocalizedText
        package var weight: Double
        package var sets: [SetSpec]
        package init(id: String, name: LocalizedText, weight: Double, sets: [SetSpec]) {
            self.id = id
            self.name = name
            self.weight = weight
            self.sets = sets
        }
    }

    package struct TeamSpec: Sendable {
        package var id: String
        package var name: LocalizedText
        /// Track ids the team entered.
        package var entered: Set<String>
        package init(id: String, name: LocalizedText, entered: Set<String>) {
            self.id = id
            self.name = name
            self.entered = entered
        }
    }

    /// One scored answer (one sample of one item).
    package struct Answer: Sendable {
        package var team: String
        package var track: String
        package var set: String
        package var item: String
        package var sample: Int
        /// In [0, 1]; 0 for failures and unextractable answers.
        package var score: Double
        package var outcome: Outcome
        package var unextractable: Bool
        package var latencyMs: Double
        package var tokens: Int
        /// Per-source scores (`auto`, `llm_judge`, `human`) when known, for the per-source columns.
        package var sources = SourceValues()
        /// The extraction rule that read the answer and its strength (`strong`, `inferred`, `weak`), when the
        /// item's metric extracts one.
        package var rule: String?
        package var ruleStrength: String?
        /// The answer waits for a judge (LLM or human); it counts 0 until judged.
        package var pending = false
        /// For a choice item shown in a shuffled order: whether its right answer moved to another letter.
        package var answerMoved: Bool?
        /// For an item with variants: whether the team was shown the item as written rather than a paraphrase.
        package var asWritten: Bool?
        package init(team: String, track: String, set: String, item: String, sample: Int, score: Double, outcome: Outcome,
                    unextractable: Bool, latencyMs: Double, tokens: Int)
        {
            self.team = team
            self.track = track
            self.set = set
            self.item = item
            self.sample = sample
            self.score = score
            self.outcome = outcome
            self.unextractable = unextractable
            self.latencyMs = latencyMs
            self.tokens = tokens
        }
    }

    package var round: String
    /// Per team and track: agreement of the team's answers across the orders of the same item.
    package private(set) var robustness: [String: [String: PermutationRobustness]] = [:]
    package let tracks: [TrackSpec]
    package let teams: [TeamSpec]
    /// The scored answers, as compact rows numbered against `tracks` and `teams`.
    package private(set) var answers: AnswerTable

    /// Records one item a team answered in several orders, and whether its readings agreed.
    package mutating func recordRobustness(team: String, track: String, agree: Bool) {
        robustness[team, default: [:]][track, default: PermutationRobustness()].add(agree: agree)
    }

    package init(round: String, tracks: [TrackSpec], teams: [TeamSpec], answers: [Answer] = []) {
        self.round = round
        self.tracks = tracks
        self.teams = teams
        self.answers = AnswerTable(tracks: tracks, teams: teams)
        self.answers.reserveCapacity(answers.count)
        for a in answers { self.answers.append(a) }
    }

    /// Positions in `teams` of the teams that entered the track at position `track`.
    package func entered(track k: Int) -> [Int] { teams.indices.filter { teams[$0].entered.contains(tracks[k].id) } }

    /// Adds one scored answer.
    package mutating func append(_ answer: Answer) { answers.append(answer) }

    package mutating func reserveCapacity(_ n: Int) { answers.reserveCapacity(n) }
}

/// A score from each scoring source, when it has one (three optionals, not a dictionary: a round holds one per
/// answer).
package struct SourceValues: Sendable, Hashable {
    package var auto: Double?
    package var llmJudge: Double?
    package var human: Double?

    package init(auto: Double? = nil, llmJudge: Double? = nil, human: Double? = nil) {
        self.auto = auto
        self.llmJudge = llmJudge
        self.human = human
    }

    package subscript(source: ScoreSource) -> Double? {
        get {
            switch source {
            case .auto: auto
            case .llmJudge: llmJudge
            case .human: human
            }
        }
        set {
            switch source {
            case .auto: auto = newValue
            case .llmJudge: llmJudge = newValue
            case .human: human = newValue
            }
        }
    }

    /// The sources that have a score, in `ScoreSource` order.
    package var present: [(source: ScoreSource, value: Double)] {
        ScoreSource.allCases.compactMap { s in self[s].map { (s, $0) } }
    }
}
