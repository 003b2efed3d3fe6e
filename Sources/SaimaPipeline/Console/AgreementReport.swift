import Foundation
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

    /// Agreement tables per source, model kind and model for each part (the held-out part left out with `devOnly`),
    /// with the development part's listings asked for, handed to `emit` as each part is measured.
    package static func report(corpus: String, devOnly: Bool, listings: Listings, emit: (String) -> Void) throws {
        let heldout = (corpus as NSString).appendingPathComponent("heldout")
        let parts: [(String, String)] = [("development part 开发集", corpus), ("held-out part 留出集", heldout)]
        for (name, folder) in parts where FileManager.default.fileExists(atPath: folder) && !(devOnly && folder == heldout) {
            let cases = try ReplyCorpusCase.load(folder: folder)
            let measured = ReadingAgreement.measure(cases)
            emit("## \(name): \(folder) (\(cases.count) replies)\n")
            for grouping in ReadingAgreement.Grouping.allCases {
                emit(ReadingAgreement(measured, by: grouping).table(title: grouping.rawValue))
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
}
