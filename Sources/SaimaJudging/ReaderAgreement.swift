import Foundation
import SaimaModel
package import SaimaScoring

/// The LLM reader (`LLMReader`) measured on a real-reply corpus: every uncertain reading of a part is sent to the
/// reader, and the part's agreement is counted again under each way of using its answer.
///
/// Definitions. A reader's answer is **accepted** when it passes `LLMReader.check` (offered letters, one for a
/// single-answer item, a quote from the reply's own text), within two asks. An accepted answer the policy
/// (`LLMReader.Policy`) lets settle the reading replaces it and is no longer uncertain (it is scored as settled;
/// counted here with confidence `inferred`, which the counts treat as any confident reading); any other stays uncertain with its provisional letters, for a human judge.
/// A reading the reader settled wrongly counts as **wrong confident**.
package enum ReaderAgreement {
    /// The question the reader is shown for a corpus case: the exact prompt when the corpus records it, else the
    /// options one per line (the corpus keeps no stem).
    package static func question(_ c: ReplyCorpusCase) -> String {
        c.prompt ?? c.item.choices.map { "\($0.letter). \($0.text)" }.joined(separator: "\n")
    }

    /// Sends each uncertain reading to the reader, `client.maxConcurrency` at a time; answers by index into
    /// `measured`. `progress` gets (done, total) after each answer.
    package static func read(
        _ measured: [ReadingAgreement.Measured], client: any JudgeChat, progress: (Int, Int) -> Void
    ) async -> [Int: LLMReader.Outcome] {
        let work = measured.indices.filter { measured[$0].confidence == .uncertain }
        return await withTaskGroup(of: (Int, LLMReader.Outcome).self) { group in
            var pending = work[...]
            var out: [Int: LLMReader.Outcome] = [:]
            func addNext() {
                guard let i = pending.popFirst() else { return }
                let c = measured[i].corpusCase
                group.addTask {
                    (i, await LLMReader.readOne(item: c.item, question: question(c), sent: c.prompt, reply: c.reply, client: client))
                }
            }
            for _ in 0..<max(1, client.maxConcurrency) { addNext() }
            while let (i, outcome) = await group.next() {
                out[i] = outcome
                progress(out.count, work.count)
                addNext()
            }
            return out
        }
    }

    /// The readings after the reader, under `policy`.
    package static func apply(
        _ policy: LLMReader.Policy, to measured: [ReadingAgreement.Measured], outcomes: [Int: LLMReader.Outcome]
    ) -> [ReadingAgreement.Measured] {
        measured.enumerated().map { i, m in
            guard case .read(let letters, _)? = outcomes[i], policy.settles(reader: letters, provisional: m.letters) else { return m }
            var settled = m
            settled.letters = letters
            settled.rule = "llm_reader"
            settled.confidence = .inferred
            settled.doubt = nil
            return settled
        }
    }

    /// What the reader did, per model kind and in all: uncertain readings sent, accepted, refused (failed the checks
    /// twice), failed calls; among accepted readings, how many equal the human reading, the provisional reading, and
    /// both; and how many provisional readings of the accepted ones equal the human reading.
    package static func table(_ measured: [ReadingAgreement.Measured], outcomes: [Int: LLMReader.Outcome]) -> String {
        struct Row {
            var sent = 0, accepted = 0, refused = 0, failed = 0
            var readerHuman = 0, provisionalHuman = 0, readerProvisional = 0, confirmedHuman = 0
            mutating func add(_ o: Row) {
                (sent, accepted, refused, failed) = (sent + o.sent, accepted + o.accepted, refused + o.refused, failed + o.failed)
                (readerHuman, provisionalHuman) = (readerHuman + o.readerHuman, provisionalHuman + o.provisionalHuman)
                (readerProvisional, confirmedHuman) = (readerProvisional + o.readerProvisional, confirmedHuman + o.confirmedHuman)
            }
        }
        var rows: [String: Row] = [:]
        var total = Row()
        for (i, outcome) in outcomes {
            let m = measured[i]
            var r = Row()
            r.sent = 1
            switch outcome {
            case .read(let letters, _):
                r.accepted = 1
                let human = m.corpusCase.human
                if letters == human { r.readerHuman = 1 }
                if m.letters == human { r.provisionalHuman = 1 }
                if letters == m.letters {
                    r.readerProvisional = 1
                    if letters == human { r.confirmedHuman = 1 }
                }
            case .rejected: r.refused = 1
            case .failed: r.failed = 1
            }
            rows[m.corpusCase.kind ?? "unknown", default: Row()].add(r)
            total.add(r)
        }
        return AgreementTable.render(
            header: ["kind", "uncertain sent", "accepted", "refused / failed", "reader = human", "provisional = human", "reader = provisional (of them = human)"],
            rows: rows, total: total
        ) { r in
            ["\(r.sent)", "\(r.accepted)", "\(r.refused) / \(r.failed)", "\(r.readerHuman)", "\(r.provisionalHuman)", "\(r.readerProvisional) (\(r.confirmedHuman))"]
        }
    }
}
