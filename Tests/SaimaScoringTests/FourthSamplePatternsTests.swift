import SaimaModel
import Testing

@testable import SaimaScoring

/// Reading patterns found in the development part of the corpus's fourth sample (2026-12-07; `disc-lawllm-4`,
/// `lexeval-4`, `yue-arc-4`): each test reads the published reply (its corpus id in the doc comment) and checks what a
/// careful human reads, and how far the reading is trusted.
struct FourthSamplePatternsTests {
    /// `disc-lawllm-4/LawGPT/single/lbk/115`: an answer line naming an option by its text with the number in Chinese
    /// (`一年` for `1年`) reads that option; a number no option has reads nothing.
    @Test func optionTextWithChineseNumerals() {
        let item = Fixtures.item(.singleChoice, ["1个月", "3个月", "6个月", "1年"], answer: "D")
        let e = ChoiceAnswerExtractor(item: item)
        #expect(Fixtures.letters(e.assess("答案: 一年</s>")) == "D")
        #expect(Fixtures.letters(e.assess("答案: 三个月")) == "B")
        #expect(Fixtures.letters(e.assess("答案: 两年")) == nil)
        #expect(ChineseNumeral.arabicized("三百二十万元") == "3200000元")
        #expect(ChineseNumeral.arabicized("万一十五日") == "万15日")
        #expect(ChineseNumeral.arabicized("统一规定") == "统1规定")
    }

    /// `disc-lawllm-4/LawGPT/single/nje/344`: `答案: 上述说法均正确` declares every option right: all letters, stated
    /// explicitly (several letters to a single-answer item are what the reply answered).
    @Test func everyStatementDeclaredRight() {
        let item = Fixtures.item(.singleChoice, ["甲不成立犯罪", "乙不成立犯罪", "丙不成立犯罪", "丁不成立犯罪"], answer: "D")
        let e = ChoiceAnswerExtractor(item: item)
        #expect(Fixtures.letters(e.assess("答案: 上述说法均正确</s>")) == "ABCD")
        #expect(Fixtures.letters(e.assess("答案：以上选项都对")) == "ABCD")
        #expect(Fixtures.letters(e.assess("答案：上述说法并非都正确")) == nil)
    }

    /// An answer line that names no option is explicit only when it refuses (`题目有误`, `无正确答案`), hedges
    /// (`B或D`) or is empty; any other line is uncertain, and so is a refusal that also restates an option
    /// (`disc-lawllm-4/LawGPT/single/nje/447`: option A restated, B to D restated as their negations).
    @Test func onlyARefusalIsAnExplicitDecline() {
        let item = Fixtures.item(.singleChoice, ["刘某可以认定贪污，数额200万元", "刘某也可以认定职务侵占罪，数额60万元", "李某也应该认定贪污罪，数额20万元", "张某应该认定为职务侵占罪"])
        let e = ChoiceAnswerExtractor(item: item)
        #expect(e.assess("答案：题目有误").confidence == .explicit)
        #expect(e.assess("答案：无正确答案").confidence == .explicit)
        #expect(e.assess("答案：B或D").confidence == .explicit)
        #expect(e.assess("答案：一项").confidence == .uncertain)
        // A number no option holds, or the prompt's first option line copied after the label, chooses nothing plainly.
        #expect(e.assess("答案：75").confidence == .explicit)
        #expect(e.assess("答案：60").confidence == .uncertain, "option B holds 60")
        #expect(e.assess("答案：题目可能出错了。").confidence == .explicit)
        let restated = e.assess("答案: A. 刘某可以认定贪污，数额200万元；B. 刘某也不能认定贪污罪，数额60万元；C. 李某不能认定贪污罪，数额20万元")
        #expect(Fixtures.letters(restated) == nil)
        #expect(restated.confidence == .uncertain)
    }

    /// `disc-lawllm-4/Chinese-Alpaca2/multi/pae/12`: listed option lines, the last restating its option with a
    /// negation put in (`因此不具备创造性` for `因此具备创造性`): that line rejects its option.
    @Test func aListedLineThatNegatesItsOption() {
        let item = Fixtures.item(
            .multiChoice,
            ["阿司匹林属于现有技术中已知的药物，权利要求 2 不具备新颖性", "用于预防心脑血管疾病的阿司匹林具有预料不到的疗效，权利要求 2 具备创造性",
             "阿司匹林在预防心脑血管疾病方面的新用途并未改变阿司匹林的成份结构， 权利要求 1 不具备新颖性", "权利要求 1 的用途发明相对于现有技术是非显而易见的，因此具备创造性"],
            answer: "AD")
        let reply = "] A. 阿司匹林属于现有技术中已知的药物，权利要求 2 不具备新颖性\nB. 用于预防心脑血管疾病的阿司匹林具有预料不到的疗效，权利要求 2 具备创造性\nC. 阿司匹林在预防心脑血管疾病方面的新用途并未改变阿司匹林的成份结构， 权利要求 1 不具备新颖性\nD. 权利要求 1 的用途发明相对于现有技术是非显而易见的，因此不具备创造性</s>"
        #expect(Fixtures.letters(ChoiceAnswerExtractor(item: item).assess(reply)) == "ABC")
        // With the prompt known, as in a contest, the copied option lines are subtracted as an echo: the reply is
        // then never read as a confident ABCD.
        let prompt = "关于权利要求的新颖性和创造性，下列说法正确的是：\n"
            + item.choices.map { "\($0.letter). \($0.text)" }.joined(separator: "\n") + "\n答案："
        let known = ChoiceAnswerExtractor(item: item).assess(reply, prompt: prompt)
        #expect(Fixtures.letters(known) == "ABC" || known.confidence == .uncertain)
        #expect(ChoiceReplyShape.negates("因此不具备创造性", TextNormalizer.matchingForm("因此具备创造性")))
        #expect(!ChoiceReplyShape.negates("因此具备新颖性", TextNormalizer.matchingForm("因此具备创造性")))
    }

    /// `lexeval-4/zero_shot/Lawgpt_10/3_3/469`: the options restated one after another on one line
    /// (`A: 62个月，B: 98个月，C: 2个月，D: 9`, cut off) are the option list copied, not a reply opening with A;
    /// an answer that merely starts with A's text still reads.
    @Test func anInlineOptionListIsNoChoice() {
        let item = Fixtures.item(.singleChoice, ["62个月", "98个月", "2个月", "9个月"], answer: "D")
        let e = ChoiceAnswerExtractor(item: item)
        let copied = e.assess("A: 62个月，B: 98个月，C: 2个月，D: 9")
        #expect(Fixtures.letters(copied) == nil)
        #expect(copied.confidence == .uncertain)
        #expect(Fixtures.letters(e.assess("A: 62个月，因为两罪并罚。")) == "A")
    }

    /// `yue-arc-4/yi-6b-hf/0shot/1148` and `yue-arc-4/llama-2-7b-hf/0shot/194`: a single-answer item's option list
    /// copied whole and the copying going on (`由提供嘅選項中直接用選項嘅字母作答。 回應：` and the list again, or a
    /// question of its own) plainly chooses nothing; the list alone, or a multi-answer item's, stays in doubt.
    @Test func aCopiedOptionListThatGoesOnIsPlainlyNoChoice() {
        let item = Fixtures.item(.singleChoice, ["沸騰。", "蒸發。", "傳導。", "輻射。"], answer: "D")
        let e = ChoiceAnswerExtractor(item: item)
        let loop = "\nA. 沸騰。\nB. 蒸發。\nC. 傳導。\nD. 輻射。\n由提供嘅選項中直接用選項嘅字母作答。\n 回應："
        let copied = e.assess(loop + loop + loop + "\nA. 沸騰。\nB. 蒸")
        let invented = e.assess("\nA. 沸騰。\nB. 蒸發。\nC. 傳導。\nD. 輻射。\n問題：喺個嘅實驗中，喺個嘅實驗中，")
        #expect(Fixtures.letters(invented) == nil)
        #expect(invented.confidence == .explicit)
        #expect(Fixtures.letters(copied) == nil)
        #expect(copied.confidence == .explicit)
        #expect(e.assess("A. 沸騰。\nB. 蒸發。\nC. 傳導。\nD. 輻射。").confidence == .uncertain)
        let multi = ChoiceAnswerExtractor(item: Fixtures.item(.multiChoice, ["沸騰。", "蒸發。", "傳導。", "輻射。"], answer: "CD"))
        #expect(multi.assess("A. 沸騰。\nB. 蒸發。\nC. 傳導。\nD. 輻射。\n問題：邊個係對？").confidence == .uncertain)
    }
}
