import SaimaLeaderboard
import SaimaModel

extension ReportData {
    /// One answer re-read by a judge on appeal (the latest reading of that answer).
    package struct AppealLine: Sendable {
        package var team: String
        /// `track/set/item#sample`.
        package var answer: String
        /// The reading before the appeal (`""`: nothing read).
        package var previous: String
        /// The judge's reading (`""`: no committed answer).
        package var reading: String
        package var judge: String
        package var reason: String
        package init(team: String, answer: String, previous: String, reading: String, judge: String, reason: String) {
            self.team = team
            self.answer = answer
            self.previous = previous
            self.reading = reading
            self.judge = judge
            self.reason = reason
        }
    }
}

extension ReportHTML {
    /// Per team: how the choice answers were read (shares by rule strength, unextractable share, the rules
    /// used) and the weak-rule flag; then the answers re-read by judges on appeal.
    static func extractionAudit(_ data: ReportData) -> String {
        let entries = data.leaderboard.overall.entries.filter { $0.extraction.counted > 0 }
        guard !entries.isEmpty || !data.appeals.isEmpty else { return "" }
        func pct(_ n: Int, _ of: Int) -> String { of == 0 ? "—" : Format.score(100 * Double(n) / Double(of)) + "%" }
        var html = "<table><tr><th>队伍 Team</th><th>抽取题数 Answers read</th><th>明确作答 Strong</th>"
        html += "<th>推断 Inferred</th><th>猜测 Weak</th><th>无法抽取 Unextractable</th><th>规则 Rules</th><th>标记 Flag</th></tr>"
        for x in entries {
            let a = x.extraction
            let rules = a.byRule.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\(e($0.key)) \($0.value)" }.joined(separator: ", ")
            html += "<tr><td>\(e(x.name.bilingual))</td><td class=num>\(a.counted)</td>"
            for strength in ["strong", "inferred", "weak"] {
                html += "<td class=num>\(pct(a.byStrength[strength, default: 0], a.counted))</td>"
            }
            html += "<td class=num>\(pct(a.unextractable, a.counted))</td><td><code>\(rules)</code></td>"
            html += a.flagged
                ? "<td class=flag>⚠ 多数答案靠猜测读取 Mostly read by weak rules</td></tr>"
                : "<td></td></tr>"
        }
        html += "</table><p class=note>明确作答：整条回答即字母、答案行（如“答案：B”“【答案】B”）或答案陈述（如“故选B”）；"
        html += "推断：如“B是正确的”或回答以字母开头；猜测：复述选项内容或散落的字母。猜测读取超过 "
        html += "\(Int(ExtractionAudit.flagThreshold * 100))% 的队伍被标记，其分数取决于答案格式的猜测，评委应查看其回答。"
        html += " Strong: a bare letter, an answer line (<code>答案：B</code>, <code>【答案】B</code>) or statement "
        html += "(<code>故选B</code>); inferred: a claim (<code>B是正确的</code>) or a leading letter; weak: restated choice "
        html += "text or stray letters. Teams with more than \(Int(ExtractionAudit.flagThreshold * 100))% weak readings are "
        html += "flagged: their score depends on guessing the answer's format, and judges should read their replies.</p>"
        if !data.appeals.isEmpty {
            html += "<h3 id=appeals>评委复核 \(data.appeals.count) 个答案 \(data.appeals.count) answers re-read by judges</h3>"
            html += "<table><tr><th>队伍 Team</th><th>答案 Answer</th><th>原读取 Before</th><th>复核 Judge reading</th>"
            html += "<th>评委 Judge</th><th>理由 Reason</th></tr>"
            for a in data.appeals {
                html += "<tr><td>\(e(a.team))</td><td><code>\(e(a.answer))</code></td>"
                html += "<td>\(a.previous.isEmpty ? "—" : e(a.previous))</td><td>\(a.reading.isEmpty ? "无答案 none" : e(a.reading))</td>"
                html += "<td>\(e(a.judge))</td><td>\(e(a.reason))</td></tr>"
            }
            html += "</table>"
        }
        return html
    }
}
