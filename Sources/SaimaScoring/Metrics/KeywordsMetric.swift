import SaimaBase
public import SaimaModel

/// `keywords`: the fraction of the item's required key points present in the reply.
///
/// `item.keywords` lists key points; each is a list of alternatives. A point is present when the
/// `TextNormalizer.matchingForm` of any non-empty alternative is a substring of the reply's matching form.
/// Score = present points / all points. An item without key points is not scorable (score 0, says so).
/// No external reference implementation; the examples pin the behaviour.
public struct KeywordsMetric: Metric {
    public let name = "keywords"
    public let version = 1
    public let summary = "fraction of required key points (any alternative) found in the normalized reply"

    public init() {}

    public func score(item: Item, response: String, context: MetricContext) -> MetricResult {
        guard !item.keywords.isEmpty else { return .unscorable("no keywords") }
        let reply = TextNormalizer.matchingForm(response)
        var missing: [String] = []
        for point in item.keywords {
            let present = point.contains { alternative in
                let form = TextNormalizer.matchingForm(alternative)
                return !form.isEmpty && ScalarSearch.contains(reply, form)
            }
            if !present { missing.append(point.first ?? "") }
        }
        let found = item.keywords.count - missing.count
        let reason =
            "\(found)/\(item.keywords.count) key points"
            + (missing.isEmpty ? "" : "; missing: " + missing.joined(separator: ", "))
        return MetricResult(score: Double(found) / Double(item.keywords.count), reason: reason)
    }

    public var examples: [MetricExample] {
        let item = Item(
            id: "k", type: .generation, prompt: "", answer: .texts(["…"]),
            keywords: [["动作", "动词"], ["神态", "表情"], ["细节"]])
        return [
            MetricExample(item: item, response: "抓住人物的动词和表情，写好细节。", expected: 1),
            MetricExample(item: item, response: "多写细节", expected: 1.0 / 3),
            MetricExample(item: item, response: "", expected: 0),
        ]
    }
}
