import SaimaModel
import Testing

@testable import SaimaScoring

/// The patterns that misled answer reading on replies it was never tuned on: copied prompt text, invented follow-up
/// questions, label lines that name no choice, glued letters, several letters to a single-answer item.
struct PromptEchoAndScopeTests {
    static let item = Fixtures.single("B")
    static let extractor = ChoiceAnswerExtractor(item: item)
    static let options = item.choices.map { "\($0.letter). \($0.text)" }.joined(separator: "\n")

    static func letters(_ a: ChoiceAssessment) -> String? {
        if case .answer(let found) = a.reading { return found.answer.description }
        return nil
    }

    @Test func anEchoedFormatExampleIsNotTheAnswer() {
        let prompt = "下列城市中哪一个是直辖市？\n\(Self.options)\n请你做一道单项选择题。答案写在【正确答案】和<eoa>之间。例如：【正确答案】A<eoa>"
        let reply = "请你做一道单项选择题。答案写在【正确答案】和<eoa>之间。例如：【正确答案】A<eoa>\n上海是直辖市。"
        // Without the prompt the copied example is the only answer line; with it, nothing copied is read.
        #expect(Self.letters(Self.extractor.assess(reply)) == "A")
        let a = Self.extractor.assess(reply, prompt: prompt)
        #expect(Self.letters(a) != "A")
    }

    @Test func anEchoedOneShotExampleAndItsAnswerAreNotTheAnswer() {
        let example = "示例：下列哪一项是水果？\nA. 苹果\nB. 白菜\nC. 土豆\nD. 大葱\n答案：A\n\n"
        let prompt = example + "下列城市中哪一个是直辖市？\n\(Self.options)\n答案："
        let reply = "下列哪一项是水果？\nA. 苹果\nB. 白菜\nC. 土豆\nD. 大葱\n答案：A\n\n我认为应该选B"
        let a = Self.extractor.assess(reply, prompt: prompt)
        #expect(Self.letters(a) == "B")
        #expect(a.confidence == .explicit)
    }

    @Test func anEchoedOptionListIsNotALeadingLetter() {
        let prompt = "下列城市中哪一个是直辖市？\n\(Self.options)\n请从以上选项中选出唯一正确的一项。"
        let echoed = Self.options + "\n这几个城市都很有名。"
        #expect(Self.letters(Self.extractor.assess(echoed, prompt: prompt)) == nil, "the copied list names nothing")
        // Restating the chosen option alone is an answer, even though the prompt holds it too.
        let chosen = Self.item.choices[1]
        #expect(Self.letters(Self.extractor.assess("\(chosen.letter). \(chosen.text)", prompt: prompt)) == "B")
    }

    @Test func ownAnswerEqualToThePromptsExampleIsKept() {
        let prompt = "请作答。例如：【正确答案】B<eoa>\n下列城市中哪一个是直辖市？\n\(Self.options)"
        #expect(Self.letters(Self.extractor.assess("【正确答案】B<eoa>", prompt: prompt)) == "B")
    }

    @Test(arguments: [
        "【正确答案】B<eoa>\n请你回答：下列哪项正确？\nA. 甲\nB. 乙\nC. 丙\nD. 丁\n【正确答案】D<eoa>",
        "答案：B\n\n题目：下列说法错误的是\nA. 一\nB. 二\nC. 三\n答案：C",
        "B\n\n问题：哪一个最大？\nA. 1\nB. 2\nC. 3\n答案：C",
        "答案：B\n下列哪个是省会？\nA. 杭州\nB. 宁波\nC. 温州\n答案：A",
    ])
    func theAnswerToTheQuestionAskedWinsOverInventedOnes(reply: String) {
        #expect(Self.letters(Self.extractor.assess(reply)) == "B")
    }

    @Test func aBaseModelRepeatingTheAskedQuestionStartsANewRound() {
        // Few-shot completion: the model answers, then repeats the question (or a shot) and answers it again.
        let prompt = "下列城市中哪一个是直辖市？\n\(Self.options)\n答案：B\n\n下列城市中哪一个是直辖市？\n\(Self.options)\n答案："
        let reply = "B\n\n下列城市中哪一个是直辖市？\n\(Self.options)\n答案：C\n\n下列城市中哪一个是直辖市？\n\(Self.options)\n答案：D"
        #expect(Self.letters(Self.extractor.assess(reply, prompt: prompt)) == "B", "with the prompt: the copy marks the new round")
        let english = "Question: 下列城市中哪一个是直辖市？\n(A) 北京\n(B) 上海\n(C) 广州\n(D) 深圳\nAnswer:"
        let continued = " The answer is (B).\n\nQuestion: 下列城市中哪一个是直辖市？\n(A) 北京\n(B) 上海\nAnswer: The answer is (A)."
        #expect(Self.letters(Self.extractor.assess(continued, prompt: english)) == "B")
        #expect(Self.letters(Self.extractor.assess(continued)) == "B", "without the prompt: the Question label")
    }

    @Test func anAnswerEqualToThePromptsNextExampleIsKeptWhenTheCopyRunsOn() {
        // The model's answer equals the next shot's answer and the reply runs on into that shot, copied.
        let shot = "题目：下列哪一项是水果？\nA. 苹果\nB. 白菜\nC. 土豆\nD. 大葱\n【正确答案】A<eoa>\n\n"
        let prompt = "题目：哪个城市最大？\n\(Self.options)\n【正确答案】B<eoa>\n\n" + shot + "题目：下列城市中哪一个是直辖市？\n\(Self.options)\n"
        let reply = "【正确答案】B<eoa>\n\n题目：下列哪一项是水果？\nA. 苹果\nB. 白菜\nC. 土豆\nD. 大葱\n【正确答案】A<eoa>"
        #expect(Self.letters(Self.extractor.assess(reply, prompt: prompt)) == "B")
        // A bare letter opening a copied passage (one-shot `答案：B` followed by the next question's text).
        let passage = "阅读下面的材料，完成下列各题。城市化是现代化的必由之路，也是乡村振兴和区域协调发展的有力支撑。"
        let oneShot = "下列城市中哪一个是直辖市？\n\(Self.options)\n答案：B\n\n" + passage + "\n下列理解正确的一项是\n\(Self.options)\n答案："
        #expect(Self.letters(Self.extractor.assess("B\n\n" + passage, prompt: oneShot)) == "B")
        // But a copied option line is no answer: `A. 北京` starts the copied list.
        let listed = Self.extractor.assess(Self.options + "\n", prompt: oneShot)
        #expect(Self.letters(listed) == nil)
    }

    @Test func aJSONAnswerIsReadWholeEvenWhenItEqualsThePromptsExample() {
        let prompt = "下列城市中哪一个是直辖市？\n\(Self.options)\n请只用 JSON 回答，格式为 {\"answer\": \"A\", \"reason\": \"简要理由\"}。"
        let own = Self.extractor.assess(#"{"answer": "A", "reason": "北京是首都，也是直辖市。"}"#, prompt: prompt)
        #expect(Self.letters(own) == "A")
        #expect(own.confidence == .explicit)
        let copied = Self.extractor.assess(#"格式为 {"answer": "A", "reason": "简要理由"}。我认为上海是直辖市，答案是B"#, prompt: prompt)
        #expect(Self.letters(copied) == "B", "the example copied whole is not the answer")
        let multi = ChoiceAnswerExtractor(item: Fixtures.multi("BD"))
        if case .answer(let a) = multi.assess(#"{"answer": ["B", "D"], "reason": "…"}"#).reading {
            #expect(a.answer.description == "BD")
        } else {
            Issue.record("a JSON list of letters is read")
        }
    }

    @Test func aWalkThroughOfTheItemsOwnOptionsIsNotANewQuestion() {
        let c = Self.item.choices
        let reply = "答案：D\n\n1. A 选项中，\(c[0].text)不对。\n2. B 选项中，\(c[1].text)正确。\n3. C 选项中不对。\n\n综上所述，唯一正确的一项是B。"
        let a = Self.extractor.assess(reply)
        #expect(Self.letters(a) == "B")
        #expect(a.confidence == .uncertain, "the reply contradicts its own answer line")
    }

    @Test(arguments: ["【正确答案】B<eoa>\n解答：本题考查直辖市。", "[正确答案]B<eoa>\n请你回答：", "正确答案：B<eoa>\n解释：B选项中上海是直辖市，A选项中…"])
    func aLabelThatNamesNoChoiceNeverVetoesAnEarlierAnswer(reply: String) {
        #expect(Self.letters(Self.extractor.assess(reply)) == "B")
    }

    @Test func anAnswerLineWinsOverAnalysisThatOnlyMentionsOptions() {
        let a = Self.extractor.assess("正确答案：B\n解释：因此D选项中的说法与题意无关。")
        #expect(Self.letters(a) == "B")
    }

    /// Glued letters are in doubt; several letters to a single-answer item are the reply's answer (scored wrong) when
    /// stated plainly, and in doubt when only guessed from stray letters.
    @Test func gluedLettersAndGuessedSeveralLettersAreUncertain() {
        let glued = Self.extractor.assess("[正确答案]Belectorate")
        #expect(Self.letters(glued) == "B")
        #expect(glued.confidence == .uncertain)
        let stated = Self.extractor.assess("B,C,D")
        #expect(Self.letters(stated) == "BCD")
        #expect(stated.confidence == .explicit, "the reply states three letters: what it answered, scored wrong")
        let guessed = Self.extractor.assess("我认为B和C")
        #expect(Self.letters(guessed) == "BC")
        #expect(guessed.confidence == .uncertain, "stray letters are a guess")
        #expect(Self.letters(Self.extractor.assess("以下说法中对的是：B")) == "B")
    }

    /// One option's own text in a sentence is inferred for a single-answer item; two answers that disagree are in doubt.
    @Test func namedOptionTextIsInferredAndContradictingAnswersAreUncertain() {
        let named = Self.extractor.assess("我选\(Self.item.choices[1].text)。")
        #expect(Self.letters(named) == "B")
        #expect(named.confidence == .inferred)
        let torn = Self.extractor.assess("The answer is C.\n\nHere's why: …\n\nTherefore, the best answer is B.")
        #expect(Self.letters(torn) == "B")
        #expect(torn.confidence == .uncertain, "an earlier answer names C")
    }

    @Test func confidenceClasses() {
        #expect(Self.extractor.assess("答案：B").confidence == .explicit)
        #expect(Self.extractor.assess("B是正确的").confidence == .inferred)
        #expect(Self.extractor.assess("我认为是B").confidence == .uncertain, "a stray letter is a guess")
        #expect(Self.extractor.assess("A或B都有可能").confidence == .uncertain, "no reading, but options are named")
        #expect(Self.extractor.assess("我不知道。").confidence == .explicit, "nothing a reader could take for an answer")
        #expect(Self.extractor.assess("答案：题目有误").confidence == .explicit, "a plain refusal")
    }

    @Test func aSecondReadersQuoteMustStandInTheReplyItself() {
        let prompt = "下列城市中哪一个是直辖市？\n\(Self.options)\n请从以上选项中选出唯一正确的一项。"
        let a = Self.extractor.assess("请从以上选项中选出唯一正确的一项。\n我选上海，也就是B。", prompt: prompt)
        #expect(a.standsInReadText("我选上海，也就是B"))
        #expect(!a.standsInReadText("选出唯一正确的一项"), "copied from the prompt")
        #expect(!a.standsInReadText("答案：C"))
    }
}
