import Foundation
import SaimaModel

/// Reads battle logs: JSON Lines `{"a": TEAM, "b": TEAM, "winner": "a"|"b"|"tie"}`.
public enum BattleLog {
    /// Every battle of the file; throws `DiagnosticsError` listing every bad line as `path:line`.
    public static func load(path: String) throws(DiagnosticsError) -> [Battle] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticsError([Diagnostic(path: path, line: 0, message: "file not found or unreadable")])
        }
        var battles: [Battle] = []
        var diagnostics: [Diagnostic] = []
        for (index, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
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
                battles.append(Battle(a: a, b: b, winner: winner))
            } catch {
                diagnostics.append(Diagnostic(path: path, line: index + 1, message: "malformed JSON line: \(error.message)"))
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
        return battles
    }

    /// One line of a battle log.
    public static func line(_ battle: Battle) -> String {
        JSONValue.object(["a": .string(battle.a), "b": .string(battle.b), "winner": .string(battle.winner.rawValue)]).canonicalJSON
    }

    /// `{"ratings": [{"team", "rating", "ci95": [low, high], "battles"}]}`.
    public static func ratingsJSON(_ ratings: [Rating], skipped: Int, anchor: String) -> JSONValue {
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
