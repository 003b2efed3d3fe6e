import ArgumentParser
import Foundation
import SaimaScoring

/// `saima agreement`: how often Saima's choice readings agree with careful human readings of real replies, on the
/// development part of a corpus and on its held-out part (`heldout/`), per source, model kind and model.
struct AgreementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Measure answer reading against human readings of real replies. 答案读取与人工判读的一致率",
        discussion: """
            Reads every *.jsonl of the corpus folder (the development part) and of its heldout/ subfolder (the
            held-out part, never read while writing rules), in the format of Tests/SaimaScoringTests/RealReplies/FORMAT.md.
            Prints agreement, wrong confident readings, uncertain readings and verdict differences per source, per model
            kind and per model. --disagreements lists the development part's disagreements only: the held-out part is
            reported as figures, never as replies.
            """)

    @Option(help: "Corpus folder. 语料目录") var corpus = "Tests/SaimaScoringTests/RealReplies"
    @Flag(help: "List the development part's disagreements. 列出开发集不一致项") var disagreements = false
    @Option(help: "Explain the reading of one development case by id. 解释开发集某条的读取") var explain: String?
    @Flag(help: "Measure the development part only (while rules are written). 只测开发集") var devOnly = false
    @Flag(help: "Count the development part's uncertain readings by doubt. 开发集存疑原因统计") var doubts = false
    @Flag(help: "List the development part's uncertain readings. 列出开发集存疑读取") var uncertain = false

    func run() throws {
        if let explain {
            for c in try ReplyCorpusCase.load(folder: corpus) where c.id == explain {
                let a = ChoiceAnswerExtractor(item: c.item).assess(c.reply, prompt: c.prompt)
                print("human: \(c.human)\nreading: \(a.reading)\nconfidence: \(a.confidence) \(a.doubt ?? "")\n--- read text:\n\(a.readText)")
            }
            return
        }
        let heldout = (corpus as NSString).appendingPathComponent("heldout")
        let parts: [(String, String)] = [("development part 开发集", corpus), ("held-out part 留出集", heldout)]
        for (name, folder) in parts where FileManager.default.fileExists(atPath: folder) && !(devOnly && folder == heldout) {
            let cases = try ReplyCorpusCase.load(folder: folder)
            let measured = ReadingAgreement.measure(cases)
            print("## \(name): \(folder) (\(cases.count) replies)\n")
            for grouping in ReadingAgreement.Grouping.allCases {
                print(ReadingAgreement(measured, by: grouping).table(title: grouping.rawValue))
            }
            if disagreements, folder == corpus {
                let d = ReadingAgreement(measured, by: .source).disagreements
                print("Disagreements (\(d.count)):\n" + d.joined(separator: "\n") + "\n")
            }
            if doubts, folder == corpus {
                print("| uncertain because 存疑原因 | readings | agree with human |\n|---|---:|---:|")
                for d in ReadingAgreement.doubts(measured) { print("| \(d.doubt) | \(d.count) | \(d.agreeing) |") }
                print("")
            }
            if uncertain, folder == corpus {
                for m in measured where m.confidence == .uncertain {
                    print("\(m.corpusCase.id): human '\(m.corpusCase.human)', saima '\(m.letters)' (\(m.rule); \(m.doubt ?? ""))")
                }
            }
        }
    }
}
