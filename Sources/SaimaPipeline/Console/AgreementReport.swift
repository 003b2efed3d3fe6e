import Foundation
import SaimaJudging
import SaimaScoring

/// `saima agreement`: the answer reader measured against human readings of a real-reply corpus (the development part
/// in a folder, the held-out part in its `heldout/` subfolder, in the format of `RealReplies/FORMAT.md`). The held-out
/// part is reported as figures only, never as replies.
package enum AgreementReport {
    /// What to print beside the tables, for the development part only.
    package struct Listings: Sendable {
        package var disagreements = false
        package var doubts = false
        package var uncertain = false
        package init(disagreements: Bool, doubts: Bool, uncertain: Bool) {
            self.disagreements = disagreements
            self.doubts = doubts
            self.uncertain = uncertain
        }
    }

    /// How the development case `id` is read: the human reading, Saima's, its confidence and the text it read.
    package static func explain(corpus: String, id: String) throws -> [String] {
        try ReplyCorpusCase.load(folder: corpus).filter { $0.id == id }.map { c in
            let a = ChoiceAnswerExtractor(item: c.item).assess(c.reply, prompt: c.prompt)
            return "human: \(c.human)\nreading: \(a.reading)\nconfidence: \(a.confidence) \(a.doubt ?? "")\n--- read text:\n\(a.readText)"
        }
    }

    /// The reading Saima is measured against.
    package enum Against: String, Sendable, CaseIterable {
        /// The first reader's (`human`), for every case.
        case first
        /// The reference where a case was double-read (`SecondReading.reference`), the first reading elsewhere.
        case reference

        /// Saima's readings `read` of a part, with the human readings this measures against (`second`: the part's
        /// second readings).
        func applied(_ read: [ReadingAgreement.Measured], _ second: [SecondReading]) -> [ReadingAgreement.Measured] {
            self == .reference ? SecondReading.againstReference(read, second) : read
        }

        /// What a part's heading adds.
        var heading: String { self == .reference ? ", against the reference 对照定论" : "" }
    }

    /// Agreement tables per source, model kind and model for each part (the held-out part left out with `devOnly`),
    /// against the readings `against` names, with the development part's listings asked for, then the part's
    /// double-read table when it has second readings; handed to `emit` as each part is measured.
    package static func report(
        corpus: String, devOnly: Bool, listings: Listings, against: Against = .first, emit: (String) -> Void
    ) throws {
        let heldout = (corpus as NSString).appendingPathComponent("heldout")
        let parts: [(String, String)] = [("development part 开发集", corpus), ("held-out part 留出集", heldout)]
        for (name, folder) in parts where FileManager.default.fileExists(atPath: folder) && !(devOnly && folder == heldout) {
            let cases = try ReplyCorpusCase.load(folder: folder)
            let second = try SecondReading.load(folder: folder)
            let read = ReadingAgreement.measure(cases)
            let measured = against.applied(read, second)
            emit("## \(name): \(folder) (\(cases.count) replies)\(against.heading)\n")
            for grouping in ReadingAgreement.Grouping.allCases {
                emit(ReadingAgreement(measured, by: grouping).table(title: grouping.rawValue))
            }
            if !second.isEmpty {
                emit("Double-read replies (a second blind reader; disagreements settled by a third) 双人判读:\n")
                emit(try DoubleReadAgreement(read, readings: second).table())
            }
            guard folder == corpus else { continue }
            if listings.disagreements {
                let d = ReadingAgreement(measured, by: .source).disagreements
                emit("Disagreements (\(d.count)):\n" + d.joined(separator: "\n") + "\n")
            }
            if listings.doubts {
                emit("| uncertain because 存疑原因 | readings | agree with human |\n|---|---:|---:|")
                for d in ReadingAgreement.doubts(measured) { emit("| \(d.doubt) | \(d.count) | \(d.agreeing) |") }
                emit("")
            }
            if listings.uncertain {
                for m in measured where m.confidence == .uncertain {
                    emit("\(m.corpusCase.id): human '\(m.corpusCase.human)', saima '\(m.letters)' (\(m.rule); \(m.doubt ?? ""))")
                }
            }
        }
    }

    /// The corpus part a reader measurement covers (one at a time: held-out replies are recorded apart).
    package enum Part: String, Sendable, CaseIterable {
        case dev, heldout
    }

    /// The LLM reader measured on `part` of the corpus (`ReaderAgreement`): the reader's answers to the part's
    /// uncertain readings, then agreement per model kind and source under each policy. Calls go to `endpoint` when
    /// given, and their replies are kept in `recording` (JSON Lines, `RecordedChat`), from which a later measurement
    /// without an endpoint is printed again; `against` as in `report`. Held-out figures only: no held-out reply is printed; `listDev` lists the
    /// development part's cases the reader did not read as the human did.
    package static func readerReport(
        corpus: String, part: Part, endpoint: EndpointSettings?, model: String, recording: String, listDev: Bool = false,
        against: Against = .first, emit: @escaping @Sendable (String) -> Void
    ) async throws {
        let folders = part == .dev
            ? [("development part 开发集", corpus)] : [("held-out part 留出集", (corpus as NSString).appendingPathComponent("heldout"))]
        func measure(_ chat: RecordedChat) async throws {
            for (name, folder) in folders {
                let read = ReadingAgreement.measure(try ReplyCorpusCase.load(folder: folder))
                let measured = against.applied(read, try SecondReading.load(folder: folder))
                let started = Date()
                let outcomes = await ReaderAgreement.read(measured, client: chat) { done, total in
                    if done % 10 == 0 || done == total {
                        emit("… \(name): \(done) / \(total) uncertain readings read (\(Int(Date().timeIntervalSince(started))) s)")
                    }
                }
                emit("## LLM reader \(model), \(name) (\(measured.count) replies)\(against.heading)\n")
                emit(ReaderAgreement.table(measured, outcomes: outcomes))
                if listDev, folder == corpus {
                    for (i, outcome) in outcomes.sorted(by: { $0.key < $1.key }) {
                        let m = measured[i]
                        guard outcome != .read(letters: m.corpusCase.human, quote: outcome.quote ?? "") else { continue }
                        emit("\(m.corpusCase.id): human '\(m.corpusCase.human)', rules '\(m.letters)', reader \(outcome)")
                    }
                    emit("")
                }
                emit("Without the reader 不用读取模型:\n")
                emit(ReadingAgreement(measured, by: .kind).table(title: "kind"))
                for policy in LLMReader.Policy.allCases {
                    let settled = ReaderAgreement.apply(policy, to: measured, outcomes: outcomes)
                    emit("Reader \(policy.rawValue) 读取模型\(policy == .replaces ? "取代" : "确认"):\n")
                    emit(ReadingAgreement(settled, by: .kind).table(title: "kind"))
                    emit(ReadingAgreement(settled, by: .source).table(title: "source"))
                }
            }
            let usage = chat.usage
            emit("Reader replies: \(usage.recorded) from \(recording), \(usage.asked) asked of the model.")
        }
        if let endpoint {
            try await JudgingPipeline.withJudge(endpoint) { client in
                try await measure(try RecordedChat(path: recording, model: model, live: client))
            }
        } else {
            try await measure(try RecordedChat(path: recording, model: model, live: nil))
        }
    }
}
