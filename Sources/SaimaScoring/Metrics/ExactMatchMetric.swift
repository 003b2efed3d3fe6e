import SaimaBase
public import SaimaModel

/// `exact`: 1 when the reply, with leading and trailing whitespace removed, equals one of the item's
/// reference texts (`Item.referenceTexts`: accepted answers; letters, `true`/`false` or the number as JSON
/// writes it for other answer kinds), else 0. Strings compare as Swift strings (Unicode canonical equivalence);
/// nothing else is normalized. Agrees with `prediction.strip() in references` in Python for NFC text.
public struct ExactMatchMetric: Metric {
    public let name = "exact"
    public let version = 1
    public let summary = "the trimmed reply equals an accepted answer exactly"

    public init() {}

    public func score(item: Item, response: String, context: MetricContext) -> MetricResult {
        let reply = response.trimmingWhitespace
        let refs = item.referenceTexts
        guard !refs.isEmpty else { return .unscorable("no reference") }
        return refs.contains(reply)
            ? MetricResult(score: 1, reason: "match", extracted: reply)
            : MetricResult(score: 0, reason: "no match", extracted: reply)
    }

    public var examples: [MetricExample] {
        [
            MetricExample(references: ["R5"], response: " R5\n", expected: 1),
            MetricExample(references: ["R5", "R5级"], response: "R5级", expected: 1),
            MetricExample(references: ["R5"], response: "r5", expected: 0),
            MetricExample(references: ["西游记"], response: "《西游记》", expected: 0),
        ]
    }
}

extension String {
    /// The string without leading and trailing whitespace (Unicode White_Space).
    var trimmingWhitespace: String {
        let scalars = Array(unicodeScalars)
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars: scalars[first...last])
    }
}
