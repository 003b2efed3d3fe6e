import SaimaModel
import Testing

@testable import SaimaScoring

/// Replies that answer by listing option lines, end-of-text marks, and final lines that withdraw an answer. The replies
/// are real: DISC-LawLLM's published legal-exam outputs (development part of the real-reply corpus, Apache-2.0), and
/// a GAOKAO-Bench GPT-4 reply.
struct OptionListAnswerTests {
    static func letters(_ a: ChoiceAssessment) -> String? {
        if case .answer(let found) = a.reading { return found.answer.description }
        return nil
    }

    static let principles = ["民主性原则", "科学性原则", "便民性原则", "平等性原则"]
    static func item(_ texts: [String], multi: Bool) -> Item {
        let choices = zip(["A", "B", "C", "D"], texts).map { Choice(letter: $0, text: $1) }
        return multi ? Fixtures.multi("ABC", choices: choices) : Fixtures.single("A", choices: choices)
    }

    @Test func anEndOfTextMarkEndsTheLineItClosesAndJunkBeforeTheListIsSkipped() {
        // Chinese-Alpaca2, multi/ungee/40: read as A, B and C by a careful human.
        let reply = "] A. 民主性原则\nB. 科学性原则\nC. 便民性原则</s>"
        let a = ChoiceAnswerExtractor(item: Self.item(Self.principles, multi: true)).assess(reply)
        #expect(Self.letters(a) == "ABC")
        #expect(a.confidence == .explicit)
    }

    @Test func everyOptionListedAnswersAMultiChoiceItemOnlyWhenThePromptIsUnknown() {
        // LexiLaw, multi/ungee/80: DISC's few-shot prompt answers with option lines, so the human reads all four.
        let texts = ["公正", "廉洁", "自由", "为民"]
        let reply = "A.公正\nB.廉洁\nC.自由\nD.为民"
        let multi = ChoiceAnswerExtractor(item: Self.item(texts, multi: true))
        let unknown = multi.assess(reply)
        #expect(Self.letters(unknown) == "ABCD")
        #expect(unknown.confidence == .uncertain, "a list of every option may be a restatement: a judge decides")
        // With the prompt known, the list is copied from it: the reply says nothing of its own, plainly no answer.
        let prompt = "以下是一道多项选择题。\n问题：法官职业道德的核心是什么？\n" + reply + "\n答案："
        let known = multi.assess(reply, prompt: prompt)
        #expect(Self.letters(known) == nil)
        #expect(known.confidence == .explicit)
        // One answer cannot be every option of a single-choice item.
        #expect(Self.letters(ChoiceAnswerExtractor(item: Self.item(texts, multi: false)).assess(reply)) == nil)
    }

    @Test func anAnswerLabelBeforeTheListDoesNotHideIt() {
        // LawGPT, multi/nje/400 (shortened to the first two options listed).
        let texts = ["由总理签署，以国务院令公布", "由总理签署，以总理令公布", "自2018年10月10日之日起30日内向全国人大常委会备案", "自2019年1月1日之日起30日内向全国人大常委会备案"]
        let reply = "答案:  A. 由总理签署，以国务院令公布\nB. 由总理签署，以总理令公布\nC. 自2018年10月10日之日起30日内向全国人大常委会备案\nD. 自2019年1月1日之日起30日内向全国人大常委会备案</s>"
        let a = ChoiceAnswerExtractor(item: Self.item(texts, multi: true)).assess(reply)
        #expect(Self.letters(a) == "ABCD")
        #expect(a.confidence == .uncertain)
    }

    @Test func aFinalLineThatWithdrawsTheAnswerWinsOverTheReasoning() {
        // GAOKAO-Bench GPT-4, Biology MCQ 9: the reasoning names B and D, the answer line says the question is wrong.
        let reply = "【解析】: 选项B中……所以B正确。选项D中……所以D正确。\n但题目要求选出的是预期实验结果正确的选项,所以答案应该是B和D。但题目的选项中并没有B和D的组合,所以题目可能有误。 <eoe>\n【答案】: 题目可能有误 <eoa>"
        let a = ChoiceAnswerExtractor(item: Fixtures.single("B")).assess(reply)
        guard case .declined = a.reading else {
            Issue.record("expected the reply to decline, got \(a.reading)")
            return
        }
        // A label line that only explains (`解释：…`) still never vetoes the answer before it.
        let explained = ChoiceAnswerExtractor(item: Fixtures.single("B")).assess("【正确答案】B<eoa>\n解释：上海是直辖市。")
        #expect(Self.letters(explained) == "B")
    }
}
