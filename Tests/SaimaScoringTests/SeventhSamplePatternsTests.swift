import SaimaModel
import Testing

@testable import SaimaScoring

/// Reading patterns found in the development part of the corpus's seventh sample (2026-12-08; `disc-lawllm-7`,
/// `lexeval-7`, `yue-arc-7`), read twice: each test reads the published reply (its corpus id in the doc comment) and
/// checks what a careful human reads, and how far the reading is trusted.
struct SeventhSamplePatternsTests {
    /// `disc-lawllm-7/LawGPT/single/nje/484`: an answer line of prose whose sentence holds a negation
    /// (`乙没有取得…所有权，因此丙无权占有。`) says something, it does not refuse: in doubt, not a confident "nothing".
    /// `gaokao-bench-gpt4/2010-2022_Math_I_MCQs/20`: a longer line that does refuse (`题目中没有给出正确的答案选项`) still
    /// plainly declines, as does a short `无`.
    @Test func aNegationInsideAnAnswerSentenceIsNoRefusal() {
        let item = Fixtures.item(.singleChoice, ["丙善意取得1000元的所有权", "丙因先占而取得1000元的所有权", "丙未取得1000元的所有权", "该1000元在屏风交付前属于夫妻共同财产"], answer: "C")
        let e = ChoiceAnswerExtractor(item: item)
        let prose = e.assess("答案: 乙没有取得甲的私房钱所有权，因此丙无权占有。</s>")
        #expect(Fixtures.letters(prose) == nil && prose.confidence == .uncertain, "\(prose.confidence)")
        for refusal in ["【答案】题目中没有给出正确的答案选项。 <eoa>", "答案：无", "答案：以上选项都不正确，题目有误"] {
            let a = e.assess(refusal)
            #expect(Fixtures.letters(a) == nil && a.confidence == .explicit, "\(refusal) plainly declines")
        }
    }

    /// `lexeval-7/few_shot/Wisdom/1_3/246`: a reply that restates the question under a question label
    /// (`问题: 以下关于法律演变说法正确的是\nA: 刑法修正案(`) asks, it does not answer: `正确的是` before the option list is
    /// the stem's, not a statement choosing A. The same words in an answer (`综上，说法正确的是A`) still read.
    @Test func aStemUnderAQuestionLabelIsNoStatement() {
        let item = Fixtures.item(.multiChoice, ["刑法修正案（十）规定了妨害安全驾驶罪", "刑法修正案（十一）修改了强令违章冒险作业罪", "刑法修正案（十一）增加了危险作业罪", "刑法修正案（十一）增加了生产、销售劣药罪的罚金刑"], answer: "BCD")
        let e = ChoiceAnswerExtractor(item: item)
        #expect(Fixtures.letters(e.assess("问题: 以下关于法律演变说法正确的是\nA: 刑法修正案(")) == nil)
        #expect(Fixtures.letters(e.assess("综上，说法正确的是A。")) == "A")
    }

    /// `disc-lawllm-7/LawGPT/multi/pae/6`: an answer line saying only one option is what the question asks
    /// (`上述选项中只有A属于外观设计专利保护的客体。`) reads it; `只有A不属于…` rejects and reads nothing.
    @Test func oneOptionNamedAfterOnly() {
        let item = Fixtures.item(.multiChoice, ["帽子上的绢花造型设计", "通电后才显示的霓虹灯的彩色图案", "饼干的月牙形设计", "餐巾扎成的玫瑰花形状"], answer: "AD")
        let e = ChoiceAnswerExtractor(item: item)
        #expect(Fixtures.letters(e.assess("答案: 上述选项中只有A属于外观设计专利保护的客体。</s>")) == "A")
        #expect(Fixtures.letters(e.assess("答案: 上述选项中只有A不属于外观设计专利保护的客体。</s>")) == nil)
    }
}
