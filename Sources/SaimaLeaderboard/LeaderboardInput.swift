public import SaimaModel

/// Everything the aggregation needs, independent of storage: the round's tracks and sets with
/// their weights and item ids, the teams, and one record per scored answer.
public struct LeaderboardInput: Sendable {
    public struct SetSpec: Sendable {
        public var id: String
        public var weight: Double
        public var items: [String]
        /// The pilot unit that supplied the set.
        public var pilotUnit: LocalizedText?
        public init(id: String, weight: Double, items: [String], pilotUnit: LocalizedText? = nil) {
            self.id = id
            self.weight = weight
            self.items = items
            self.pilotUnit = pilotUnit
        }
    }

    public struct TrackSpec: Sendable {
        public var id: String
        public var name: LocalizedText
        public var weight: Double
        public var sets: [SetSpec]
        public init(id: String, name: LocalizedText, weight: Double, sets: [SetSpec]) {
            self.id = id
            self.name = name
            self.weight = weight
            self.sets = sets
        }
    }

    public struct TeamSpec: Sendable {
        public var id: String
        public var name: LocalizedText
        /// Track ids the team entered.
        public var entered: Set<String>
        public init(id: String, name: LocalizedText, entered: Set<String>) {
            self.id = id
            self.name = name
            self.entered = entered
        }
    }

    /// One scored answer (one sample of one item).
    public struct Answer: Sendable {
        public var team: String
        public var track: String
        public var set: String
        public var item: String
        public var sample: Int
        /// In [0, 1]; 0 for failures and unextractable answers.
        public var score: Double
        public var outcome: Outcome
        public var unextractable: Bool
        public var latencyMs: Double
        public var tokens: Int
        /// Per-source scores (`auto`, `llm_judge`, `human`) when known, for the per-source columns.
        public var sources = SourceValues()
        /// The extraction rule that read the answer and its strength (`strong`, `inferred`, `weak`), when the
        /// item's metric extracts one.
        public var rule: String?
        public var ruleStrength: String?
        /// The answer waits for a judge (LLM or human); it counts 0 until judged.
        public var pending = false
        public init(team: String, track: String, set: String, item: String, sample: Int, score: Double, outcome: Outcome,
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

    public var round: String
    public var tracks: [TrackSpec]
    public var teams: [TeamSpec]
    public var answers: [Answer]

    public init(round: String, tracks: [TrackSpec], teams: [TeamSpec], answers: [Answer]) {
        self.round = round
        self.tracks = tracks
        self.teams = teams
        self.answers = answers
    }
}

/// A score from each scoring source, when it has one (three optionals, not a dictionary: a round holds one per
/// answer).
public struct SourceValues: Sendable, Hashable {
    public var auto: Double?
    public var llmJudge: Double?
    public var human: Double?

    public init(auto: Double? = nil, llmJudge: Double? = nil, human: Double? = nil) {
        self.auto = auto
        self.llmJudge = llmJudge
        self.human = human
    }

    public subscript(source: ScoreSource) -> Double? {
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
    public var present: [(source: ScoreSource, value: Double)] {
        ScoreSource.allCases.compactMap { s in self[s].map { (s, $0) } }
    }
}
