import Foundation
package import SaimaBase
import SaimaModel
/// Flat records of a run's current results, for `saima export`.
package enum ResultExport {
    /// The exported columns, in order.
    package static let columns = [
        "team", "track", "set", "item", "sample", "outcome", "attempts", "http_status", "latency_ms", "ttft_ms",
        "content", "extracted", "rule", "confidence", "score", "reason", "choice_order",
    ]

    package static func records(store: RunStore) throws -> [JSONValue] {
        let scores = try store.currentScores()
        return try store.currentResults().map { r in
            let score = scores[r.key]
            return .object([
                "team": .string(r.key.team), "track": .string(r.key.track), "set": .string(r.key.set),
                "item": .string(r.key.item), "sample": .number(Double(r.key.sample)),
                "outcome": .string(r.outcome.rawValue), "attempts": .number(Double(r.attempts.count)),
                "http_status": .number(Double(r.httpStatus)), "latency_ms": .number((r.latencyMs * 10).rounded() / 10),
                "ttft_ms": r.ttftMs.map { .number(($0 * 10).rounded() / 10) } ?? .null,
                "content": r.content.map(JSONValue.string) ?? .null,
                "extracted": score?.extracted.map(JSONValue.string) ?? .null,
                "rule": score?.rule.map(JSONValue.string) ?? .null,
                "confidence": score?.confidence.map(JSONValue.string) ?? .null,
                "score": score.map { .number($0.score) } ?? .null,
                "reason": score.map { .string($0.reason) } ?? .null,
                "choice_order": score?.choiceOrder.map(JSONValue.string) ?? .null,
            ])
        }
    }

    /// RFC 4180 CSV with a UTF-8 BOM so that spreadsheet tools read Chinese correctly.
    package static func csv(_ records: [JSONValue]) -> String {
        var out = "\u{FEFF}" + columns.joined(separator: ",") + "\r\n"
        for record in records {
            out += columns.map { column -> String in
                switch record[column] {
                case .string(let s): return CSVTable.field(s, neutralizeFormulas: true)
                case .number(let n): return JSONValue.format(number: n)
                default: return ""
                }
            }.joined(separator: ",") + "\r\n"
        }
        return out
    }
}
