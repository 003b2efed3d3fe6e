import Foundation
package import SaimaModel

/// Reads battle logs: JSON Lines `{"a": TEAM, "b": TEAM, "winner": "a"|"b"|"tie"}`.
package enum BattleLog {
    /// Every battle of the file; throws `DiagnosticsError` listing every bad line as `path:line`.
    package static func load(path: String) throws(DiagnosticsError) -> [Battle] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticsError([Diagnostic(path: path, line: 0, message: "file not found or unreadable")])
        }
        var battles: [Battle] = []
        var diagnostics: [Diagnostic] = []
        for (index, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmed
            if text.isEmpty { continue }
            do {
                let v = try JSONValue.parse(text)
                guard let a = v["a"]?.stringValue, !a.isEmpty, let b = v["b"]?.stringValue, !b.isEmpty else {
                    diagnostics.append(Diagnostic(path: path, line: index + 1, message: "`a` and `b` must be team names"))
                    continue
                }
                guard let w = v["winner"]?.stringValue, let winner = Battle.Winner(rawValue: w) else {
                    diagnostics.append(Diagnostic(path: path, line: index + 1, message: "`winner` must be \"a\", \"b\" or \"tie\""))
                    continue
                }
                if a == b {
                    diagnostics.append(Diagnostic(path: path, line: index + 1, message: "a team cannot battle itself (`\(a)`)"))
                    continue
                }
                battles.append(Battle(a: a, b: b, winner: winner, ordersDisagree: v["orders_disagree"]?.boolValue ?? false))
            } catch {
                diagnostics.append(Diagnostic(path: path, line: index + 1, message: "malformed JSON line: \(error.message)"))
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
        return battles
    }

    /// One line of a battle log.
    package static func line(_ battle: Battle) -> String {
        var o: [String: JSONValue] = ["a": .string(battle.a), "b": .string(battle.b), "winner": .string(battle.winner.rawValue)]
        if battle.ordersDisagree { o["orders_disagree"] = .bool(true) }
        return JSONValue.object(o).canonicalJSON
    }

    /// Per pair of teams: battles, ties, and ties because the judge's two orders disagreed (position bias).
    package static func pairsJSON(_ battles: [Battle], judge: String) -> JSONValue {
        var pairs: [String: (a: String, b: String, battles: Int, ties: Int, disagree: Int)] = [:]
        for x in battles {
            let (a, b) = x.a < x.b ? (x.a, x.b) : (x.b, x.a)
            var p = pairs["\(a)\u{1F}\(b)"] ?? (a, b, 0, 0, 0)
            p.battles += 1
            if x.winner == .tie { p.ties += 1 }
            if x.ordersDisagree { p.disagree += 1 }
            pairs["\(a)\u{1F}\(b)"] = p
        }
        let disagree = battles.filter(\.ordersDisagree).count
        return .object([
            "judge": .string(judge), "battles": .number(Double(battles.count)),
            "orders_disagree": .number(Double(disagree)),
            "pairs": .array(pairs.values.sorted { ($0.a, $0.b) < ($1.a, $1.b) }.map { p in
                .object([
                    "a": .string(p.a), "b": .string(p.b), "battles": .number(Double(p.battles)),
                    "ties": .number(Double(p.ties)), "orders_disagree": .number(Double(p.disagree)),
                ])
            }),
        ])
    }

    /// `{"ratings": [{"team", "rating", "ci95": [low, high], "battles"}]}`.
    package static func ratingsJSON(_ ratings: [Rating], skipped: Int, anchor: String) -> JSONValue {
        func round(_ x: Double) -> JSONValue { .number((x * 1e6).rounded() / 1e6) }
        return .object([
            "anchor": .string(anchor),
            "skipped_resamples": .number(Double(skipped)),
            "ratings": .array(ratings.map { r in
                .object([
                    "team": .string(r.team), "rating": round(r.rating),
                    "ci95": .array([round(r.ci95.lowerBound), round(r.ci95.upperBound)]),
                    "battles": .number(Double(r.battles)),
                ])
            }),
        ])
    }
}
