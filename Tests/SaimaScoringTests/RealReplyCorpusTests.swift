import Foundation
import SaimaModel
import Testing

@testable import SaimaScoring

/// One case of the real-reply corpus (`RealReplies/FORMAT.md`): a published or recorded model reply to a choice
/// item and the letters a careful human reads as its final answer.
struct RealReplyCase: Sendable {
    var id: String
    var source: String
    var item: Item
    var reply: String
    /// Sorted letters; empty when a human reads no committed answer.
    var human: String
    /// The upstream tool's own reading, when the source published one.
    var sourceReading: String?
    var tags: [String]

    /// Every case of every `RealReplies/*.jsonl` file, in file and line order.
    static func loadAll() throws -> [RealReplyCase] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("RealReplies")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".jsonl") }.sorted()
        var cases: [RealReplyCase] = []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
                cases.append(try parse(JSONValue.parse(String(line)), where: "\(file):\(n + 1)"))
            }
        }
        return cases
    }

    private static func parse(_ v: JSONValue, where location: String) throws -> RealReplyCase {
        struct Malformed: Error, CustomStringConvertible { var description: String }
        guard let id = v["id"]?.stringValue, let source = v["source"]?.stringValue,
            let type = v["type"]?.stringValue, let answer = v["answer"]?.stringValue,
            let reply = v["reply"]?.stringValue, let human = v["human"]?.stringValue,
            let choices = v["choices"]?.arrayValue
        else { throw Malformed(description: "\(location): a required field is missing") }
        let parsed = choices.compactMap { c -> Choice? in
            guard let letter = c["letter"]?.stringValue else { return nil }
            return Choice(letter: letter, text: c["text"]?.stringValue ?? "")
        }
        let item = Item(
            id: id, type: type == "multi_choice" ? .multiChoice : .singleChoice, prompt: "", choices: parsed,
            answer: .letters(answer))
        return RealReplyCase(
            id: id, source: source, item: item, reply: reply, human: human,
            sourceReading: v["source_reading"]?.stringValue,
            tags: v["tags"]?.arrayValue?.compactMap(\.stringValue) ?? [])
    }

    /// What Saima reads: sorted letters, or "" when unextractable or declined.
    var saimaReading: (letters: String, rule: String) {
        switch ChoiceAnswerExtractor(item: item).read(reply) {
        case .answer(let a): (a.answer.description, a.rule.rawValue)
        case .declined: ("", "declined")
        case .none: ("", "unextractable")
        }
    }
}

/// Measures `ChoiceAnswerExtractor` against human readings of real model replies and prints the agreement
/// table that the README's scoring section quotes.
struct RealReplyCorpusTests {
    static let target = 0.995

    @Test func corpusHasTheRequiredBreadth() throws {
        let cases = try RealReplyCase.loadAll()
        let sources = Set(cases.map(\.source))
        #expect(cases.count >= 2000, "at least 2,000 real replies")
        #expect(sources.count >= 3, "at least three sources")
        #expect(Set(cases.map(\.id)).count == cases.count, "ids are unique")
        for tag in ["english", "multi", "no_answer"] {
            #expect(cases.contains { $0.tags.contains(tag) }, "the corpus holds replies tagged \(tag)")
        }
    }

    @Test func agreementWithHumanReadingsPerSource() throws {
        let cases = try RealReplyCase.loadAll()
        var rows: [String: (n: Int, agree: Int, upstream: Int, upstreamN: Int, unread: Int, humanNone: Int)] = [:]
        var disagreements: [String] = []
        for c in cases {
            let (letters, rule) = c.saimaReading
            var r = rows[c.source] ?? (0, 0, 0, 0, 0, 0)
            r.n += 1
            if letters == c.human { r.agree += 1 } else {
                disagreements.append("\(c.id): human '\(c.human)', saima '\(letters)' (\(rule))")
            }
            if let upstream = c.sourceReading {
                r.upstreamN += 1
                if upstream == c.human { r.upstream += 1 }
            }
            if letters.isEmpty { r.unread += 1 }
            if c.human.isEmpty { r.humanNone += 1 }
            rows[c.source] = r
        }
        var table = "| source | replies | Saima = human | upstream tool = human | unextractable (Saima / human) |\n"
        table += "|---|---|---|---|---|\n"
        func pct(_ a: Int, _ n: Int) -> String { n == 0 ? "—" : String(format: "%.2f%%", 100 * Double(a) / Double(n)) }
        var total = (n: 0, agree: 0)
        for (source, r) in rows.sorted(by: { $0.key < $1.key }) {
            table += "| \(source) | \(r.n) | \(pct(r.agree, r.n)) | \(pct(r.upstream, r.upstreamN)) | "
            table += "\(r.unread) / \(r.humanNone) |\n"
            total.n += r.n
            total.agree += r.agree
            #expect(Double(r.agree) >= Self.target * Double(r.n), "\(source): agreement below 99.5%")
        }
        table += "| **all** | \(total.n) | \(pct(total.agree, total.n)) | | |\n"
        print("Extraction agreement with human readings (real replies):\n" + table)
        print("Disagreements (\(disagreements.count)):\n" + disagreements.joined(separator: "\n"))
        #expect(Double(total.agree) >= Self.target * Double(total.n))
    }

    @Test func unextractableOnlyWhereAHumanReadsNothingEither() throws {
        let wrongNone = try RealReplyCase.loadAll().filter { $0.saimaReading.letters.isEmpty && !$0.human.isEmpty }
        let limit = 0.005 * Double(try RealReplyCase.loadAll().count)
        #expect(Double(wrongNone.count) <= limit, "unread by Saima but read by a human: \(wrongNone.map(\.id))")
    }
}
