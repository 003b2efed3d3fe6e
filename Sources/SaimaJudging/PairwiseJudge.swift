import Foundation
import SaimaBase
package import SaimaModel
import SaimaRunner
import SaimaScoring
import SaimaStorage

/// Compares two teams' answers to one item with the LLM judge, in both orders.
///
/// The judge sees (first, second) and then (second, first). The battle's winner is the team both
/// orders chose; when the two verdicts disagree (position bias) or either says tie, it is a tie.
/// Each ordered verdict is cached by (judge model, template version, item + order, both answer
/// hashes). A verdict that is still invalid after one re-ask leaves the battle out (`nil`).
package struct PairwiseJudge: Sendable {
    package let client: any JudgeChat
    package let cache: any VerdictCache

    package init(client: any JudgeChat, cache: any VerdictCache) {
        self.client = client
        self.cache = cache
    }

    package func battle(item: Item, track: Track, itemKey: String, teams: (String, String), answers: (String, String))
        async throws -> (battle: Battle?, calls: Int)
    {
        let reference: String? = if case .texts(let t) = item.answer { t.first } else { nil }
        let question = ChatRequestBuilder(track: track).userText(for: item)
        let forward = try await verdict(question: question, reference: reference, itemKey: itemKey,
                                        first: answers.0, second: answers.1)
        let backward = try await verdict(question: question, reference: reference, itemKey: itemKey,
                                         first: answers.1, second: answers.0)
        let calls = forward.calls + backward.calls
        guard let f = forward.winner, let b = backward.winner else { return (nil, calls) }
        // Map both verdicts to teams: forward "A" = teams.0; backward "A" = teams.1.
        let forwardTeam: String? = f == "A" ? teams.0 : f == "B" ? teams.1 : nil
        let backwardTeam: String? = b == "A" ? teams.1 : b == "B" ? teams.0 : nil
        let winner: Battle.Winner
        if let forwardTeam, forwardTeam == backwardTeam {
            winner = forwardTeam == teams.0 ? .a : .b
        } else {
            winner = .tie
        }
        return (Battle(a: teams.0, b: teams.1, winner: winner, ordersDisagree: forwardTeam != backwardTeam), calls)
    }

    /// "A", "B" or "tie" for one ordered comparison, through the cache.
    func verdict(question: String, reference: String?, itemKey: String, first: String, second: String) async throws
        -> (winner: String?, calls: Int)
    {
        let hash = SHA256Digest.hex(first) + SHA256Digest.hex(second)
        if let cached = try await cache.verdict(
            model: client.model, template: JudgeTemplates.pairwiseVersion, itemKey: itemKey, answerHash: hash)
        {
            return (cached.status == .ok ? cached.verdict : nil, 0)
        }
        var messages = [
            JudgeClient.message("system", JudgeTemplates.system),
            JudgeClient.message("user", JudgeTemplates.pairwise(question: question, reference: reference, first: first, second: second)),
        ]
        var calls = 0
        var winner: String?
        var note = ""
        for round in 0..<2 {
            calls += 1
            guard case .success(let reply) = try await client.complete(messages) else {
                note = "judge call failed"
                break
            }
            if let w = Self.parseWinner(reply) {
                winner = w
                break
            }
            note = "invalid verdict"
            if round == 0 {
                messages.append(JudgeClient.message("assistant", reply))
                messages.append(JudgeClient.message("user", JudgeTemplates.reask(problem: "`winner` must be \"A\", \"B\" or \"tie\"")))
            }
        }
        try await cache.save(JudgeCacheEntry(
            judgeModel: client.model, templateVersion: JudgeTemplates.pairwiseVersion, itemKey: itemKey,
            answerHash: hash, status: winner == nil ? .judgeError : .ok, score: nil, verdict: winner ?? note, calls: calls))
        return (winner, calls)
    }

    static func parseWinner(_ reply: String) -> String? {
        guard let object = JSONObjectExtractor.firstObject(in: reply),
            let w = object["winner"]?.stringValue?.trimmedSpaces
        else { return nil }
        switch w.lowercased() {
        case "a": return "A"
        case "b": return "B"
        case "tie", "平局": return "tie"
        default: return nil
        }
    }
}
