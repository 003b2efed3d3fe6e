/// How a team's choice answers were read: counts per extraction rule and strength, and the flag judges need
/// when a score depends on guessing the answer's format.
///
/// Counted over a team's answers that went through answer extraction (answers with a rule, plus unextractable
/// ones). `weakShare` = weak-rule readings / counted answers; a team is **flagged** when `weakShare` is above
/// `flagThreshold` (most of its answers were read from restated choice text or stray letters).
package struct ExtractionAudit: Sendable, Hashable {
    /// Above this share of weak readings a team is flagged.
    package static let flagThreshold = 0.5

    /// Answers read by each rule (`answer_line`, `choice_text`, …, `judge_reading`).
    package var byRule: [String: Int] = [:]
    /// Answers per strength (`strong`, `inferred`, `weak`).
    package var byStrength: [String: Int] = [:]
    /// Answers from which nothing could be read.
    package var unextractable = 0

    package init() {}

    /// Answers counted: read by a rule, or unextractable.
    package var counted: Int { byRule.values.reduce(0, +) + unextractable }
    /// Share of counted answers read by weak rules (0 when none counted).
    package var weakShare: Double { counted == 0 ? 0 : Double(byStrength["weak", default: 0]) / Double(counted) }
    /// Share of counted answers that were unextractable.
    package var unextractableShare: Double { counted == 0 ? 0 : Double(unextractable) / Double(counted) }
    /// Most answers were read by guessing: judges must look at this team's replies.
    package var flagged: Bool { counted > 0 && weakShare > Self.flagThreshold }

    mutating func add(rule: String?, strength: String?, unextractable isUnextractable: Bool) {
        if let rule {
            byRule[rule, default: 0] += 1
            if let strength { byStrength[strength, default: 0] += 1 }
        } else if isUnextractable {
            unextractable += 1
        }
    }
}
