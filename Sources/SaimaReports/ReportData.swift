import Foundation
package import SaimaLeaderboard
package import SaimaBase
package import SaimaModel

/// What the ranking report shows beyond the boards: set difficulty, the items that separate
/// teams best, the failure breakdown and the run's manifest.
package struct ReportData: Sendable {
    package struct SetDifficulty: Sendable {
        package var track: String
        package var set: String
        /// Mean score across the teams that entered the track, 0–100 (low = hard).
        package var meanScore: Double
        package var items: Int
    }

    package struct SeparatingItem: Sendable {
        package var track: String
        package var set: String
        package var item: String
        /// Population standard deviation of the teams' item scores (0–1).
        package var spread: Double
        package var best: String
        package var worst: String
    }

    /// The first failed answer of each (team, failure class), for diagnosis.
    package struct FailureExample: Sendable {
        package var team: String
        package var outcome: Outcome
        package var item: String
        package var httpStatus: Int
        /// The start of the raw response body or the failure detail (untrusted: escaped on output).
        package var excerpt: String
        package init(team: String, outcome: Outcome, item: String, httpStatus: Int, excerpt: String) {
            self.team = team
            self.outcome = outcome
            self.item = item
            self.httpStatus = httpStatus
            self.excerpt = excerpt
        }
    }

    /// Agreement among judges, when the run has human or LLM-judge scores.
    package struct JudgeAgreement: Sendable {
        package var humanJudges: Int
        package var humanAnswers: Int
        package var humanAlpha: Double?
        package var humanMeanSpearman: Double?
        package var disagreements: Int
        /// Answers graded by both the LLM judge and humans.
        package var llmHumanAnswers: Int
        package var llmHumanSpearman: Double?
        /// Krippendorff's alpha with the LLM judge added as one more rater.
        package var llmHumanAlpha: Double?
        package init(humanJudges: Int, humanAnswers: Int, humanAlpha: Double?, humanMeanSpearman: Double?,
                    disagreements: Int, llmHumanAnswers: Int, llmHumanSpearman: Double?, llmHumanAlpha: Double?)
        {
            self.humanJudges = humanJudges
            self.humanAnswers = humanAnswers
            self.humanAlpha = humanAlpha
            self.humanMeanSpearman = humanMeanSpearman
            self.disagreements = disagreements
            self.llmHumanAnswers = llmHumanAnswers
            self.llmHumanSpearman = llmHumanSpearman
            self.llmHumanAlpha = llmHumanAlpha
        }
    }

    package var leaderboard: Leaderboard
    package var agreement: JudgeAgreement?
    package var failureExamples: [FailureExample]
    package var difficulty: [SetDifficulty]
    package var separating: [SeparatingItem]
    package var manifest: JSONValue?
    /// Answers re-read by judges on appeal, latest reading per answer.
    package var appeals: [AppealLine]
    /// Which build of this run's outputs the report is (earlier ones are kept in `history/v<N>/`).
    package var version: Int
    /// The round's award rule, if it has one.
    package var awards: AwardRule?
    /// Team display names by id.
    package var teamNames: [String: LocalizedText]
    /// SHA-256 of the run's full manifest (canonical JSON), printed in the footer.
    package var manifestHash: String?
    /// The fingerprint of the key that signs the run (`RunSigning`), when it is signed.
    package var signingFingerprint: String?
    /// Per item with variants: each variant shown, its answers and mean score (0–1).
    package var variants: [VariantLine] = []
    /// Per team: the model-freeze probe analysis and slow answers (`FreezeProbe`); empty when there is nothing to show.
    package var probes: [(team: String, name: String, probe: FreezeProbe)] = []

    /// One variant of one item.
    package struct VariantLine: Sendable {
        package var item: String
        package var variant: Int
        package var answers: Int
        package var meanScore: Double
        package init(item: String, variant: Int, answers: Int, meanScore: Double) {
            self.item = item
            self.variant = variant
            self.answers = answers
            self.meanScore = meanScore
        }
    }

    package init(leaderboard: Leaderboard, input: LeaderboardInput, manifest: JSONValue?,
                failureExamples: [FailureExample] = [], agreement: JudgeAgreement? = nil, appeals: [AppealLine] = [],
                version: Int = 1, awards: AwardRule? = nil, manifestHash: String? = nil, topItems: Int = 10)
    {
        self.appeals = appeals
        self.version = version
        self.awards = awards
        self.manifestHash = manifestHash
        self.teamNames = Dictionary(input.teams.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        self.leaderboard = leaderboard
        self.agreement = agreement
        self.failureExamples = failureExamples
        self.manifest = manifest
        // Per (item, team) sums in one flat table: items by their number in the answer table (the input's items
        // come first, in order), teams by position in the input.
        let table = input.answers
        let teamIndex = Dictionary(input.teams.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let teamCount = input.teams.count
        let itemCount = table.trackItems.last?.upperBound ?? 0
        var sums = [Double](repeating: 0, count: itemCount * teamCount)
        var counts = [Int](repeating: 0, count: itemCount * teamCount)
        for a in table.rows where Int(a.item) < itemCount {
            sums[Int(a.item) * teamCount + Int(a.team)] += a.score
            counts[Int(a.item) * teamCount + Int(a.team)] += 1
        }
        var difficulty: [SetDifficulty] = []
        var separating: [SeparatingItem] = []
        for (k, track) in input.tracks.enumerated() {
            let teams = input.teams.filter { $0.entered.contains(track.id) }.map(\.id)
            guard !teams.isEmpty else { continue }
            let positions = teams.map { teamIndex[$0]! }
            for (offset, set) in track.sets.enumerated() where !set.items.isEmpty {
                var total = 0.0
                for (i, item) in zip(table.items(track: k, set: offset), set.items) {
                    let values = positions.map { t in
                        counts[i * teamCount + t] > 0 ? sums[i * teamCount + t] / Double(counts[i * teamCount + t]) : 0
                    }
                    total += values.reduce(0, +)
                    let mean = values.reduce(0, +) / Double(values.count)
                    let spread = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
                    if teams.count > 1, spread > 0 {
                        let best = teams[values.indices.max { values[$0] < values[$1] }!]
                        let worst = teams[values.indices.min { values[$0] < values[$1] }!]
                        separating.append(SeparatingItem(
                            track: track.id, set: set.id, item: item, spread: spread, best: best, worst: worst))
                    }
                }
                difficulty.append(SetDifficulty(
                    track: track.id, set: set.id, meanScore: total / Double(set.items.count * teams.count) * 100,
                    items: set.items.count))
            }
        }
        self.difficulty = difficulty
        self.separating = Array(separating.sorted {
            $0.spread != $1.spread ? $0.spread > $1.spread : ($0.track, $0.set, $0.item) < ($1.track, $1.set, $1.item)
        }.prefix(topItems))
    }
}
