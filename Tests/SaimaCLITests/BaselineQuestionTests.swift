import Foundation
import SaimaBase
import Testing

@testable import SaimaEndpointServer

/// The demo's baselines read the round's own prompts: a 不定项 multi-choice prompt (prompt v2) is answered with
/// several letters, not taken for single choice.
struct BaselineQuestionTests {
    @Test func aMultiChoicePromptIsReadAsMultiChoice() throws {
        let prompt = "下列哪些是直辖市？\n\nA. 北京\nB. 上海\nC. 广州\nD. 深圳\n\n"
            + "本题有一个或多个正确选项（不定项）。请选出全部正确选项。回答的最后单独一行写“答案：XY”（按字母顺序列出所有正确选项的字母），其后不要再写任何内容。"
        var escaped = ""
        JSONValue.writeEscaped(prompt, into: &escaped)
        let body = Data(#"{"model":"first","messages":[{"role":"user","content":\#(escaped)}]}"#.utf8)
        let question = BaselineQuestion(body: body)
        #expect(question.kind == .multiChoice)
        #expect(question.choices.map(\.letter) == ["A", "B", "C", "D"])
        #expect(BaselinePersona.firstChoice.answer(question) == "答案：AB")
    }
}
