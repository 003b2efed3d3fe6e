import Foundation
import SaimaBase

/// A second, blind reading of a corpus case (`RealReplies/FORMAT.md`, "Second readings"): a reader who saw neither the
/// first reading nor Saima's read the reply again. Where the two readers differ, a third reader who saw the reply and
/// both readings (not saying which came first, and not Saima's) settled it.
public struct SecondReading: Sendable, Hashable {
    public var id: String
    /// The second reader's letters, sorted (`""`: no committed answer).
    public var second: String
    /// The third reader's letters where the first two differ; nil where they agree or it was not settled.
    public var settled: String?

    /// The readings in every `*.jsonl` file of `folder/second-reading/` (none when that folder is missing), checked:
    /// each line has an `id` and letters (`second`, `settled` when present) that are sorted upper-case letters, and no
    /// id is read twice. Problems are reported as `file:line: message`, all at once.
    public static func load(folder: String) throws -> [SecondReading] {
        let dir = (folder as NSString).appendingPathComponent("second-reading")
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        var readings: [SecondReading] = []
        var seen: Set<String> = []
        var problems: [Diagnostic] = []
        for file in files.filter({ $0.hasSuffix(".jsonl") }).sorted() {
            let path = (dir as NSString).appendingPathComponent(file)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                func problem(_ message: String) { problems.append(Diagnostic(path: path, line: n + 1, message: message)) }
                guard let v = try? JSONValue.parse(String(line)), let id = v["id"]?.stringValue,
                    let second = v["second"]?.stringValue
                else {
                    problem("not a JSON object with string fields id and second")
                    continue
                }
                if let field = v["settled"], field.stringValue == nil {
                    problem("settled must be letters (a string)")
                    continue
                }
                let settled = v["settled"]?.stringValue
                if !Self.isLetters(second) || settled.map(Self.isLetters) == false {
                    problem("letters must be sorted upper-case A–Z without repeats")
                    continue
                }
                guard seen.insert(id).inserted else {
                    problem("\(id) is read twice")
                    continue
                }
                readings.append(SecondReading(id: id, second: second, settled: settled))
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return readings
    }

    /// The reference reading of a case whose first reading is `first`: the reading both readers gave, or else the
    /// settled one; nil when the two differ and no third reader settled it.
    public func reference(first: String) -> String? { first == second ? first : settled }

    /// Saima's readings with each double-read case's human reading replaced by its reference (a case not double-read,
    /// or not settled, keeps its first reading).
    public static func againstReference(_ measured: [ReadingAgreement.Measured], _ readings: [SecondReading]) -> [ReadingAgreement.Measured] {
        let byId = Dictionary(readings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return measured.map { m in
            guard let r = byId[m.corpusCase.id], let reference = r.reference(first: m.corpusCase.human) else { return m }
            var changed = m
            changed.corpusCase.human = reference
            return changed
        }
    }

    static func isLetters(_ s: String) -> Bool {
        let l = Array(s.unicodeScalars)
        return l.allSatisfy { $0.isASCIIUppercase } && zip(l, l.dropFirst()).allSatisfy { $0.value < $1.value }
    }
}

/// Agreement on the double-read cases of a corpus part: how often two careful readers agree with each other, how
/// often each of them and Saima agree with the **reference** — the reading both gave, or else the settled one — and,
/// for comparison with the single-reading figures, how often Saima agrees with the first reader.
///
/// Definitions, per double-read case: **readers agree** when the first reading (`human`) equals the second; **first
/// = reference**, **second = reference**, **Saima = reference** when those letters equal the reference (cases not
/// settled are left out of these columns and counted as unsettled; readers agree and Saima = reference are shown
/// with a 95% Wilson interval); **wrong confident** (against the reference) when Saima's reading is explicit or
/// inferred and differs from it.
public struct DoubleReadAgreement: Sendable {
    public struct Row: Sendable, Hashable {
        public var lines = 0
        public var readersAgree = 0
        public var saimaFirst = 0
        public var referenced = 0
        public var firstReference = 0
        public var secondReference = 0
        public var saimaReference = 0
        public var wrongConfident = 0

        mutating func add(_ m: ReadingAgreement.Measured, _ r: SecondReading) {
            let first = m.corpusCase.human
            lines += 1
            if first == r.second { readersAgree += 1 }
            if m.letters == first { saimaFirst += 1 }
            guard let reference = r.reference(first: first) else { return }
            referenced += 1
            if first == reference { firstReference += 1 }
            if r.second == reference { secondReference += 1 }
            if m.letters == reference { saimaReference += 1 } else if m.confidence != .uncertain { wrongConfident += 1 }
        }
    }

    /// Rows by model kind (`unknown` when the case records none).
    public private(set) var rows: [String: Row] = [:]
    public private(set) var total = Row()

    /// Joins Saima's readings of a part with its second readings; a second reading of an id the part does not hold is
    /// an error (it was filed under the wrong part).
    public init(_ measured: [ReadingAgreement.Measured], readings: [SecondReading]) throws {
        let byId = Dictionary(measured.map { ($0.corpusCase.id, $0) }, uniquingKeysWith: { a, _ in a })
        let missing = readings.filter { byId[$0.id] == nil }.map(\.id)
        guard missing.isEmpty else { throw ScoringError.misfiledSecondReadings(missing) }
        for r in readings {
            guard let m = byId[r.id] else { continue }
            rows[m.corpusCase.kind ?? "unknown", default: Row()].add(m, r)
            total.add(m, r)
        }
    }

    /// A Markdown table: one line per model kind, then the total.
    public func table() -> String {
        let (pct, interval) = (AgreementTable.percent, AgreementTable.percentWithInterval)
        return AgreementTable.render(
            header: [
                "kind", "double-read 双人判读", "readers agree 两人一致", "first = reference", "second = reference", "Saima = first",
                "Saima = reference 与定论一致", "wrong confident", "unsettled",
            ],
            rows: rows, total: total
        ) { r in
            [
                "\(r.lines)", interval(r.readersAgree, r.lines), pct(r.firstReference, r.referenced), pct(r.secondReference, r.referenced),
                pct(r.saimaFirst, r.lines), interval(r.saimaReference, r.referenced), pct(r.wrongConfident, r.referenced),
                "\(r.lines - r.referenced)",
            ]
        }
    }
}
