import SaimaModel
import Testing

@testable import SaimaScoring

/// Replies that answer by listing option lines or letters, end-of-text marks, final lines that withdraw an answer,
/// letters rejected or cut off. The replies are real: DISC-LawLLM's (Apache-2.0) and LexEval's (MIT) published
/// legal-exam outputs, from the development part of the real-reply corpus, and a GAOKAO-Bench GPT-4 reply.
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

    static let lexevalChoices = ["作为现代社会个人最基本的权利", "尊重和保障人权是宪法规定的原则", "公民和政治权利是现代人权的核心", "保障人民群众的公民和政治权利"]

    @Test func lettersListedOnePerLineAreTheAnswer() {
        // LexEval few-shot, Baichuan-13B-Chat, task 1_1 item 112.
        let a = ChoiceAnswerExtractor(item: Self.item(Self.lexevalChoices, multi: true)).assess("1. A\n2. B\n3. D")
        #expect(Self.letters(a) == "ABD")
        // A line that is not a letter alone makes it something else (here a stray letter, a guess).
        let mixed = ChoiceAnswerExtractor(item: Self.item(Self.lexevalChoices, multi: true)).assess("1. A\n2. 见解析")
        #expect(mixed.confidence == .uncertain)
    }

    @Test func anEmptyOptionLabelBeforeInventedQuestionsIsNoAnswer() {
        // LexEval few-shot, GoGPT-13B, task 3_1 item 851.
        let texts = ["追偿权纠纷", "损害股东利益责任", "缔约过失责任", "信用证开证"]
        let a = ChoiceAnswerExtractor(item: Self.item(texts, multi: true)).assess(" \nA: \n1. 甲方是否已经代偿？\n2. 甲方")
        #expect(Self.letters(a) == nil)
        #expect(Self.letters(ChoiceAnswerExtractor(item: Self.item(texts, multi: true)).assess("A: 追偿权纠纷")) == "A")
    }

    @Test func lettersAllRejectedAreNoAnswer() {
        // LexEval zero-shot, LaWGPT 1.0, task 6_2 item 755.
        let texts = ["剥夺职业资格是主刑的一种。", "禁止驾驶任何车辆是附加刑的一种。", "狱中学习成绩优异可以直接减刑。", "没收财产属于附加刑的一种。"]
        let a = ChoiceAnswerExtractor(item: Self.item(texts, multi: true)).assess("A、B、C、D都是错误的。A、B、C、D都是错误")
        #expect(Self.letters(a) == nil)
    }

    @Test func lettersCutOffAtAColonAreInDoubt() {
        // LexEval zero-shot, LaWGPT 1.1, task 6_1 item 499: a walk-through that stopped after its opening.
        let a = ChoiceAnswerExtractor(item: Self.item(Self.lexevalChoices, multi: true)).assess("A、B、C、D：")
        #expect(a.confidence == .uncertain)
        #expect(ChoiceAnswerExtractor(item: Self.item(Self.lexevalChoices, multi: true)).assess("A、C").confidence == .explicit)
    }
}
