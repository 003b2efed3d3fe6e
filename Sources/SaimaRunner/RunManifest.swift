public import Foundation
public import SaimaBase
public import SaimaModel

/// What a run used, frozen in the run folder before the first request: the content hash of every question set,
/// each team's endpoint settings (key variable names only, never keys), the Saima version, the prompt template
/// version, the seed and the selection; later the heads of the result and appeals chains. A typed `Codable`
/// record, written and read on Saima's JSON stack (`JSONValueCoder`); keys are snake_case as in `manifest.json`.
public struct RunManifest: Sendable, Codable, Equatable {
    public var round: String
    /// `dev`, `test` or `all`.
    public var split: String
    public var samples: Int
    /// The run's seed, written as a decimal string so every UInt64 survives (see `ManifestSeed`).
    public var seedText: ManifestSeed
    public var saimaVersion: String
    public var promptTemplateVersion: String
    /// Nil in manifests written before Saima recorded it.
    public var libcurl: String?
    /// ISO 8601.
    public var createdAt: String
    /// Track ids of the round.
    public var tracks: [String]
    /// The roots the tracks were read from (each track folder's parent, real paths): commands that read the run
    /// later load the same roots. Nil in the public view.
    public var tracksRoots: [String]?
    public var questionSets: [SetEntry]
    public var teams: [TeamEntry]
    /// Award tiers from the round file.
    public var awards: JSONValue?
    /// The result chain's head and row count at the end of the last invocation.
    public var chainHead: String?
    public var chainRows: Int?
    /// The appeals chain's head and row count after the last import of judge readings.
    public var appealsHead: String?
    public var appealsRows: Int?
    /// The human scores' chain head and import count after the last `judges import`.
    public var humanHead: String?
    public var humanImports: Int?
    /// The scheme by which each team's choice orders were drawn from the seed (`ChoiceOrder.scheme`); nil in runs
    /// started before Saima shuffled choices, which show every item in its own order.
    public var choiceOrder: String?
    /// The fingerprint probes sent (count, waves, SHA-256 of their file; the prompts stay secret), if any.
    public var probes: ProbeEntry?
    /// `i/N` when this folder holds one static shard of the round (`ShardSpec`); nil for a whole run.
    public var shard: String?

    /// What the manifest records of a round's fingerprint probes.
    public struct ProbeEntry: Sendable, Codable, Equatable {
        public var count: Int
        public var waves: Int
        public var sha256: String
        public init(count: Int, waves: Int, sha256: String) {
            self.count = count
            self.waves = waves
            self.sha256 = sha256
        }
    }

    /// One question set of the round.
    public struct SetEntry: Sendable, Codable, Equatable {
        public var track: String
        public var set: String
        public var split: String
        /// The organizer's path of the set's file; nil in the public view.
        public var file: String?
        public var items: Int
        public var contentHash: String
        public var weight: Double
        /// Whether the set's choices were shown in each team's own order (nil in older manifests: they were not).
        public var shuffleChoices: Bool?
        /// The items drawn for this round (`fresh_items`), in file order; nil when the round used the whole set.
        public var drawnItems: [String]?

        enum CodingKeys: String, CodingKey {
            case track, set, split, file, items, weight
            case contentHash = "content_hash"
            case shuffleChoices = "shuffle_choices"
            case drawnItems = "drawn_items"
        }
    }

    /// One team of the round.
    public struct TeamEntry: Sendable, Codable, Equatable {
        public var team: String
        public var name: Name
        public var tracks: [String]
        /// Endpoint settings as recorded (URL, model, limits, key variable name); nil in the public view.
        public var endpoint: JSONValue?

        public struct Name: Sendable, Codable, Equatable {
            public var zh: String
            public var en: String
        }
    }

    enum CodingKeys: String, CodingKey {
        case round, split, samples, libcurl, tracks, teams, awards
        case seedText = "seed"
        case saimaVersion = "saima_version"
        case promptTemplateVersion = "prompt_template_version"
        case createdAt = "created_at"
        case tracksRoots = "tracks_roots"
        case questionSets = "question_sets"
        case chainHead = "chain_head"
        case chainRows = "chain_rows"
        case appealsHead = "appeals_head"
        case appealsRows = "appeals_rows"
        case humanHead = "human_head"
        case humanImports = "human_imports"
        case choiceOrder = "choice_order"
        case probes, shard
    }

    public init(round: String, split: Split?, samples: Int, seed: UInt64, tracks: [Track], submissions: [Submission],
                createdAt: Date = Date())
    {
        self.round = round
        self.split = split?.rawValue ?? "all"
        self.samples = samples
        seedText = ManifestSeed(seed)
        saimaVersion = SaimaVersion.current
        promptTemplateVersion = PromptTemplates.version
        libcurl = CurlGlobal.versionText
        self.createdAt = TimeStamp.iso8601(createdAt)
        self.tracks = tracks.map(\.id)
        var roots: [String] = []
        for directory in tracks.flatMap(\.directories) {
            let parent = URL(fileURLWithPath: realPath(directory) ?? directory).deletingLastPathComponent().path
            if !roots.contains(parent) { roots.append(parent) }
        }
        tracksRoots = roots
        questionSets = tracks.flatMap { track in
            track.questionSets(split: split).map { set in
                SetEntry(track: track.id, set: set.id, split: set.split.rawValue, file: set.path, items: set.items.count,
                         contentHash: set.contentHash, weight: set.weight, shuffleChoices: set.shuffleChoices)
            }
        }
        choiceOrder = ChoiceOrder.scheme
        teams = submissions.map { s in
            TeamEntry(team: s.id, name: .init(zh: s.team.zh, en: s.team.en), tracks: s.tracks,
                      endpoint: s.endpoint.manifestJSON)
        }
    }

    /// Reads a manifest as stored; a located `DecodingError` when a field is missing or of the wrong kind.
    public init(json: JSONValue) throws { self = try JSONValueCoder.decode(RunManifest.self, from: json) }

    /// The manifest as stored (`manifest.json`, the database's `meta`), its canonical JSON hashed in reports.
    public var json: JSONValue { (try? JSONValueCoder.encode(self)) ?? .null }

    /// The manifest as published in `leaderboard.json` and the report: without teams' endpoints (URLs, request
    /// settings, key variable names) and without the organizer's file paths (set files, tracks roots). Hashes,
    /// versions, seed and selection stay, so every published number still traces to the run.
    public var publicView: RunManifest {
        var view = self
        view.tracksRoots = nil
        for i in view.teams.indices { view.teams[i].endpoint = nil }
        for i in view.questionSets.indices { view.questionSets[i].file = nil }
        return view
    }

    /// The run's seed; nil when the stored value is not an exact UInt64.
    public var seed: UInt64? { seedText.value }

    /// The split as a `Split` (nil for `all`).
    public var selectedSplit: Split? { Split(rawValue: split) }

    /// Award tiers, when the round file set them.
    public var awardRule: AwardRule? { AwardRule(json: awards) }

    /// The manifest as it stood when the run was planned: without the creation time and the heads and counts that the
    /// run adds later (result chain, appeals, human scores) — what signatures cover and what shards must share.
    public var asPlanned: RunManifest {
        var m = self
        m.createdAt = ""
        m.chainHead = nil
        m.chainRows = nil
        m.appealsHead = nil
        m.appealsRows = nil
        m.humanHead = nil
        m.humanImports = nil
        return m
    }

    /// The seed choice orders are drawn from, when the run shuffles choices at all (nil: every item in its own order).
    public var choiceSeed: UInt64? { choiceOrder == ChoiceOrder.scheme ? seed : nil }

    /// Whether a set's choices are shown in each team's own order in this run.
    public func shufflesChoices(track: String, set: String) -> Bool {
        choiceSeed != nil && questionSets.contains { $0.track == track && $0.set == set && $0.shuffleChoices == true }
    }

    /// How `team` was shown `item` of `track/set` (in sample `sample`) in this run: its variant and choice order.
    public func presentation(team: String, track: String, set: String, item: Item, sample: Int = 0) -> ItemPresentation {
        ItemPresentation.make(item, team: team, track: track, set: set, sample: sample, seed: choiceSeed,
                              shuffle: shufflesChoices(track: track, set: set))
    }

    /// `track/set` → content hash.
    public var setHashes: [String: String] {
        Dictionary(questionSets.map { ("\($0.track)/\($0.set)", $0.contentHash) }, uniquingKeysWith: { a, _ in a })
    }

    /// The sets whose hash in `other` differs from this manifest's (or that this manifest lacks).
    public func changedSets(comparedWith other: RunManifest) -> [String] {
        let mine = setHashes
        return other.setHashes.compactMap { key, hash in mine[key] == hash ? nil : key }.sorted()
    }
}

/// A seed as the manifest records it: a decimal string, so every UInt64 survives (a JSON number is a double and
/// would round seeds above 2^53). Manifests that stored a number are read when it is an exact whole number.
public struct ManifestSeed: Sendable, Codable, Equatable {
    /// Nil when the stored value is not an exact UInt64.
    public var value: UInt64?
    /// The value as stored, for re-writing an unreadable one unchanged.
    var stored: JSONValue

    public init(_ value: UInt64) {
        self.value = value
        stored = .string(String(value))
    }

    public init(from decoder: any Decoder) throws {
        stored = try JSONValue(from: decoder)
        switch stored {
        case .string(let s): value = UInt64(s)
        case .number(let n): value = n >= 0 && n < 9_007_199_254_740_992 && n == n.rounded() ? UInt64(n) : nil
        default: value = nil
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(stored)
    }
}
