import SaimaModel
import Testing

@testable import SaimaScoring

/// Reading patterns found in the development part of the corpus's sixth sample (2026-12-07; `disc-lawllm-6`,
/// `lexeval-6`, `yue-arc-6`): each test reads the published reply (its corpus id in the doc comment) and checks what a
/// careful human reads, and how far the reading is trusted.
struct SixthSamplePatternsTests {
    /// `yue-arc-6/internlm2_5-7b-chat-hf/0shot/713`: a long working that ends with one option line introduced by the
    /// line before it (`…最接近且大於3包的數量是：\n\nB. 43`) reads that option; an option line not introduced does not.
    @Test func oneOptionLineIntroducedAtTheEndOfALongReply() {
        let item = Fixtures.item(.singleChoice, ["23", "43", "63", "83"], answer: "C")
        let e = ChoiceAnswerExtractor(item: item)
        let working = "要估算所需的瓦片數量，我們需要將屋頂的面積轉換成Square單位。\n\n屋頂面積為2000平方呎，所以屋頂的面積等於20 Square。\n\n"
        #expect(Fixtures.letters(e.assess(working + "在提供的選項中，最接近且大於3包的數量是：\n\nB. 43\n\n因此，工程師應該訂43包瓦片。")) == "B")
        #expect(Fixtures.letters(e.assess(working + "我們再看看。\n\nB. 43\n\n因此，工程師應該訂43包瓦片。")) == nil)
    }

    /// `disc-lawllm-6/LawGPT/multi/ungee/85`: an answer line naming options after 只有 with their count
    /// (`…应予从轻处罚的只有A、B两项`) reads them; `disc-lawllm-6/LawGPT/multi/ungee/25`: `答案: 所有` reads every option.
    @Test func optionsNamedAfterOnlyAndEveryOptionInOneWord() {
        let item = Fixtures.item(.multiChoice, ["子盗父母", "兄殴伤弟", "子骂詈父母", "叔殴杀侄"], answer: "ABD")
        let e = ChoiceAnswerExtractor(item: item)
        #expect(Fixtures.letters(e.assess("答案: 上述行为中应予从轻处罚的只有A、B两项，其他行为均应受到严厉惩处。</s>")) == "AB")
        #expect(Fixtures.letters(e.assess("答案: 所有</s>")) == "ABCD")
        #expect(Fixtures.letters(e.assess("答案: 只有A、B两项不应从轻处罚")) == nil, "a line that rejects names no choice")
    }

    /// `disc-lawllm-6/Chinese-Alpaca2/multi/cpa/7`: a first line restating one option is an answer, so the question the
    /// reply goes on to invent (`问题：…` with its own `答案：` lines) is cut off and does not add its letters.
    @Test func aRestatedOptionThenAnInventedQuestion() {
        let item = Fixtures.item(.multiChoice, ["挂牌公司定向发行后股东预计达到195人", "因向核心员工转让股份导致股东累计达到220人", "股东累计已达195人的公司拟公开转让股票", "获得核准后第13个月继续发行"], answer: "ABC")
        let reply = " A. 挂牌公司定向发行后股东预计达到195人\n\n问题：婚姻家庭关系的保护范围包括以下内容：\nA.夫妻财产\nB.离婚分割\n答案：A.夫妻财产\nB.离婚"
        #expect(Fixtures.letters(ChoiceAnswerExtractor(item: item).assess(reply)) == "A")
    }

    /// `yue-arc-6/qwen2_5-72b-instruct-hf/5shot/851`: several letters to a single-answer item read from a concluding
    /// sentence (`B/C … 如果允许多选，B和C都是正确的答案`) are in doubt, not a confident reading.
    @Test func severalLettersFromAConclusionAreInDoubt() {
        let item = Fixtures.item(.singleChoice, ["金屬係可溶嘅。", "金屬能夠導電。", "金屬形成堅固嘅結構。", "金屬有低熔點。"], answer: "B")
        let a = ChoiceAnswerExtractor(item: item).assess("B/C\n\n注意：金屬確實能夠導電（B），同時也形成堅固的結構（C）。因此，如果允許多選，B和C都是正確的答案。")
        #expect(a.confidence == .uncertain)
    }

    /// `lexeval-6/few_shot/Gogpt_13B/3_2/942`: the option list copied inline (`A) 国防交通条例第三条；B) 中华人民共和国保障
    /// 措施条例第三十条；C`, B's number miscopied, cut off) is no choice, not a reply opening with A.
    @Test func anInlineCopyThatChangesAnOptionsEnd() {
        let item = Fixtures.item(.singleChoice, ["国防交通条例第三条", "中华人民共和国保障措施条例第三十一条", "《最高额借款合同》第十七条", "计划生育技术服务管理条例第三十四条"], answer: "C")
        let e = ChoiceAnswerExtractor(item: item)
        #expect(Fixtures.letters(e.assess(" A) 国防交通条例第三条；B) 中华人民共和国保障措施条例第三十条；C")) == nil)
        #expect(Fixtures.letters(e.assess("A) 国防交通条例第三条，因为B项不对")) == "A")
    }
}
