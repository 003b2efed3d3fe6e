import Foundation
import SaimaBase
package import SaimaModel
import SaimaRunner
import SaimaStorage

/// Grades one answer against its item's rubric with the LLM judge, through the cache.
///
/// The judge must return a verdict that `JudgeVerdict.parse` accepts; an invalid one is re-asked
/// once (the invalid reply and the problem are shown to the judge); still invalid, or a failed
/// call, is recorded as `judge_error` (score 0). Verdicts are cached by (judge model, template
/// version, item, answer hash), so re-running never calls the judge twice for the same answer.
package struct PointwiseJudge: Sendable {
    package let client: any JudgeChat
    package let cache: any VerdictCache

    package init(client: any JudgeChat, cache: any VerdictCache) {
        self.client = client
        self.cache = cache
    }

    package enum Source: Sendable { case cache, judge }

    package static func itemKey(track: String, set: String, item: String) -> String { "\(track)/\(set)/\(item)" }

    /// The cache key of an item: its place plus a hash of its content, so that an edited question,
    /// reference or rubric never reuses verdicts given for the old one.
    package static func cacheKey(track: String, set: String, item: Item) -> String {
        itemKey(track: track, set: set, item: item.id) + "@" + SHA256Digest.hex(item.rawJSON).prefix(16)
    }

    package func grade(item: Item, track: Track, set: QuestionSet, answer: String) async throws
        -> (entry: JudgeCacheEntry, source: Source)
    {
        let key = Self.cacheKey(track: track.id, set: set.id, item: item)
        let hash = SHA256Digest.hex(answer)
        if let cached = try await cache.verdict(
            model: client.model, template: JudgeTemplates.pointwiseVersion, itemKey: key, answerHash: hash)
        {
            return (cached, .cache)
        }
        guard let rubric = item.rubric else {
            throw VerdictError("item \(key) has no rubric")
        }
        let reference: String? = if case .texts(let t) = item.answer { t.first } else { nil }
        let question = ChatRequestBuilder(track: track).userText(for: item)
        var messages = [
            JudgeClient.message("system", JudgeTemplates.system),
            JudgeClient.message("user", JudgeTemplates.pointwise(question: question, reference: reference, rubric: rubric, answer: answer)),
        ]
        var calls = 0
        var entry = JudgeCacheEntry(
            judgeModel: client.model, templateVersion: JudgeTemplates.pointwiseVersion, itemKey: key,
            answerHash: hash, status: .judgeError, score: nil, verdict: "", calls: 0)
        for round in 0..<2 {
            calls += 1
            switch try await client.complete(messages) {
            case .failure(let error):
                entry.verdict = "judge call failed: \(error.outcome.rawValue) \(error.detail)"
            case .success(let reply):
                switch JudgeVerdict.parse(reply, rubric: rubric) {
                case .success(let verdict):
                    entry.status = .ok
                    entry.score = verdict.score
                    entry.verdict = verdict.json.canonicalJSON
                case .failure(let problem):
                    entry.verdict = "invalid verdict: \(problem.message)"
                    if round == 0 {
                        messages.append(JudgeClient.message("assistant", reply))
                        messages.append(JudgeClient.message("user", JudgeTemplates.reask(problem: problem.message)))
                        continue
                    }
                }
            }
            break
        }
        entry.calls = calls
        try await cache.save(entry)
        return (entry, .judge)
    }
}
