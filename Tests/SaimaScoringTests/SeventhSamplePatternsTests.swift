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

    /// A second reader's cases (2026-12-08): refusal stems inside ordinary legal prose (`均不对外`, `无法律依据`, `有错在先`,
    /// `都错过`, `处于不确定状态`) are no refusal, so such a line is in doubt, while whole refusals GPT-4 writes
    /// (`无法从给出的选项中选择正确答案`, `题目可能有误`, `选项都不对。`) still plainly decline.
    @Test func refusalStemsInsideProseAreNoRefusal() {
        let item = Fixtures.item(.singleChoice, ["甲承担全部责任", "乙承担全部责任", "甲、乙承担连带责任", "甲、乙按份承担责任"], answer: "D")
        let e = ChoiceAnswerExtractor(item: item)
        for prose in [
            "答案：甲、乙均不对外承担连带责任。", "答案：乙的请求无法律依据，应予驳回。", "答案：乙有错在先，应当承担主要责任。",
            "答案：原告与被告都错过了举证期限，法院应当驳回。", "答案：该合同效力处于不确定状态，须经追认。",
        ] {
            let a = e.assess(prose)
            #expect(Fixtures.letters(a) == nil && a.confidence == .uncertain, "\(prose): \(a.confidence)")
        }
        for refusal in ["【答案】无法从给出的选项中选择正确答案", "【答案】题目可能有误，无法从给定的选项中选择正确答案。", "答案：以上四个选项都不对。"] {
            let a = e.assess(refusal)
            #expect(Fixtures.letters(a) == nil && a.confidence == .explicit, "\(refusal): \(a.confidence)")
        }
    }

    /// A second reader's cases: after `只有`, one letter reads as an option only with an option's predicate — not a party
    /// (`只有A公司可以行使撤销权`), not a line saying the option is void (`只有A为无效合同`).
    @Test func oneLetterAfterOnlyNeedsAnOptionsPredicate() {
        let item = Fixtures.item(.singleChoice, ["买卖合同", "赠与合同", "租赁合同", "借款合同"], answer: "A")
        let e = ChoiceAnswerExtractor(item: item)
        #expect(Fixtures.letters(e.assess("答案：本案中只有A公司可以行使撤销权。")) == nil)
        #expect(Fixtures.letters(e.assess("答案：只有A为无效合同，其余均有效。")) == nil)
        #expect(Fixtures.letters(e.assess("答案：只有B正确。")) == "B")
    }

    /// A second reader's cases: a stem's phrasing is skipped only when it ends the question-labelled line; an answer
    /// written on that line (`问题：哪个说法正确？正确的是C，因为…`) still reads. A line of 10,000 stem markers is read in
    /// linear time (each marker looks back for its line's start only when it ends the line).
    @Test func aStemIsSkippedOnlyWhenItEndsTheQuestionLine() {
        let item = Fixtures.item(.singleChoice, ["甲", "乙", "丙", "丁"], answer: "C")
        let e = ChoiceAnswerExtractor(item: item)
        #expect(Fixtures.letters(e.assess("问题：哪个说法正确？正确的是C，因为丙符合题意。")) == "C")
        #expect(Fixtures.letters(e.assess("问题：以下说法正确的是\nA：甲\nB：乙")) == nil)
        #expect(Fixtures.letters(e.assess("问题：" + String(repeating: "对的是", count: 10_000))) == nil)
    }
}
