/// Where a question set's item scores come from.
public enum ScoringMode: Sendable, Hashable {
    /// The item's metric (a rubric item's metric is the LLM judge's verdict).
    case auto
    /// The LLM judge's verdict (0 while not judged).
    case llmJudge
    /// The human judges' combined score (0 while not graded).
    case human
    /// A weighted mean of the sources that have a score for the item, weights renormalized over them.
    case blend(auto: Double, llmJudge: Double, human: Double)

    /// The `scoring` value as written in `track.yaml`.
    public var label: String {
        switch self {
        case .auto: ScoreSource.auto.rawValue
        case .llmJudge: ScoreSource.llmJudge.rawValue
        case .human: ScoreSource.human.rawValue
        case .blend(let a, let l, let h): "blend(auto \(a), llm_judge \(l), human \(h))"
        }
    }

    /// The combined score from the available sources; nil when the mode's source is missing.
    public func combine(auto: Double, llmJudge: Double?, human: Double?) -> Double? {
        switch self {
        case .auto: return auto
        case .llmJudge: return llmJudge
        case .human: return human
        case .blend(let wa, let wl, let wh):
            var total = wa * auto
            var weights = wa
            if let llmJudge { total += wl * llmJudge; weights += wl }
            if let human { total += wh * human; weights += wh }
            return weights > 0 ? total / weights : nil
        }
    }
}

/// Where one score came from: the item's automatic metric, the LLM judge, or the human judges.
public enum ScoreSource: String, Sendable, Hashable, CaseIterable {
    case auto
    case llmJudge = "llm_judge"
    case human
}
