import SaimaModel
import Testing

@testable import SaimaScoring

/// Reading patterns found in the development part of the corpus's fifth sample (2026-12-07; `disc-lawllm-5`,
/// `lexeval-5`, `yue-arc-5`): each test reads the published reply (its corpus id in the doc comment) and checks what a
/// careful human reads, and how far the reading is trusted.
struct FifthSamplePatternsTests {
    /// `disc-lawllm-5/LawGPT/single/nje/125`: an answer line restating one option in slightly other words
    /// (`依照` for `根据`) reads that option; a line restating it negated does not.
    @Test func anAnswerLineRestatingAnOptionInOtherWords() {
        let item = Fixtures.item(.singleChoice, ["国务院根据宪法和全国人民代表大会的授权，制定一般性法律和行政法规", "国务院依法改变或者撤销地方各级国家行政机关的不适当的决定和命令", "国务院依法管理对外事务，批准参加双边或多边国际条约", "国务院依法决定某一省、自治区、直辖市进入紧急状态"], answer: "B")
        let e = ChoiceAnswerExtractor(item: item)
        #expect(Fixtures.letters(e.assess("答案: 国务院依照宪法和全国人民代表大会的授权，制定一般性法律和行政法规。</s>")) == "A")
        #expect(Fixtures.letters(e.assess("答案: 国务院不能依法管理对外事务，批准参加双边或多边国际条约")) == nil)
    }

    /// `yue-arc-5/yi-1.5-6b-hf/0shot/784`: lines numbered 1 to 4, each opening with a verdict, judge
    /// the options in order: the one judged right is read, inferred (a number stands for its letter).
    @Test func optionsJudgedByNumber() {
        let item = Fixtures.item(.singleChoice, ["佢哋包含信使RNA嘅密碼。", "佢哋標誌有絲分裂細胞分裂開始。", "佢哋確保基因密碼正確複製。", "佢哋用嚟組裝氨基酸合成蛋白質。"], answer: "D")
        let e = ChoiceAnswerExtractor(item: item)
        let a = e.assess("\n 1. 正確。DNA密碼子係由三個核苷酸序列組成。\n 2. 錯誤。DNA密碼子唔係用嚟標誌有絲分裂細胞分裂開始。\n 3. 錯誤。唔係。\n 4. 不正確。唔係。")
        #expect(Fixtures.letters(a) == "A")
        #expect(a.confidence == .inferred)
        #expect(Fixtures.letters(e.assess("1. 錯誤。\n2. 錯誤。\n3. 錯誤。")) == nil, "three of four options judged: not every option")
    }

    /// `yue-arc-5/GLM4/5shot/249`: an answer line followed by the reply saying the question seems wrong
    /// and no option is right (`問題似乎有誤`, `無一正確`) is in doubt.
    @Test func aRetractionAfterTheAnswerPutsItInDoubt() {
        let item = Fixtures.item(.singleChoice, ["氣壓。", "動能。", "勢能。", "風速。"], answer: "B")
        let a = ChoiceAnswerExtractor(item: item).assess("回應：B\n\n然而，這裡有個誤解需要澄清。所以，按照提供的選項來看，這個問題似乎有誤。但若必須從給出的選項中選擇，則無一正確。")
        #expect(a.confidence == .uncertain)
    }

    /// `lexeval-5/few_shot/Wisdom/3_2/811`: numbered lines of letters to a single-answer item
    /// (`1. C\n2. A\n3. C\n4. A\n5. C`) answer several questions, not this one: no reading, in doubt.
    @Test func numberedLettersToASingleAnswerItem() {
        let item = Fixtures.item(.singleChoice, ["非物质文化遗产法第十九条", "海岛保护法第三十二条", "执行的若干规定第十三条", "合同法第二百九十二条"], answer: "D")
        let a = ChoiceAnswerExtractor(item: item).assess("1. C\n2. A\n3. C\n4. A\n5. C\n")
        #expect(Fixtures.letters(a) == nil)
        #expect(a.confidence == .uncertain)
        let multi = Fixtures.item(.multiChoice, ["非物质文化遗产法第十九条", "海岛保护法第三十二条", "执行的若干规定第十三条", "合同法第二百九十二条"], answer: "AC")
        #expect(Fixtures.letters(ChoiceAnswerExtractor(item: multi).assess("1. A\n2. C")) == "AC")
    }

    /// The second reader's cases (2026-12-07) against the rules above: a restatement that swaps in a negation
    /// (`无效` for `有效`) restates nothing; a verdict word must stand alone (`1. 对于A项` judges nothing); an answer
    /// line standing inside one option's text (`答案：无效`) is no plain decline; a copied list followed by an
    /// answer in words is not plainly no choice.
    @Test func secondReadersCases() {
        let contract = Fixtures.item(.singleChoice, ["甲与乙之间签订的房屋买卖合同有效，乙应当向甲交付房屋", "甲与乙之间签订的房屋买卖合同无效", "合同可撤销", "合同效力待定"], answer: "B")
        let e = ChoiceAnswerExtractor(item: contract)
        #expect(Fixtures.letters(e.assess("答案：甲与乙之间签订的房屋买卖合同无效，乙应当向甲交付房屋")) != "A")
        let valid = ChoiceAnswerExtractor(item: Fixtures.item(.singleChoice, ["合同有效", "合同无效", "合同可撤销", "合同效力待定"], answer: "B"))
        #expect(valid.assess("答案：无效").confidence == .uncertain)
        let multi = Fixtures.item(.multiChoice, ["甲", "乙", "丙", "丁"], answer: "AB")
        #expect(ChoiceReplyShapeProbe.numberedVerdicts(multi, "1. 对于A项，…\n2. 对于B项，…\n3. 对于C项，…\n4. 对于D项，…") == nil)
        let heat = ChoiceAnswerExtractor(item: Fixtures.item(.singleChoice, ["Boiling", "Evaporation", "Conduction", "Radiation"], answer: "D"))
        #expect(heat.assess("A. Boiling\nB. Evaporation\nC. Conduction\nD. Radiation\nThe answer is radiation.").confidence != .explicit)
    }
}

/// Runs `ChoiceReplyShape.numberedVerdicts` on a reply to an item, as the extractor prepares it.
enum ChoiceReplyShapeProbe {
    static func numberedVerdicts(_ item: Item, _ reply: String) -> Set<Unicode.Scalar>? {
        let letters = Set(item.choices.compactMap { $0.letter.unicodeScalars.first })
        var forms: [Unicode.Scalar: String] = [:]
        for c in item.choices { forms[c.letter.unicodeScalars.first!] = TextNormalizer.matchingForm(c.text) }
        return ChoiceReplyShape(s: ScalarScanner(reply), groups: ChoiceLetterGroups(offered: letters), forms: forms).numberedVerdicts()
    }
}
