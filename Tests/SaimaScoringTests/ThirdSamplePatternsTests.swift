import SaimaModel
import Testing

@testable import SaimaScoring

/// Reading patterns found in the development part of the corpus's third sample (2026-12-07; `disc-lawllm-3`,
/// `lexeval-3`, `yue-arc-3`): each test reads the published reply (its corpus id in the doc comment) and checks what a
/// careful human reads.
struct ThirdSamplePatternsTests {
    static func item(_ type: ItemType, _ texts: [String], answer: String = "A") -> Item {
        Fixtures.item(type, texts, answer: answer)
    }

    static func letters(_ a: ChoiceAssessment) -> String? { Fixtures.letters(a) }

    /// `disc-lawllm-3/LawGPT/multi/ungee/57`: option lines numbered with circled numbers (`①A. …`) are option lines;
    /// a circled number standing alone is still folded as a number.
    @Test func circledNumbersBeforeOptionLabels() {
        let item = Self.item(.multiChoice, ["工人有组织工会的权利", "实行安全生产防护", "雇主可以自行开除工人", "雇主安排加班应征得工人同意"])
        let reply = "答案: ①A. 工人有组织工会的权利\n②B. 实行安全生产防护\n③C. 雇主可以自行开除工人\n④D. 雇主安排加班应征得工人同意</s>"
        #expect(Self.letters(ChoiceAnswerExtractor(item: item).assess(reply)) == "ABCD")
        #expect(ScalarScanner.withoutCircledMarks("①A ② ③b") == "A ② ③b")
    }

    /// `disc-lawllm-3/LawGPT/single/nje/326` and `lexeval-3/few_shot/Fuzi/6_3/4`: options that each open with a
    /// different party (甲 乙 丙 丁) are named by the one party the reply speaks of; two parties name none.
    @Test func thePartyTheReplyNames() {
        let item = Self.item(.singleChoice, ["甲非法侵入国家事务的计算机信息系统", "乙利用计算机对考试院报名系统删除数据", "丙利用病毒程序侵入私人计算机", "丁研发攻击性程序出售给他人"], answer: "B")
        let e = ChoiceAnswerExtractor(item: item)
        #expect(Self.letters(e.assess("答案: 乙的行为构成破坏计算机信息系统罪</s>")) == "B")
        #expect(Self.letters(e.assess("丁的行为侵犯了公民的隐私安全，违反了相关规定。")) == "D")
        #expect(Self.letters(e.assess("甲和乙的行为都不构成犯罪。")) == nil)
    }

    /// `lexeval-3/few_shot/Vicuna/3_5/352`: a first line that is only a number reads as the option with that leading
    /// number (`158` → `B: 158户`), before the question the reply goes on to invent.
    @Test func aBareNumberNamesTheOptionWithThatNumber() {
        let item = Self.item(.singleChoice, ["157户", "158户", "159户", "160户"], answer: "B")
        #expect(Self.letters(ChoiceAnswerExtractor(item: item).assess("158\n\n问题: 根据《刑法》第四十")) == "B")
        #expect(Self.letters(ChoiceAnswerExtractor(item: item).assess("161")) == nil)
    }

    /// `lexeval-3/zero_shot/Gogpt_7B/3_2/530`: a single-answer item's first two options copied in order, nothing else,
    /// is the prompt's list cut off, not an answer of two letters; two options that are not its first ones still read.
    @Test func aSingleAnswerItemsFirstOptionsCopiedAreNoChoice() {
        let item = Self.item(.singleChoice, ["中华人民共和国科学技术进步法第二十一条", "中华人民共和国人口与计划生育法第六条", "《中华人民共和国合同法》第六十条", "中华人民共和国陆地国界法第四十九条"])
        let e = ChoiceAnswerExtractor(item: item)
        #expect(Self.letters(e.assess("\nA:中华人民共和国科学技术进步法第二十一条 \nB:中华人民共和国人口与计划生育法第六条")) == nil)
        #expect(Self.letters(e.assess("B:中华人民共和国人口与计划生育法第六条\nD:中华人民共和国陆地国界法第四十九条")) == "BD")
    }

    /// `lexeval-3/zero_shot/gpt35/6_3/402`: every option marked right or wrong (`A: 1 … D: 0`) reads the options
    /// marked right.
    @Test func optionsMarkedOneByOne() {
        let item = Self.item(.multiChoice, ["电脑设置自动锁屏", "重要数据定期备份", "非工作设备接入到办公网络", "自行加装无线路由器"], answer: "AB")
        let a = ChoiceAnswerExtractor(item: item).assess("A: 1\nB: 1\nC: 0\nD: 0\n\n正确答案的序号是: 1")
        #expect(Self.letters(a) == "AB")
        #expect(Self.letters(ChoiceAnswerExtractor(item: item).assess("A. √\nB. ×\nC. ×\nD. √")) == "AD")
    }

    /// "Every option right" is not read when negated (`不是所有选项都正确`), nor when an option is itself "all of the
    /// above" (the line then names that option by its text).
    @Test func everyOptionRightOnlyWhenItSaysSo() {
        let e = ChoiceAnswerExtractor(item: Fixtures.multi("ABCD"))
        #expect(Self.letters(e.assess("答案: 所有说法均正确")) == "ABCD")
        #expect(Self.letters(e.assess("答案: 不是所有说法都正确")) == nil)
        let withAll = ChoiceAnswerExtractor(item: Self.item(.singleChoice, ["甲", "乙", "丙", "以上说法都对"], answer: "D"))
        #expect(Self.letters(withAll.assess("答案: 以上说法都对")) == "D")
    }

    /// `故意` (intent) and `之所以` are words, not conclusions: an option's words after them are not read as the
    /// reply's conclusion.
    @Test func markersInsideWordsDoNotConclude() {
        let reply = "本案中甲并非故意伤害罪的主观状态，之所以过失致人死亡罪更贴近，是因为甲没有预见。"
        let shape = ChoiceReplyShape(s: ScalarScanner(reply), groups: ChoiceLetterGroups(offered: ["A", "B", "C", "D"]), forms: [:])
        #expect(shape.lastConclusionText() == nil)
        #expect(ChoiceReplyShape(s: ScalarScanner("分析略。故选项B正确。"), groups: shape.groups, forms: [:]).lastConclusionText() == "选项B正确")
    }
}
