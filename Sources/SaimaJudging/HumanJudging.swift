import Foundation
package import SaimaBase
package import SaimaModel
import SaimaSheets
import SaimaRunner
package import SaimaStorage

/// Human judges: anonymized grading sheets out, validated scores in, agreement measured.
package enum HumanJudging {
    /// The sheet's columns.
    package static let columns = [
        "answer_id", "track", "set", "item", "question", "reference", "rubric", "max_points", "answer", "score", "comment",
    ]

    /// Writes `<judge>.csv` for every judge: every `ok` answer to a generation item, the team
    /// replaced by an anonymous id that differs per judge, rows shuffled per judge (seeded).
    /// A judge's name names the judge's sheet file: it must be a plain file name (no `/` or `\\`, not `.`/`..`, no
    /// leading `.`, no control characters, at most 64 characters), and each judge is named once. Every problem at once.
    package static func checkJudgeNames(_ judges: [String]) throws(DiagnosticsError) {
        var problems: [Diagnostic] = []
        var seen: Set<String> = []
        for judge in judges {
            let shown = String(judge.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : Character($0) }.prefix(64))
            if judge.isEmpty || judge.count > 64 || judge.hasPrefix(".") || judge.contains("/") || judge.contains("\\")
                || judge.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            {
                problems.append(Diagnostic(
                    path: "--judge", line: 0,
                    message: "judge name `\(shown)` must be a plain name of 1–64 characters without /, \\, control characters or a leading dot (it names the judge's sheet) / 评委名须为不含 / \\ 控制字符且不以点开头的 1–64 个字符"))
            } else if !seen.insert(judge).inserted {
                problems.append(Diagnostic(path: "--judge", line: 0, message: "judge `\(shown)` is named twice / 评委重复"))
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
    }

    package static func writeTemplates(store: RunStore, tracks: [Track], judges: [String], folder: String, seed: UInt64)
        throws -> [String]
    {
        var items: [String: (Item, Track)] = [:]
        for track in tracks {
            for set in track.questionSets {
                for item in try set.items.all() where item.type == .generation { items["\(track.id)/\(set.id)/\(item.id)"] = (item, track) }
            }
        }
        try checkJudgeNames(judges)
        let answers = try store.currentResults().filter { items["\($0.key.track)/\($0.key.set)/\($0.key.item)"] != nil && $0.outcome == .ok }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var paths: [String] = []
        for (j, judge) in judges.enumerated() {
            var generator = SeededGenerator(seed: seed &+ UInt64(j) &* 0x9E37_79B9)
            var order = Array(answers.indices)
            for k in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(k, generator.below(k + 1)) }
            var text = "\u{FEFF}" + CSVTable.line(columns)
            var assignments: [(String, ResultKey, Double)] = []
            for (position, index) in order.enumerated() {
                let r = answers[index]
                let (item, track) = items["\(r.key.track)/\(r.key.set)/\(r.key.item)"]!
                let answerID = String(format: "A%04d", position + 1) + "-" + String(SHA256Digest.hex("\(judge)|\(r.key)|\(seed)").prefix(6))
                let maxPoints = item.rubric?.maxPoints ?? 10
                let rubric = item.rubric?.criteria.map { "\($0.id)(\(JSONValue.format(number: $0.points))): \($0.description)" }
                    .joined(separator: "; ") ?? ""
                let reference: String = if case .texts(let t) = item.answer { t.first ?? "" } else { "" }
                text += CSVTable.line([
                    answerID, r.key.track, r.key.set, r.key.item, ChatRequestBuilder(track: track).userText(for: item),
                    reference, rubric, JSONValue.format(number: maxPoints), r.content ?? "", "", "",
                ])
                assignments.append((answerID, r.key, maxPoints))
            }
            try store.saveHumanAssignments(judge: judge, assignments.map { ($0.0, $0.1, $0.2) })
            let path = (folder as NSString).appendingPathComponent("\(judge).csv")
            try RunFolderFile.write(text, to: "\(judge).csv", in: folder)
            paths.append(path)
        }
        return paths
    }

    /// Reads filled sheets; the judge is the file's base name. Every problem is reported as
    /// `file:line`; nothing is stored unless every sheet is valid. Blank scores are "not graded".
    /// Returns the scores stored, the judges whose scores were replaced and the human scores' new chain head and import
    /// count.
    package static func importSheets(store: RunStore, paths: [String]) throws
        -> (scores: [HumanScore], judges: Set<String>, chain: (head: String, imports: Int))
    {
        var diagnostics: [Diagnostic] = []
        var scores: [HumanScore] = []
        var judges: Set<String> = []
        for path in paths {
            let judge = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                .precomposedStringWithCanonicalMapping
            // Judge names are chained comma-joined (`HumanScoreLedger.judgeList`): no comma or control character.
            if judge.isEmpty || judge.unicodeScalars.contains(where: { $0 == "," || $0.properties.generalCategory == .control }) {
                diagnostics.append(Diagnostic(path: path, line: 0, message: "the file name (the judge's name) may not be empty or hold a comma / 评委名（文件名）不能为空或含逗号"))
                continue
            }
            judges.insert(judge)
            let rows: [(line: Int, fields: [String])]
            do { rows = try SheetRows.first(path) } catch {
                diagnostics.append(Diagnostic(path: error.location, line: 0, message: error.message))
                continue
            }
            let assignments = try store.humanAssignments(judge: judge)
            if assignments.isEmpty {
                diagnostics.append(Diagnostic(path: path, line: 0, message: "no sheet was issued to judge `\(judge)` (file name must be the judge's name)"))
                continue
            }
            guard let header = rows.first, let idColumn = header.fields.firstIndex(of: "answer_id"),
                let scoreColumn = header.fields.firstIndex(of: "score")
            else {
                diagnostics.append(Diagnostic(path: path, line: 1, message: "header must have `answer_id` and `score` columns"))
                continue
            }
            var seen: [String: Int] = [:]
            for row in rows.dropFirst() {
                let id = idColumn < row.fields.count ? row.fields[idColumn] : ""
                let raw = (scoreColumn < row.fields.count ? row.fields[scoreColumn] : "").trimmedSpaces
                guard let (key, maxPoints) = assignments[id] else {
                    diagnostics.append(Diagnostic(path: path, line: row.line, message: "unknown answer_id `\(id)` for judge `\(judge)`"))
                    continue
                }
                if let first = seen[id] {
                    diagnostics.append(Diagnostic(path: path, line: row.line, message: "answer_id `\(id)` graded twice (first on line \(first))"))
                    continue
                }
                seen[id] = row.line
                if raw.isEmpty { continue }
                guard let value = CSVTable.decimal(raw), value >= 0, value <= maxPoints else {
                    diagnostics.append(Diagnostic(path: path, line: row.line, message: "score `\(raw)` must be a number from 0 to \(JSONValue.format(number: maxPoints))"))
                    continue
                }
                scores.append(HumanScore(judge: judge, key: key, score: maxPoints > 0 ? value / maxPoints : 0))
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
        return (scores, judges, try store.replaceHumanScores(scores, judges: judges))
    }

    /// Agreement over every stored human score.
    package struct AgreementReport: Sendable {
        package var judges: Int
        package var answers: Int
        package var alpha: Double?
        package var meanSpearman: Double?
        /// Answers whose judges differ by more than the threshold (normalized scores).
        package var disagreements: [(key: ResultKey, spread: Double)]
    }

    package static func agreement(_ scores: [HumanScore], threshold: Double = 0.3) -> AgreementReport {
        var byAnswer: [ResultKey: [Double]] = [:]
        var byJudge: [String: [String: Double]] = [:]
        for s in scores {
            byAnswer[s.key, default: []].append(s.score)
            byJudge[s.judge, default: [:]][s.key.description] = s.score
        }
        let disagreements = byAnswer.compactMap { key, values -> (ResultKey, Double)? in
            let spread = (values.max() ?? 0) - (values.min() ?? 0)
            return spread > threshold ? (key, spread) : nil
        }.sorted { $0.1 > $1.1 }
        return AgreementReport(
            judges: byJudge.count, answers: byAnswer.count,
            alpha: Agreement.krippendorffAlphaInterval(Array(byAnswer.values)),
            meanSpearman: Agreement.meanPairwiseSpearman(byJudge), disagreements: disagreements)
    }
}
