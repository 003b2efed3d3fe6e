import Foundation
package import SaimaBase
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
}
