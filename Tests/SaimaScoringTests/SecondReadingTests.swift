import Foundation
import SaimaBase
import SaimaModel
import Testing

@testable import SaimaScoring

/// The double reading of the real-reply corpus (`RealReplies/FORMAT.md`, "Second readings"): its file format, its
/// definitions, and the readings filed in the repository.
struct SecondReadingTests {
    /// A measured case whose first (human) reading is `first` and Saima's is `saima` with `confidence`.
    static func measured(_ id: String, kind: String, first: String, saima: String, _ confidence: ReadingConfidence)
        -> ReadingAgreement.Measured
    {
        let item = Item(
            id: id, type: .multiChoice, prompt: "", choices: ["A", "B", "C"].map { Choice(letter: $0, text: "") },
            answer: .letters("A"))
        let c = ReplyCorpusCase(
            id: id, source: "s", model: nil, kind: kind, item: item, reply: "", prompt: nil, human: first, sourceReading: nil,
            tags: [])
        return ReadingAgreement.Measured(corpusCase: c, letters: saima, rule: "r", confidence: confidence, doubt: nil)
    }

    @Test func theTableCountsAgainstTheReadingBothGaveOrElseTheSettledOne() throws {
        let measured = [
            Self.measured("1", kind: "chat", first: "A", saima: "A", .explicit),  // all agree
            Self.measured("2", kind: "chat", first: "AB", saima: "AB", .inferred),  // second differs, settled for the first
            Self.measured("3", kind: "chat", first: "ABC", saima: "ABC", .explicit),  // settled against the first: wrong confident
            Self.measured("4", kind: "chat", first: "B", saima: "C", .uncertain),  // readers agree, Saima uncertain and wrong
            Self.measured("5", kind: "base", first: "C", saima: "C", .explicit),  // readers differ, not settled
        ]
        let readings = [
            SecondReading(id: "1", second: "A", settled: nil), SecondReading(id: "2", second: "B", settled: "AB"),
            SecondReading(id: "3", second: "", settled: ""), SecondReading(id: "4", second: "B", settled: nil),
            SecondReading(id: "5", second: "", settled: nil),
        ]
        let t = try DoubleReadAgreement(measured, readings: readings)
        #expect(t.total.lines == 5)
        #expect(t.total.readersAgree == 2)
        #expect(t.total.saimaFirst == 4)
        #expect(t.total.firstReference == 3, "cases 1, 2 and 4; case 3 was settled against the first reader")
        #expect(t.total.secondReference == 3, "cases 1, 3 and 4")
        #expect(t.total.referenced == 4, "the unsettled disagreement has no reference")
        #expect(t.total.saimaReference == 2)
        #expect(t.total.wrongConfident == 1, "only the confident reading the third reader overruled; the uncertain one is not")
        #expect(t.rows["chat"]?.lines == 4 && t.rows["base"]?.lines == 1)
        #expect(t.table().contains("| **all** | 5 | 40.00% (11.8–76.9) | 75.00% | 75.00% | 80.00% | 50.00% (15.0–85.0) | 25.00% | 1 |"))
    }

    @Test func measuringAgainstTheReferenceReplacesOnlySettledOrAgreedFirstReadings() {
        let measured = [
            Self.measured("1", kind: "chat", first: "A", saima: "A", .explicit),  // not double-read: first kept
            Self.measured("2", kind: "chat", first: "AB", saima: "", .uncertain),  // settled against the first
            Self.measured("3", kind: "chat", first: "C", saima: "C", .explicit),  // readers differ, unsettled: first kept
        ]
        let readings = [SecondReading(id: "2", second: "", settled: ""), SecondReading(id: "3", second: "B", settled: nil)]
        let against = SecondReading.againstReference(measured, readings)
        #expect(against.map(\.corpusCase.human) == ["A", "", "C"])
        #expect(against.map(\.letters) == measured.map(\.letters), "Saima's readings are untouched")
        #expect(ReadingAgreement(against, by: .kind).total.agree == 3 && ReadingAgreement(measured, by: .kind).total.agree == 2)
    }

    @Test func aReadingOfAnIdThePartDoesNotHoldIsAnError() {
        let measured = [Self.measured("1", kind: "chat", first: "A", saima: "A", .explicit)]
        #expect(throws: ScoringError.misfiledSecondReadings(["9"])) {
            try DoubleReadAgreement(measured, readings: [SecondReading(id: "9", second: "A", settled: nil)])
        }
    }

    @Test func badLinesAreReportedTogetherWithFileAndLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("second-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/second-reading", withIntermediateDirectories: true)
        let lines = [
            #"{"id": "a", "second": "AB"}"#, #"{"id": "b", "second": "BA"}"#, #"{"id": "a", "second": ""}"#, "not json",
            #"{"id": "c", "second": "A", "settled": "a"}"#, #"{"id": "d", "second": "", "settled": "CD"}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(toFile: folder + "/second-reading/r.jsonl", atomically: true, encoding: .utf8)
        do {
            _ = try SecondReading.load(folder: folder)
            Issue.record("bad lines were accepted")
        } catch let error as DiagnosticsError {
            let text = "\(error)"
            for (line, words) in [(2, "sorted"), (3, "read twice"), (4, "not a JSON object"), (5, "sorted")] {
                #expect(text.contains("r.jsonl:\(line): ") && text.contains(words), "line \(line): \(words)")
            }
            #expect(!text.contains("r.jsonl:1:") && !text.contains("r.jsonl:6:"), "good lines are not reported")
        }
        #expect(try SecondReading.load(folder: folder + "/none").isEmpty, "no second-reading folder: no readings")
    }

    /// The readings filed in the repository: each under the part holding its case, each disagreement of the two
    /// readers settled, and the dev part's table printed (the held-out table is printed by `saima agreement`).
    @Test func theFiledReadingsJoinTheirPartsAndEveryDisagreementIsSettled() throws {
        let dev = ReplyCorpusCase.folder
        let heldout = (dev as NSString).appendingPathComponent("heldout")
        for folder in [dev, heldout] {
            let cases = try ReplyCorpusCase.load(folder: folder)
            let readings = try SecondReading.load(folder: folder)
            #expect(readings.count >= 300, "\(folder): double-read cases filed")
            let first = Dictionary(cases.map { ($0.id, $0.human) }, uniquingKeysWith: { a, _ in a })
            for r in readings {
                #expect(first[r.id] != nil, "\(r.id) is filed under the part holding it")
                #expect(first[r.id] == r.second || r.settled != nil, "\(r.id): the readers' disagreement is settled")
            }
        }
    }
}
