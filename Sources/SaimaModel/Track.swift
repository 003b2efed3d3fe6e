/// Which part of the data a question set belongs to.
public enum Split: String, Sendable, Hashable, Codable, CaseIterable {
    /// Public development data, shipped in the repository with answers.
    case dev
    /// The organizers' hidden test data, read only from roots they name.
    case test
}

/// A track: one industry domain with the question sets and datasets of its pilot units.
/// A track id found in several roots is merged into one `Track`.
public struct Track: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var description: LocalizedText
    /// Weight of the track in the overall ranking.
    public var weight: Double
    public var questionSets: [QuestionSet]
    public var datasets: [DatasetDocument]
    /// The track folders this track was merged from, in root order.
    public var directories: [String]

    public init(
        id: String, name: LocalizedText, description: LocalizedText, weight: Double,
        questionSets: [QuestionSet], datasets: [DatasetDocument], directories: [String]
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.weight = weight
        self.questionSets = questionSets
        self.datasets = datasets
        self.directories = directories
    }

    /// The question sets of one split, or all when `split` is nil.
    public func questionSets(split: Split?) -> [QuestionSet] {
        guard let split else { return questionSets }
        return questionSets.filter { $0.split == split }
    }

    /// The dataset with this id.
    public func dataset(_ id: String) -> DatasetDocument? { datasets.first { $0.id == id } }
}

/// A question set supplied by one pilot unit.
public struct QuestionSet: Sendable, Hashable, Identifiable {
    public var id: String
    public var trackID: String
    /// The file as written in `track.yaml`, relative to the track folder.
    public var file: String
    /// The file's path on disk.
    public var path: String
    /// The track folder the set was declared in (attachments resolve against it).
    public var trackDirectory: String
    public var pilotUnit: LocalizedText
    public var split: Split
    /// Weight of the set inside its track.
    public var weight: Double
    public var description: LocalizedText?
    /// Credit for a multi-choice answer that is a non-empty proper subset with no wrong letter.
    public var partialCredit: Double
    /// Where item scores come from (`scoring` in `track.yaml`, default `auto`).
    public var scoring: ScoringMode = .auto
    /// A string planted in hidden sets; a reply containing it suggests training-data leakage.
    public var canary: String?
    /// The set's answers were removed (a contestant bundle of a hidden test set).
    public var answersWithheld: Bool
    /// `min_correct` in `track.yaml`: the fewest correct options of its multi-choice items (default 1, 不定项).
    public var minimumCorrect = 1
    /// `shuffle_choices` in `track.yaml` (default true): each team sees each choice item's choices in its own seeded
    /// order (`ChoiceOrder`); false for sets whose options refer to one another throughout.
    public var shuffleChoices = true
    public var items: ItemList
    /// SHA-256 (hex) over the set's normalized items; see `QuestionSetHasher`.
    public var contentHash: String

    public init(
        id: String, trackID: String, file: String, path: String, trackDirectory: String,
        pilotUnit: LocalizedText, split: Split, weight: Double, description: LocalizedText? = nil,
        partialCredit: Double = 0.5, canary: String? = nil, answersWithheld: Bool = false, items: ItemList,
        contentHash: String
    ) {
        self.id = id
        self.trackID = trackID
        self.file = file
        self.path = path
        self.trackDirectory = trackDirectory
        self.pilotUnit = pilotUnit
        self.split = split
        self.weight = weight
        self.description = description
        self.partialCredit = partialCredit
        self.canary = canary
        self.answersWithheld = answersWithheld
        self.items = items
        self.contentHash = contentHash
    }
}

/// Reference material that items may cite, split into sections by `## <section-id> title` headings.
public struct DatasetDocument: Sendable, Hashable, Identifiable {
    public var id: String
    public var file: String
    public var path: String
    public var description: LocalizedText?
    public var text: String
    /// Section id → section text (heading line included).
    public var sections: [String: String]

    public init(
        id: String, file: String, path: String, description: LocalizedText?, text: String,
        sections: [String: String]
    ) {
        self.id = id
        self.file = file
        self.path = path
        self.description = description
        self.text = text
        self.sections = sections
    }

    /// The cited text: one section, or the whole document when `section` is nil.
    public func text(section: String?) -> String? {
        guard let section else { return text }
        return sections[section]
    }
}
