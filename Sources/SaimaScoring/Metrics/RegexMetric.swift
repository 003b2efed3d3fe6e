import Foundation
import SaimaBase
public import SaimaModel

/// `regex`: 1 when the reply, with leading and trailing whitespace removed, fully matches the pattern in the
/// item's `pattern` field (ICU syntax via `NSRegularExpression`, anchored as `\A(?:pattern)\z`), else 0.
/// A missing or invalid pattern makes the item unscorable (score 0, says so).
public struct RegexMetric: Metric {
    public let name = "regex"
    public let version = 1
    public let summary = "the trimmed reply fully matches the item's `pattern`"

    public init() {}

    public func score(item: Item, response: String, context: MetricContext) -> MetricResult {
        guard let pattern = item.raw["pattern"]?.stringValue else { return .unscorable("no pattern") }
        guard let regex = try? NSRegularExpression(pattern: "\\A(?:" + pattern + ")\\z") else {
            return .unscorable("invalid pattern")
        }
        let reply = response.trimmingWhitespace
        let matched = regex.firstMatch(in: reply, range: NSRange(reply.startIndex..., in: reply)) != nil
        return MetricResult(score: matched ? 1 : 0, reason: matched ? "match" : "no match", extracted: reply)
    }

    public var examples: [MetricExample] {
        func item(_ pattern: String) -> Item {
            Item(
                id: "r", type: .shortAnswer, prompt: "", answer: .texts(["-"]),
                raw: .object(["pattern": .string(pattern)]))
        }
        return [
            MetricExample(item: item("\\d{4}年\\d{1,2}月\\d{1,2}日"), response: " 2024年5月18日\n", expected: 1),
            MetricExample(item: item("\\d{4}年\\d{1,2}月\\d{1,2}日"), response: "2024年5月18日播出", expected: 0),
            MetricExample(item: item("a|ab"), response: "ab", expected: 1),
            MetricExample(item: item("("), response: "(", expected: 0),
        ]
    }
}
