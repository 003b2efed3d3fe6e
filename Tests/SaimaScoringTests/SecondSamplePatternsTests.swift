import SaimaModel
import Testing

@testable import SaimaScoring

/// Reading patterns found in the development part of the corpus's second sample (2026-12-07; `disc-lawllm-2`,
/// `lexeval-2`, `yue-arc-2`): each test reads the published reply byte for byte (its corpus id in the doc comment) and
/// checks the letters and the confidence a careful human reading gives.
struct SecondSamplePatternsTests {
    static func item(_ type: ItemType, _ texts: [String], answer: String = "A") -> Item {
        Fixtures.item(type, texts, answer: answer)
    }

    static func letters(_ a: ChoiceAssessment) -> String? { Fixtures.letters(a) }

    static let culture = item(.multiChoice, ["优秀文化才注重家庭价值", "优秀文化才重视个人成就", "优秀文化才重视艺术创作", "优秀文化并不一定要以世俗标准为参考"])

    /// `lexeval-2/zero_shot/Llama_2_7B/6_1/882`: the answer line's letter does not run on into the option line copied
    /// on the next line (`答案: D\nA: …` is D, not AD), while letters one per line still form one group.
    @Test func anAnswerLetterStopsAtTheNextOptionLine() {
        let a = ChoiceAnswerExtractor(item: Self.culture).assess("答案: D\nA: 优秀文化才注重家庭��")
        #expect(Self.letters(a) == "D")
        #expect(a.confidence == .explicit)
        #expect(Self.letters(ChoiceAnswerExtractor(item: Self.culture).assess("答案: B\nD")) == "BD")
    }

    static let contracts = item(.multiChoice, ["因受欺诈而订立的合同", "因重大误解而订立的合同", "以虚假表示订立的合同", "因受胁迫而订立的合同"])

    /// `disc-lawllm-2/LawGPT/multi/cpa/57`: an answer line restating the stem up to its colon answers with the option
    /// lines below it. With the prompt unknown, all four listed read ABCD, uncertain (a judge decides); two listed read
    /// those two, explicit.
    @Test func anAnswerLineEndingInAColonAnswersWithTheLinesBelow() {
        let all = "答案: 下列各项中，属于可撤销合同的有：\nA. 因受欺诈而订立的合同\nB. 因重大误解而订立的合同\nC. 以虚假表示订立的合同\nD. 因受胁迫而订立的合同</s>"
        let a = ChoiceAnswerExtractor(item: Self.contracts).assess(all)
        #expect(Self.letters(a) == "ABCD")
        #expect(a.confidence == .uncertain)
        let two = "答案: 下列各项中，属于可撤销合同的有：\nA. 因受欺诈而订立的合同\nD. 因受胁迫而订立的合同"
        let b = ChoiceAnswerExtractor(item: Self.contracts).assess(two)
        #expect(Self.letters(b) == "AD")
        #expect(b.confidence == .explicit)
    }

    static let applications = item(.multiChoice, ["201430465498.X", "201290004238.0", "201320278122.1", "201140376384.3"])

    /// `disc-lawllm-2/LawGPT/multi/pae/93`: one option named inside the answer line's sentence (`只有A项`) is the
    /// answer; a line that rejects an option (`A项错误`) names none.
    @Test func anOptionNamedInsideTheAnswerSentenceIsTheAnswer() {
        let e = ChoiceAnswerExtractor(item: Self.applications)
        #expect(Self.letters(e.assess("答案: 上述选项中只有A项显示申请号为实用新型专利申请。</s>")) == "A")
        #expect(Self.letters(e.assess("答案: 上述选项中A项错误。")) == nil)
    }

    /// `disc-lawllm-2/LawGPT/single/ungee/293` (shape): `所有说法均正确` on a single-answer item reads every letter.
    @Test func everyStatementRightReadsEveryLetter() {
        let a = ChoiceAnswerExtractor(item: Fixtures.single("A")).assess("答案: 所有说法均正确</s>")
        #expect(Self.letters(a) == "ABCD")
    }

    static let patents = item(.multiChoice, [
        "申请人为乙的国际申请， 国际申请日为 2010年 1 月 15 日，国际公布日为 2011年 7 月 15 日，进入中国国家阶段的日期为 2011年 8 月 5 日",
        "申请人为甲本人的中国实用新型专利申请，申请日为 2010 年 1 月 4 日，公告日为 2010 年 5月 16 日",
        "申请人为丙的欧洲专利申请，申请日为 2010 年 2 月 1 日，公布日为 2010 年 11 月 1 日",
        "申请人为丁的中国实用新型专利申请，申请日为 2010 年 6 月 14 日，优先权日为 2010 年 2月 4 日，授权公告日为 2010年 10月 16日",
    ])

    /// `disc-lawllm-2/LexiLaw/multi/pae/77`: every option listed, the last line cut off by the length limit, reads all
    /// four (uncertain) when the prompt is unknown; the same list with its prompt known is the list copied, no answer.
    @Test func aListOfEveryOptionCutShortStillListsThemAll() {
        let reply = "A. 申请人为乙的国际申请, 国际申请日为 2010年 1 月 15 日,国际公布日为 2011年 7 月 15 日,进入中国国家阶段的日期为 2011年 8 月 5 日\nB. 申请人为甲本人的中国实用新型专利申请,申请日为 2010 年 1 月 4 日,公告日为 2010 年 5月 16 日\nC. 申请人为丙的欧洲专利申请,申请日为 2010年 2 月 1 日,公布日为 2010年 11月 1 日\nD. 申请人为丁的中国实用新型专利申请,申请日为 2010年 6"
        let a = ChoiceAnswerExtractor(item: Self.patents).assess(reply)
        #expect(Self.letters(a) == "ABCD")
        #expect(a.confidence == .uncertain)
    }

    static let causes = item(.multiChoice, ["合同纠纷", "变更抚养关系", "旅游合同纠纷", "与公司、证券、保险、票据等有关的民事"])

    /// `lexeval-2/few_shot/Lawyer_llama/3_1/793`: A's text without its label, then `B: …`, `C: …` is the prompt's
    /// option list continued, not a choice of B and C: no reading, uncertain.
    @Test func anOptionListContinuedFromThePromptChoosesNothing() {
        let a = ChoiceAnswerExtractor(item: Self.causes).assess(" 合同纠纷 \nB: 变更抚养关系 \nC: 旅游合同纠纷 ")
        #expect(Self.letters(a) == nil)
        #expect(a.confidence == .uncertain)
    }

    /// `lexeval-2/zero_shot/Ziya_llama/3_1/537`: letters one per line after stray colons read as all of them.
    @Test func lettersOnePerLineAfterStrayColons() {
        #expect(Self.letters(ChoiceAnswerExtractor(item: Self.causes).assess(" A\n : B\n : C\n : D")) == "ABCD")
    }

    static let science = item(.singleChoice, ["打電話俾其他做神經研究嘅科學家。", "寫信俾治療神經損傷嘅醫院。", "將結論放喺專注神經系統嘅網站。", "喺涵蓋神經相關問題嘅科學期刊發表結果。"])

    /// `yue-arc-2/llama-2-7b-hf/0shot/765`: a base model repeating `回應：` and the whole option list until cut off is
    /// not answering A with its last, cut copy; plainly so (explicit) since the fourth sample's rules, as the whole list
    /// of a single-answer item opens the reply (`FourthSamplePatternsTests`).
    @Test func aLoopOfCopiedOptionListsIsNoAnswer() {
        let list = "A. 打電話俾其他做神經研究嘅科學家。\nB. 寫信俾治療神經損傷嘅醫院。\nC. 將結論放喺專注神經系統嘅網站。\nD. 喺涵蓋神經相關問題嘅科學期刊發表結果。\n由提供嘅選項中直接用選項嘅字母作答。\n"
        let reply = "\n" + list + " 回應：\n" + list + " 回應：\n" + list + " 回應：\nA. 打電話俾其"
        let a = ChoiceAnswerExtractor(item: Self.science).assess(reply)
        #expect(Self.letters(a) == nil)
        #expect(a.confidence == .explicit)
    }

    /// `yue-arc-2/GLM4/0shot/505`: a reply that picks A and then says no option is right (`應該係無正確答案`) is in
    /// doubt, not a confident A.
    @Test func sayingNoOptionIsRightPutsTheReadingInDoubt() {
        let item = Self.item(.singleChoice, ["666瓦特", "133瓦特", "66瓦特", "7瓦特"], answer: "B")
        let reply = "A. 666瓦特\n\n計算方法：\n功率（P）= 能量（E）/ 時間（t）\nP = 240,000 焦耳 / 1800 秒\nP = 133.33 瓦特\n\n但由於選項中無得133.33瓦特，所以最接近嘅選項係 A. 666瓦特。不過，呢個好似有錯誤，因為133.33瓦特先係正確答案。如果一定要選其中一個，應該係無正確答案。但根據提供嘅選項，我哋可以推斷可能係問題設置有誤。正確答案應該係 133.33 瓦特。"
        #expect(ChoiceAnswerExtractor(item: item).assess(reply).confidence == .uncertain)
    }

    /// `yue-arc-2/phi-3-medium-128k-instruct-hf/0shot/1026`: a reply that names several options' texts while
    /// discussing them and concludes with one option's text (`因此，降水最可能喺厚重黑雲下發生。`) reads that option.
    @Test func aConclusionNamingOneOptionByItsWords() {
        let item = Self.item(.singleChoice, ["晴朗陽光", "部分陽光", "厚重黑雲", "白色蓬鬆雲"], answer: "C")
        let reply = "降水最可能喺厚重黑雲下發生。這是因為黑雲是由水氣飽和的大量水滴組成。\n\n相反，晴朗陽光和部分陽光通常與乾淨的天空和低水氣含量有關。白色蓬鬆雲，或稱為卷雲，通常較輕。\n\n因此，降水最可能喺厚重黑雲下發生。"
        #expect(Self.letters(ChoiceAnswerExtractor(item: item).assess(reply)) == "C")
    }
}
