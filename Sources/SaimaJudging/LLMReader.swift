import Foundation
import SaimaBase
package import SaimaModel
package import SaimaRunner
import SaimaScoring
package import SaimaStorage

/// The LLM reader: a second reader for choice answers whose reading is **uncertain** (`ReadingConfidence`).
///
/// For each current answer scored with confidence `uncertain` and not yet re-read (by a judge on appeal or by the
/// reader), the judge model gets the question as the contestant saw it and the reply, and must return one JSON
/// object `{"quote": "…", "letters": "B"}`: a verbatim span of the reply that shows its final answer and the letters
/// it commits to (`""` when it commits to none). The reading is accepted only when the letters
/// are offered by the item and the quote (for a non-empty answer) stands in the reply outside what the reply copied
/// from the prompt (`ChoiceAssessment.standsInReadText`); otherwise it is asked once more with the problem, then left
/// alone. Accepted readings that the `Policy` lets settle the answer (by default: those naming the letters the rules
/// read) are appended to the appeals chain with judge `llm_reader:<model>` and scored with rule `llm_reader`; a human judge's later reading on appeal replaces them, and the reader never replaces a human's.
package enum LLMReader {
    /// Judge names of the reader's readings start with this.
    package static let prefix = "llm_reader:"
    /// Identifies the instruction text below.
    package static let version = "reader-v3"

    package static func isReader(_ judge: String) -> Bool { judge.hasPrefix(prefix) }

    /// How an accepted reading is used. `confirms` (the default): it settles the answer only when it names the
    /// letters the rules read (two readers agree); otherwise the answer stays uncertain for a human judge.
    /// `replaces`: it settles the answer whatever it names. Measured on the real-reply corpus with
    /// `saima agreement --reader-model` (README): a small reader that replaces loses more than it fixes.
    package enum Policy: String, Sendable, CaseIterable {
        case confirms, replaces

        /// Whether the reader's accepted `letters` settle an answer the rules read as `provisional`.
        package func settles(reader letters: String, provisional: String) -> Bool {
            self == .replaces || letters == provisional
        }
    }

    package struct Summary: Sendable {
        /// Uncertain answers not yet re-read.
        package var candidates = 0
        /// Readings accepted and recorded.
        package var read = 0
        /// Accepted readings left for a human judge because they name other letters than the rules (policy `confirms`).
        package var disagreed = 0
        /// Replies of the reader that failed the checks twice.
        package var rejected = 0
        /// Failed calls.
        package var errors = 0
        /// Readings (and refusals) taken from the run's cache of earlier reader replies, without a call.
        package var fromCache = 0
        /// The appeals chain's new head, when readings were recorded.
        package var appealsHead: String?
    }

    /// Reads every uncertain answer not yet re-read and records the accepted readings (one transaction at the end);
    /// the caller holds the run's write lock and records the new appeals head in the manifest.
    /// `manifest` gives each team's choice orders: the reader sees the item as the team saw it, and its letters (shown
    /// letters) are stored as a judge's reading is.
    package static func read(
        store: RunStore, tracks: [Track], client: any JudgeChat, manifest: RunManifest? = nil, policy: Policy = .confirms
    ) async throws -> Summary
    {
        var lookup: [String: (Item, Track)] = [:]
        for track in tracks {
            for set in track.questionSets {
                for item in try set.items.all() where item.type == .singleChoice || item.type == .multiChoice {
                    lookup[PointwiseJudge.itemKey(track: track.id, set: set.id, item: item.id)] = (item, track)
                }
            }
        }
        let scores = try store.currentScores { _ in true }
        let overrides = try store.currentOverrides()
        let work = try store.currentResults().filter { r in
            r.outcome == .ok && overrides[r.key] == nil && scores[r.key]?.confidence == ReadingConfidence.uncertain.rawValue
                && lookup[PointwiseJudge.itemKey(track: r.key.track, set: r.key.set, item: r.key.item)] != nil
        }
        var summary = Summary(candidates: work.count)
        let model = client.model
        // Each answer as its team saw it; a reading given before (cached by model, instruction, answer and the
        // prompt and reply read) is used again, so a reader is never asked twice about the same reply.
        var out: [(ItemResult, String, Outcome)] = []
        var jobs: [Job] = []
        for r in work {
            let (item, track) = lookup[PointwiseJudge.itemKey(track: r.key.track, set: r.key.set, item: r.key.item)]!
            let shown = (manifest?.presentation(team: r.key.team, track: r.key.track, set: r.key.set, item: item, sample: r.key.sample)
                ?? ItemPresentation(variant: 0, base: item, order: .identity(item.choices.count))).shown
            let job = Job(result: r, shown: shown, prompt: ChatRequestBuilder(track: track).promptText(for: shown))
            if let entry = try store.judgeCache(model: model, template: version, itemKey: job.cacheKey, answerHash: job.answerHash),
                let cached = Outcome(cached: entry)
            {
                out.append((r, job.provisional, cached))
                summary.fromCache += 1
            } else {
                jobs.append(job)
            }
        }
        let asked = try await withThrowingTaskGroup(of: (Job, String, Outcome).self) { group in
            var pending = jobs[...]
            var asked: [(Job, String, Outcome)] = []
            func addNext() {
                guard let job = pending.popFirst() else { return }
                group.addTask {
                    (job, job.provisional, await readOne(
                        item: job.shown, question: job.prompt, sent: job.prompt, reply: job.result.content ?? "", client: client))
                }
            }
            for _ in 0..<max(1, client.maxConcurrency * 2) { addNext() }
            while let next = try await group.next() {
                asked.append(next)
                addNext()
            }
            return asked
        }
        for (job, provisional, outcome) in asked {
            if let entry = outcome.cacheEntry(model: model, itemKey: job.cacheKey, answerHash: job.answerHash) {
                try store.saveJudgeCache(entry)
            }
            out.append((job.result, provisional, outcome))
        }
        var readings: [ReadingOverride] = []
        let now = Date()
        for (result, provisional, outcome) in out.sorted(by: { "\($0.0.key)" < "\($1.0.key)" }) {
            switch outcome {
            case .read(let letters, _) where !policy.settles(reader: letters, provisional: provisional):
                summary.disagreed += 1
            case .read(let letters, let quote):
                readings.append(ReadingOverride(
                    key: result.key, reading: letters, judge: prefix + model,
                    reason: "quote 引文: «\(shortQuote(quote))»",
                    previous: scores[result.key]?.extracted ?? "", source: "llm_reader \(version)", decidedAt: now))
                summary.read += 1
            case .rejected: summary.rejected += 1
            case .failed: summary.errors += 1
            }
        }
        if !readings.isEmpty { summary.appealsHead = try store.appendOverrides(readings) }
        return summary
    }

    /// A quote as shown in a reason or on a sheet: its first 200 characters.
    static func shortQuote(_ quote: String) -> String { quote.count > 200 ? String(quote.prefix(200)) + "…" : quote }

    /// What the reader said about an answer it did not settle, for the judge re-reading it (the appeals sheet's
    /// `reader_reading`): each reply kept in the run's reader cache (`kept`, from `RunStore.judgeCacheEntries(template:
    /// version)`) for this answer as its team saw it (`shown`) with the prompt it was sent and the reply it gave —
    /// `B «quote» (llm_reader:model)`, `none 无 «quote» (…)`, or a refusal — joined by `; `. Empty when the reader was
    /// not asked about this reply (a reply kept for another prompt or reply does not count).
    package static func sheetNote(result: ItemResult, shown: Item, prompt: String, kept: [String: [JudgeCacheEntry]]) -> String {
        let job = Job(result: result, shown: shown, prompt: prompt)
        return (kept[job.cacheKey] ?? []).filter { $0.answerHash == job.answerHash }.compactMap { e -> String? in
            switch Outcome(cached: e) {
            case .read(let letters, let quote):
                "\(letters.isEmpty ? "none 无" : letters) «\(shortQuote(quote))» (\(prefix)\(e.judgeModel))"
            case .rejected: "no acceptable reading 未给出可接受的读取 (\(prefix)\(e.judgeModel))"
            case .failed, nil: nil
            }
        }.joined(separator: "; ")
    }

    /// One answer to read: the result, the item as its team saw it, the prompt it was sent.
    struct Job: Sendable {
        var result: ItemResult
        var shown: Item
        var prompt: String
        /// The reader cache's item key: the answer's own key.
        var cacheKey: String { "llm_reader/\(result.key.team)/\(result.key.track)/\(result.key.set)/\(result.key.item)#\(result.key.sample)" }
        /// What the reading depends on besides model and instruction: the prompt shown and the reply.
        var answerHash: String { SHA256Digest.hex(prompt + "\u{1F}" + (result.content ?? "")) }
        /// The rules' reading, in the letters the team was shown.
        var provisional: String { ChoiceAnswerExtractor(item: shown).assess(result.content ?? "", prompt: prompt).letters }
    }

    /// What became of one answer sent to the reader.
    package enum Outcome: Sendable, Equatable {
        case read(letters: String, quote: String)
        case rejected
        case failed

        /// The quote of an accepted reading.
        package var quote: String? { if case .read(_, let quote) = self { quote } else { nil } }

        /// An accepted or refused reading as a cache entry (a failed call is not kept: it is asked again).
        func cacheEntry(model: String, itemKey: String, answerHash: String) -> JudgeCacheEntry? {
            let (status, verdict): (JudgeStatus, String)
            switch self {
            case .read(let letters, let quote):
                (status, verdict) = (.ok, JSONValue.object(["letters": .string(letters), "quote": .string(quote)]).canonicalJSON)
            case .rejected: (status, verdict) = (.judgeError, "rejected")
            case .failed: return nil
            }
            return JudgeCacheEntry(
                judgeModel: model, templateVersion: LLMReader.version, itemKey: itemKey, answerHash: answerHash, status: status,
                score: nil, verdict: verdict, calls: 1)
        }

        /// The outcome a cache entry keeps.
        init?(cached e: JudgeCacheEntry) {
            if e.status == .judgeError { self = .rejected; return }
            guard let v = try? JSONValue.parse(e.verdict), let letters = v["letters"]?.stringValue, let quote = v["quote"]?.stringValue
            else { return nil }
            self = .read(letters: letters, quote: quote)
        }
    }

    /// One answer: asked, checked, asked once more with the problem if the first reply fails the checks.
    /// `question` is what the reader is shown as the question; `sent` is the exact prompt the contestant was sent,
    /// when known, whose copies in the reply a quote may not come from.
    package static func readOne(item: Item, question: String, sent: String?, reply: String, client: any JudgeChat) async -> Outcome {
        let assessment = ChoiceAnswerExtractor(item: item).assess(reply, prompt: sent)
        var messages = [
            JudgeClient.message("system", system),
            JudgeClient.message("user", instruction(question: question, reply: reply, multi: item.type == .multiChoice)),
        ]
        for _ in 0..<2 {
            guard let answer = try? await client.complete(messages), case .success(let text) = answer else { return .failed }
            switch check(text, item: item, assessment: assessment) {
            case .success(let reading): return .read(letters: reading.letters, quote: reading.quote)
            case .failure(let problem):
                messages.append(JudgeClient.message("assistant", text))
                messages.append(JudgeClient.message("user", "Your reply was not accepted: \(problem). Reply again with the JSON object only."))
            }
        }
        return .rejected
    }

    struct Problem: Error, CustomStringConvertible { var description: String }

    /// The reader's reply parsed and checked: offered letters, sorted; a quote standing in the reply's own text.
    static func check(_ text: String, item: Item, assessment: ChoiceAssessment) -> Result<(letters: String, quote: String), Problem> {
        guard let start = text.firstIndex(of: "{"), let end = text.lastIndex(of: "}"), start < end,
            let json = try? JSONValue.parse(String(text[start...end])), let letters = json["letters"]?.stringValue,
            let quote = json["quote"]?.stringValue
        else { return .failure(Problem(description: "no JSON object with string fields letters and quote")) }
        let offered = Set(item.choices.map(\.letter))
        let chosen = Set(letters.uppercased().filter { !$0.isWhitespace && $0 != "," }.map(String.init))
        guard chosen.isSubset(of: offered) else {
            return .failure(Problem(description: "letters must be among \(offered.sorted().joined())"))
        }
        if item.type == .singleChoice, chosen.count > 1 {
            return .failure(Problem(description: "a single-answer item: give one letter, or \"\" when the reply commits to none"))
        }
        if !chosen.isEmpty, !assessment.standsInReadText(quote) {
            return .failure(Problem(description: "the quote must be copied verbatim from the reply's own words, not from the question"))
        }
        return .success((chosen.sorted().joined(), quote))
    }

    static let system = """
        You read answers to multiple-choice exam questions. You decide which option letters a reply commits to as its \
        final answer to the question asked. You never solve the question yourself and never judge whether the answer \
        is right. Text the reply copied from the question (instructions, examples, the option list) is not its answer; \
        questions the reply invents after answering are not the question asked.
        """

    /// The instruction. Since version 2 the format example names no letters (a small reader copied the example's
    /// `B` / `AC` into 130 of 142 answers of the development part under version 1), and the quote comes before the
    /// letters, so the letters are read off the span the reader copied. Version 3 drops the `<<<`/`>>>` around the
    /// reply, which the small reader copied into its quotes (66 of 147 answers refused under version 2).
    static func instruction(question: String, reply: String, multi: Bool) -> String {
        """
        【题目 Question as the contestant saw it】
        \(question)

        【回答 Reply】
        \(reply)

        Find where the reply states its own final answer to this question: not text it copied from the question, \
        not an example, not a question it made up afterwards. Copy that span verbatim as "quote", then give as \
        "letters" the option letter\(multi ? "s" : "") it names (\(multi ? "upper-case, one or more" : "exactly one, upper-case"); \
        when it names an option by its text, that option's letter). Use "letters": "" when the reply commits to no \
        option (a refusal, a hedge, only copied text). Reply with one JSON object only, in this form:
        {"quote": "<span copied from the reply>", "letters": "<\(multi ? "letters" : "letter"), or empty>"}
        """
    }
}
