import Foundation
import SaimaBase
import SaimaModel
import SaimaStorage
import Synchronization
import Testing

@testable import SaimaJudging

/// The judges' logic through their protocols, with neither SQLite nor a server: a scripted chat that answers by
/// what it is shown, and verdicts kept in memory. Pointwise: a valid verdict, one re-ask after an invalid one, a
/// judge error after two, a failed call, and no call at all for an answer already judged. Pairwise: both orders
/// asked, the winner only when both orders agree, a tie when they do not (position bias).
@Suite("Judges through their protocols")
struct ScriptedJudgeTests {
    /// Answers each call with `reply(user message, whether this is a re-ask)`; counts calls.
    final class ScriptedChat: JudgeChat {
        let model = "scripted-judge"
        let maxConcurrency = 2
        let calls = Mutex(0)
        let reply: @Sendable (String, Bool) -> Result<String, JudgeCallError>
        init(_ reply: @escaping @Sendable (String, Bool) -> Result<String, JudgeCallError>) { self.reply = reply }

        func complete(_ messages: [JSONValue]) async throws -> Result<String, JudgeCallError> {
            calls.withLock { $0 += 1 }
            return reply(messages[1]["content"]?.stringValue ?? "", messages.count > 2)
        }
        var count: Int { calls.withLock { $0 } }
    }

    static let valid = #"{"criteria":[{"id":"c1","points":3,"justification":"要点齐全"},{"id":"c2","points":1,"justification":"一般"}],"comment":"良好"}"#

    @Test func pointwiseVerdictsReasksErrorsAndTheCache() async throws {
        let chat = ScriptedChat { prompt, reasked in
            if prompt.contains("完美回答") { return .success("评审：\n```json\n\(Self.valid)\n```") }
            if prompt.contains("格式错误") { return .success(reasked ? Self.valid : "给 8 分。") }
            if prompt.contains("调用失败") { return .failure(JudgeCallError(outcome: .http5xx, detail: "upstream")) }
            return .success("not json")
        }
        let cache = MemoryVerdictCache()
        let judge = PointwiseJudge(client: chat, cache: cache)
        let (track, set, item) = PointwiseJudgeTests.fixture()

        let perfect = try await judge.grade(item: item, track: track, set: set, answer: "完美回答")
        #expect(perfect.entry.status == .ok && perfect.entry.score == 0.8 && perfect.entry.calls == 1 && perfect.source == .judge)
        let reasked = try await judge.grade(item: item, track: track, set: set, answer: "格式错误")
        #expect(reasked.entry.status == .ok && reasked.entry.calls == 2, "one re-ask after an invalid verdict")
        let broken = try await judge.grade(item: item, track: track, set: set, answer: "总是错误")
        #expect(broken.entry.status == .judgeError && broken.entry.calls == 2 && broken.entry.verdict.hasPrefix("invalid verdict"))
        let failed = try await judge.grade(item: item, track: track, set: set, answer: "调用失败")
        #expect(failed.entry.status == .judgeError && failed.entry.calls == 1 && failed.entry.verdict.contains("http_5xx"))
        #expect(chat.count == 6 && cache.count == 4)

        let again = try await judge.grade(item: item, track: track, set: set, answer: "完美回答")
        #expect(again.source == .cache && again.entry == perfect.entry && chat.count == 6, "an answer judged once is never judged again")
    }

    @Test func pairwiseNeedsBothOrdersToAgree() async throws {
        // The judge prefers the answer that says 详细; shown two of those, it prefers whichever comes first.
        let chat = ScriptedChat { prompt, _ in
            let first = prompt.range(of: "详细")
            let lastFirst = prompt.range(of: "详细", options: .backwards)
            let winner = first == nil ? "tie" : first == lastFirst && prompt.contains("简略") ? Self.side(prompt) : "A"
            return .success(#"{"winner": "\#(winner)", "reason": "…"}"#)
        }
        let judge = PairwiseJudge(client: chat, cache: MemoryVerdictCache())
        let (track, _, item) = PointwiseJudgeTests.fixture()
        let clear = try await judge.battle(item: item, track: track, itemKey: "t/s/g1", teams: ("x", "y"), answers: ("简略回答", "详细回答"))
        #expect(clear.battle?.winner == .b && clear.battle?.ordersDisagree == false && clear.calls == 2)
        let biased = try await judge.battle(item: item, track: track, itemKey: "t/s/g1", teams: ("x", "y"), answers: ("详细一", "详细二"))
        #expect(biased.battle?.winner == .tie && biased.battle?.ordersDisagree == true, "first-position bias gives a tie")
        let cached = try await judge.battle(item: item, track: track, itemKey: "t/s/g1", teams: ("x", "y"), answers: ("简略回答", "详细回答"))
        #expect(cached.calls == 0 && cached.battle?.winner == .b)
    }

    /// "A" when the answer with 详细 is shown first in the prompt, "B" otherwise.
    static func side(_ prompt: String) -> String {
        guard let detailed = prompt.range(of: "详细"), let brief = prompt.range(of: "简略") else { return "tie" }
        return detailed.lowerBound < brief.lowerBound ? "A" : "B"
    }
}
