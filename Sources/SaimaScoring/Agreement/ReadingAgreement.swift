import Foundation
import SaimaModel
/// Agreement of Saima's choice readings with careful human readings, per group of replies (a source, a model, a
/// model kind).
///
/// Definitions, per reply: **agree** when Saima's letters equal the human's (both `""` counts as agreement);
/// **confident** when the reading's confidence is `explicit` or `inferred`; **wrong confident** when confident and
/// not agreeing; **uncertain** when the confidence is `uncertain` (sent to a second reader); **verdict differs** when
/// the right/wrong verdict against the answer key differs from the verdict of the human reading (**false credit**:
/// Saima right, human wrong; **missed credit**: the reverse). Exact-set verdicts, no partial credit.
public struct ReadingAgreement: Sendable {
    /// Counts for one group.
    public struct Row: Sendable, Hashable {
        public var replies = 0
        public var agree = 0
        public var wrongConfident = 0
        public var uncertain = 0
        public var falseCredit = 0
        public var missedCredit = 0
        /// Replies Saima reads as nothing, and replies a human reads as nothing.
        public var saimaNone = 0
        public var humanNone = 0
        /// Agreement among uncertain readings (how often the provisional reading was right anyway).
        public var uncertainAgree = 0

        mutating func add(_ c: ReplyCorpusCase, reading: String, confidence: ReadingConfidence) {
            replies += 1
            let agrees = reading == c.human
            if agrees { agree += 1 }
            if confidence == .uncertain {
                uncertain += 1
                if agrees { uncertainAgree += 1 }
            } else if !agrees {
                wrongConfident += 1
            }
            guard case AnswerKey.letters(let key) = c.item.answer else { return }
            let saimaRight = reading == key
            let humanRight = c.human == key
            if saimaRight, !humanRight { falseCredit += 1 }
            if !saimaRight, humanRight { missedCredit += 1 }
            if reading.isEmpty { saimaNone += 1 }
            if c.human.isEmpty { humanNone += 1 }
        }
    }

    /// How replies are grouped.
    public enum Grouping: String, Sendable, CaseIterable {
        case source, kind, model
    }

    public private(set) var rows: [String: Row] = [:]
    public private(set) var total = Row()
    /// The disagreements, as `id: human 'X', saima 'Y' (rule, confidence)`.
    public private(set) var disagreements: [String] = []

    /// A case with Saima's reading of it.
    public struct Measured: Sendable {
        public var corpusCase: ReplyCorpusCase
        public var letters: String
        public var rule: String
        public var confidence: ReadingConfidence
        /// Why an uncertain reading is uncertain.
        public var doubt: String?
    }

    /// Saima's reading of every case (read once, grouped as often as wanted).
    public static func measure(_ cases: [ReplyCorpusCase]) -> [Measured] {
        cases.map { c in
            let r = c.saimaReading()
            return Measured(corpusCase: c, letters: r.letters, rule: r.rule, confidence: r.confidence, doubt: r.doubt)
        }
    }

    /// Measures every case, grouped as asked (`model` groups are `source/model`).
    public init(_ cases: [ReplyCorpusCase], by grouping: Grouping) { self.init(Self.measure(cases), by: grouping) }

    /// Groups readings already made.
    public init(_ measured: [Measured], by grouping: Grouping) {
        for m in measured {
            let c = m.corpusCase
            let (letters, rule, confidence) = (m.letters, m.rule, m.confidence)
            let key: String
            switch grouping {
            case .source: key = c.source
            case .kind: key = c.kind ?? "unknown"
            case .model: key = c.source + "/" + (c.model ?? c.source)
            }
            rows[key, default: Row()].add(c, reading: letters, confidence: confidence)
            total.add(c, reading: letters, confidence: confidence)
            if letters != c.human {
                disagreements.append("\(c.id): human '\(c.human)', saima '\(letters)' (\(rule), \(confidence.rawValue))")
            }
        }
    }

    /// Uncertain readings counted by their doubt (with the rule when the doubt is a guess), most frequent first, each
    /// with how many of them agree with the human reading.
    public static func doubts(_ measured: [Measured]) -> [(doubt: String, count: Int, agreeing: Int)] {
        var counts: [String: (Int, Int)] = [:]
        for m in measured where m.confidence == .uncertain {
            let key = m.doubt ?? m.rule
            let agree = m.letters == m.corpusCase.human ? 1 : 0
            counts[key, default: (0, 0)].0 += 1
            counts[key, default: (0, 0)].1 += agree
        }
        return counts.map { ($0.key, $0.value.0, $0.value.1) }.sorted { ($0.count, $1.doubt) > ($1.count, $0.doubt) }
    }

    /// A Markdown table: one line per group, then the total.
    public func table(title: String) -> String {
        let pct = AgreementTable.percent
        return AgreementTable.render(
            header: [title, "replies", "Saima = human", "wrong confident", "uncertain", "verdict differs (false / missed credit)", "none (Saima / human)"],
            rows: rows, total: total
        ) { r in
            [
                "\(r.replies)", pct(r.agree, r.replies), pct(r.wrongConfident, r.replies), pct(r.uncertain, r.replies),
                "\(pct(r.falseCredit + r.missedCredit, r.replies)) (\(r.falseCredit) / \(r.missedCredit))", "\(r.saimaNone) / \(r.humanNone)",
            ]
        }
    }
}
