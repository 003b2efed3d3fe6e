package import SaimaBase
package import SaimaModel
import SaimaScoring

/// A validated pointwise verdict.
package struct JudgeVerdict: Sendable, Hashable {
    package var points: [String: Double]
    package var justifications: [String: String]
    package var comment: String
    /// Σ points / Σ maximum points, in [0, 1].
    package var score: Double

    /// Reads and validates the judge's reply against the rubric; the error says what was wrong.
    package static func parse(_ reply: String, rubric: Rubric) -> Result<JudgeVerdict, VerdictError> {
        guard let object = JSONObjectExtractor.firstObject(in: reply) else { return .failure(.init("no JSON object in the reply")) }
        guard let criteria = object["criteria"]?.arrayValue else { return .failure(.init("missing `criteria` list")) }
        var points: [String: Double] = [:]
        var justifications: [String: String] = [:]
        for entry in criteria {
            guard let id = entry["id"]?.stringValue else { return .failure(.init("a criterion without `id`")) }
            guard let rule = rubric.criteria.first(where: { $0.id == id }) else {
                return .failure(.init("unknown criterion `\(id)`"))
            }
            guard points[id] == nil else { return .failure(.init("criterion `\(id)` graded twice")) }
            guard let p = entry["points"]?.numberValue, p >= 0, p <= rule.points else {
                return .failure(.init("points of `\(id)` must be a number from 0 to \(JSONValue.format(number: rule.points))"))
            }
            points[id] = p
            justifications[id] = entry["justification"]?.stringValue ?? ""
        }
        let missing = rubric.criteria.map(\.id).filter { points[$0] == nil }
        if !missing.isEmpty { return .failure(.init("criteria not graded: \(missing.joined(separator: ", "))")) }
        let total = points.values.reduce(0, +)
        return .success(JudgeVerdict(
            points: points, justifications: justifications, comment: object["comment"]?.stringValue ?? "",
            score: rubric.maxPoints > 0 ? total / rubric.maxPoints : 0))
    }

    /// As stored with the verdict.
    package var json: JSONValue {
        .object([
            "points": .object(points.mapValues { .number($0) }),
            "justifications": .object(justifications.mapValues { .string($0) }),
            "comment": .string(comment), "score": .number(score),
        ])
    }
}

/// Why a verdict was rejected.
package struct VerdictError: Error, Sendable, Hashable {
    package var message: String
    package init(_ message: String) { self.message = message }
}
