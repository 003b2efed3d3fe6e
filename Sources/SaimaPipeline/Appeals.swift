import Foundation
import SaimaBase
package import SaimaModel
import SaimaJudging
import SaimaSheets
import SaimaRunner
import SaimaScoring
package import SaimaStorage

/// Appeals and adjudication of answer readings: a sheet of answers to re-read (`appeals.csv`, UTF-8 with BOM)
/// and the import of a judge's readings, validated all at once and stored append-only in the appeals chain.
///
/// Every letter on the sheet is the letter the team saw: `choices` are in the team's order (`ChoiceOrder`), and so are
/// `current_reading` and the judge's reading, which is stored that way and scored against the item as shown.
///
/// Sheet columns: `team track set item sample` (the answer), `question`, `choices`, `reply`, `current_reading`
/// (letters, or empty when nothing was read), `rule` (how it was read, or `unextractable`/`declined`), `why` (why
/// the answer is on the sheet), `reader_reading` (what the LLM reader read when it was asked and did not settle the
/// answer: its letters and quote, or its refusal — `LLMReader.sheetNote`), then for the judge to fill: `judge_reading` (letters such as `B` or `AC`, or
/// `none`/`无` for "no committed answer"), `judge` (name) and `reason`. A row whose `judge_reading` is empty is
/// not re-read.
package enum Appeals {
    /// Which answers go on the sheet.
    package enum Selection: String, Sendable, CaseIterable {
        /// Unextractable answers, weak-rule readings and items whose samples were read differently.
        case weak
        /// Readings whose confidence is `uncertain` (`ReadingConfidence`), and items whose samples were read differently.
        case uncertain
        /// Every answer to a choice item.
        case all
    }

    package static let columns = [
        "team", "track", "set", "item", "sample", "question", "choices", "reply", "current_reading", "rule", "why",
        "reader_reading", "sheet", "row_hash", "judge_reading", "judge", "reason",
    ]

    /// A row's fingerprint as issued: the answer, a hash of its reply, the reading and rule shown.
    static func rowHash(_ key: ResultKey, reply: String, reading: String, rule: String) -> String {
        String(SHA256Digest.hex(
            [key.team, key.track, key.set, key.item, String(key.sample), SHA256Digest.hex(reply), reading, rule]
                .joined(separator: "\u{1F}")).prefix(16))
    }
    /// Words a judge may write for "the reply commits to no answer".
    static let noAnswerWords: Set<String> = ["none", "无", "无答案", "-", "—"]
    /// Replies are cut to this many characters on the sheet (a spreadsheet cell holds 32,767).
    static let replyLimit = 30_000

    /// Writes `<folder>/appeals.csv`; returns its path and how many answers it lists.
    static func writeTemplate(
        store: RunStore, tracks: [Track], folder: String, selection: Selection, teams: [String]
    ) throws -> (path: String, rows: Int) {
        let items = ItemIndex(tracks: tracks)
        let scores = try store.currentScores()
        let overrides = try store.currentOverrides()
        let manifest = try RunManifestStore.load(store: store)
        let kept = try store.judgeCacheEntries(template: LLMReader.version)
        let results = try store.currentResults().filter { $0.outcome == .ok && (teams.isEmpty || teams.contains($0.key.team)) }
        var readingsByItem: [String: Set<String>] = [:]
        for r in results {
            let id = "\(r.key.team)\u{1F}\(r.key.track)\u{1F}\(r.key.set)\u{1F}\(r.key.item)"
            readingsByItem[id, default: []].insert(scores[r.key]?.extracted ?? "")
        }
        var text = "\u{FEFF}" + CSVTable.line(columns)
        var count = 0
        // Every sheet has an id of its own; its rows are recorded so that an import accepts only rows issued here.
        let sheet = "S" + TimeStamp.iso8601(Date()).filter { $0.isNumber } + "-" + String(SHA256Digest.hex(UUID().uuidString).prefix(6))
        var issued: [(key: ResultKey, hash: String)] = []
        for r in results {
            guard let (item, _, track) = try items.entry(r.key), item.type == .singleChoice || item.type == .multiChoice else { continue }
            let s = scores[r.key]
            let rule = overrides[r.key] != nil ? "judge_reading" : s?.rule ?? (s?.unextractable == true
                ? (s?.reason.contains("answer line") == true ? "declined" : "unextractable") : "")
            let strength = s?.rule.flatMap(ExtractionRule.init(rawValue:))?.strength
            var why: [String] = []
            if s?.unextractable == true { why.append("unextractable 无法抽取") }
            if strength == .weak { why.append("weak rule 猜测读取") }
            let uncertain = s?.confidence == ReadingConfidence.uncertain.rawValue && overrides[r.key] == nil
            if uncertain { why.append("uncertain reading 读取存疑") }
            let id = "\(r.key.team)\u{1F}\(r.key.track)\u{1F}\(r.key.set)\u{1F}\(r.key.item)"
            if (readingsByItem[id]?.count ?? 0) > 1 { why.append("samples disagree 多次采样读取不一致") }
            if selection == .weak && why.isEmpty { continue }
            if selection == .uncertain && !uncertain && !why.contains(where: { $0.hasPrefix("samples disagree") }) { continue }
            let reply = r.content ?? ""
            // The choices and letters as this team saw them; a judge's reading is stored in those letters too.
            let presentation = manifest?.presentation(team: r.key.team, track: r.key.track, set: r.key.set, item: item, sample: r.key.sample)
                ?? ItemPresentation(variant: 0, base: item, order: .identity(item.choices.count))
            let shown = presentation.shown
            let reading = overrides[r.key]?.reading ?? s?.extracted.map { presentation.order.showing($0, of: presentation.base) } ?? ""
            let readerNote = uncertain
                ? LLMReader.sheetNote(result: r, shown: shown, prompt: ChatRequestBuilder(track: track).promptText(for: shown), kept: kept) : ""
            let hash = rowHash(r.key, reply: reply, reading: reading, rule: rule)
            issued.append((r.key, hash))
            text += CSVTable.line([
                r.key.team, r.key.track, r.key.set, r.key.item, String(r.key.sample), shown.prompt,
                shown.choices.map { "\($0.letter). \($0.text)" }.joined(separator: "\n"),
                reply.count > replyLimit ? String(reply.prefix(replyLimit)) + "…" : reply,
                reading, rule, why.joined(separator: "; "), readerNote, sheet, hash, "", "", "",
            ])
            count += 1
        }
        try store.lockForWriting()
        try store.recordIssuedAppeals(sheet: sheet, rows: issued)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = (folder as NSString).appendingPathComponent("appeals.csv")
        try RunFolderFile.write(text, to: "appeals.csv", in: folder)
        return (path, count)
    }

    /// Reads filled sheets and appends every judge reading in one transaction; every problem is reported as
    /// `file:line` and nothing is stored unless all sheets are valid. Records the new appeals chain head in the
    /// manifest. Returns the readings stored.
    /// Only rows issued by `writeTemplate` are accepted, unchanged (`sheet` and `row_hash` as recorded); an answer a
    /// human judge already re-read is read again only with `supersede` (the reason is recorded in the chain with the
    /// reading it replaces). An LLM reader's reading is replaced by a judge's without it.
    package static func importSheets(
        store: RunStore, tracks: [Track], paths: [String], folder: String, supersede: String? = nil
    ) throws -> [ReadingOverride] {
        let items = ItemIndex(tracks: tracks)
        let results = Dictionary(try store.currentResults().map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let scores = try store.currentScores()
        let overrides = try store.currentOverrides()
        var diagnostics: [Diagnostic] = []
        var readings: [ReadingOverride] = []
        var seen: [ResultKey: String] = [:]
        let now = Date()
        /// Ends the reading of a sheet whose header is unusable (its problem is already recorded).
        struct UnusableHeader: Error {}
        for path in paths {
            // Rows are handed over one at a time (a CSV sheet is streamed): only the rows a judge filled are kept.
            var columns: [String: Int]?
            do {
                try SheetRows.forEach(path) { line, fields in
                    guard let columns else {
                        let required = ["team", "track", "set", "item", "sample", "sheet", "row_hash", "judge_reading", "judge", "reason"]
                        let missing = required.filter { !fields.contains($0) }
                        guard missing.isEmpty else {
                            diagnostics.append(Diagnostic(path: path, line: line, message: "missing column(s) \(missing.joined(separator: ", ")) / 缺少列"))
                            throw UnusableHeader()
                        }
                        columns = Dictionary(fields.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
                        return
                    }
                    func cell(_ row: [String], _ name: String) -> String {
                        guard let i = columns[name], i < row.count else { return "" }
                        return row[i].trimmed
                    }
                    let f = fields
                    let raw = cell(f, "judge_reading")
                    if raw.isEmpty { return }
                    func problem(_ m: String) { diagnostics.append(Diagnostic(path: path, line: line, message: m)) }
                    guard let sample = Int(cell(f, "sample")), sample >= 0 else {
                        problem("sample `\(cell(f, "sample"))` must be a whole number / 采样序号须为整数")
                        return
                    }
                    let key = ResultKey(
                        team: cell(f, "team"), track: cell(f, "track"), set: cell(f, "set"), item: cell(f, "item"),
                        sample: sample)
                    guard let result = results[key], result.outcome == .ok else {
                        problem("no answer \(key) in this run / 本轮没有此回答")
                        return
                    }
                    guard let (item, _) = try items[key], item.type == .singleChoice || item.type == .multiChoice else {
                        problem("\(key.track)/\(key.set)/\(key.item) is not a choice item; only choice readings can be appealed / 仅选择题可复核")
                        return
                    }
                    guard let reading = parseReading(raw, offered: item.choices.map(\.letter)) else {
                        problem("judge_reading `\(raw)` must be letters of this item (\(item.choices.map(\.letter).joined())) or `none`/`无` / 复核结果须为本题选项字母或“无”")
                        return
                    }
                    let judge = cell(f, "judge")
                    let reason = cell(f, "reason")
                    if judge.isEmpty { problem("judge is empty: every reading needs the judge's name / 缺少评委姓名") }
                    if reason.isEmpty { problem("reason is empty: every reading needs a reason / 缺少复核理由") }
                    if let first = seen[key] {
                        problem("\(key) is re-read twice (first at \(first)) / 同一回答重复复核")
                        return
                    }
                    let sheet = cell(f, "sheet")
                    guard let issuedHash = try store.issuedAppealHash(sheet: sheet, key: key) else {
                        problem("\(key) was not issued on sheet `\(sheet.prefix(40))` (rows come only from saima appeals template) / 该行不在已发放的复核表中")
                        return
                    }
                    guard issuedHash == cell(f, "row_hash") else {
                        problem("the row for \(key) differs from the row issued on sheet \(sheet) (row_hash) / 该行与发放时不一致")
                        return
                    }
                    var supersedes = ""
                    if let earlier = overrides[key], !LLMReader.isReader(earlier.judge) {
                        guard let supersede, !supersede.trimmed.isEmpty else {
                            problem("\(key) was already re-read by \(earlier.judge) (\(earlier.source)); pass --supersede \"reason\" to replace that reading / 该回答已复核，替换须使用 --supersede 并说明理由")
                            return
                        }
                        supersedes = " [supersedes \(earlier.judge)'s reading \(earlier.reading.isEmpty ? "none" : earlier.reading) (\(earlier.source)): \(supersede.trimmed)]"
                    }
                    seen[key] = "\(path):\(line)"
                    guard !judge.isEmpty, !reason.isEmpty else { return }
                    readings.append(ReadingOverride(
                        key: key, reading: reading, judge: judge, reason: reason + supersedes,
                        previous: overrides[key]?.reading ?? scores[key]?.extracted ?? "",
                        source: "\((path as NSString).lastPathComponent):\(line)", decidedAt: now))
                }
            } catch is UnusableHeader {
                continue
            } catch let error as SheetError {
                diagnostics.append(Diagnostic(path: error.location, line: 0, message: error.message))
                continue
            }
            if columns == nil { diagnostics.append(Diagnostic(path: path, line: 1, message: "the sheet is empty / 表格为空")) }
        }
        if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
        guard !readings.isEmpty else { return [] }
        let head = try store.appendOverrides(readings)
        try RunManifestStore.recordAppealsHead(head, count: try store.overrideRows().count, store: store, folder: folder)
        return readings
    }

    /// Letters from a judge's cell (`ChoiceLetters`), or `""` for a no-answer word; nil for anything else.
    static func parseReading(_ raw: String, offered: [String]) -> String? {
        noAnswerWords.contains(raw.lowercased()) ? "" : ChoiceLetters.parse(raw, offered: offered)
    }
}
