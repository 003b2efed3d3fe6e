/// Faults of Saima's scoring input (never of a contestant's reply); every user-facing message is here.
public enum ScoringError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A metric name that is not registered.
    case unknownMetric(String)
    /// A line that is not valid JSON.
    case invalidJSON(String)
    /// A line that is JSON but not an object.
    case notAnObject
    /// A required field is absent.
    case missingField(String)
    /// A field has the wrong JSON type.
    case wrongType(field: String, expected: String, got: String)
    /// The metric needs something the line does not give.
    case metricNeeds(metric: String, what: String)
    /// The line's item breaks the rules of an item (`ItemFields`), each problem named.
    case invalidItem(String)
    /// Second readings of ids that the corpus part does not hold (filed under the wrong part).
    case misfiledSecondReadings([String])

    public var description: String {
        switch self {
        case .unknownMetric(let name):
            "unknown metric `\(name)` (known: \(MetricRegistry.names.joined(separator: ", ")))"
        case .invalidJSON(let message): message
        case .notAnObject: "a line must be a JSON object"
        case .missingField(let field): "missing field `\(field)`"
        case .wrongType(let field, let expected, let got): "`\(field)` must be \(expected), not \(got)"
        case .metricNeeds(let metric, let what): "metric `\(metric)` needs \(what)"
        case .invalidItem(let problems): "`item`: \(problems)"
        case .misfiledSecondReadings(let ids):
            "second readings of ids this corpus part does not hold: \(ids.prefix(5).joined(separator: ", "))"
                + (ids.count > 5 ? " and \(ids.count - 5) more" : "")
        }
    }
}
