import SaimaModel
import Testing

@testable import SaimaScoring

/// One test per row of `ChoiceAnswerExtractor`'s rule table, plus the cases that must not count.
struct ChoiceAnswerExtractorTests {
    static let single = ChoiceAnswerExtractor(item: Fixtures.single("B"))
    static let multi = ChoiceAnswerExtractor(item: Fixtures.multi("BD"))

    static func read(_ reply: String, multi: Bool = false) -> (String, ExtractionRule)? {
        guard let found = (multi ? Self.multi : Self.single).extract(reply) else { return nil }
        return (found.answer.description, found.rule)
    }

    @Test(arguments: [
        ("B", "B"), ("（B）", "B"), ("**B**", "B"), ("b.", "B"), (" [C] ", "C"), ("Ｄ", "D"), ("“A”。", "A"),
        ("A,C", "AC"),  // a whole reply naming two letters reads both (and is wrong for single choice)
    ])
    func rule1Bare(reply: String, letters: String) throws {
        let (answer, rule) = try #require(Self.read(reply))
        #expect(answer == letters)
        #expect(rule == .bare)
    }

    @Test(arguments: [
        ("答案：B", "B", false),
        ("【答案】C <eoa>", "C", false),
        ("【解析】A项错误，B项正确……\n【答案】: A <eoa>", "A", false),  // the answer line beats claims in the reasoning
        ("【答案】 B、D <eoa>", "BD", true),
        ("**答案：** C", "C", false),
        ("Answer: b", "B", false),  // a lone lower-case letter not followed by a word
        ("最终答案：$\\boxed{C}$", "C", false),
        ("所以结果是 $\\boxed{\\text{D}}$", "D", false),
        ("答案：A、C、D", "ACD", true),
        ("Final answer: (A), (C)", "AC", true),
        ("答案：广州", "C", false),  // an answer line naming one choice's text
        ("答案：A。……综上所述，答案：B。", "B", false),  // the last explicit line wins
    ])
    func rule2AnswerLine(reply: String, letters: String, multi: Bool) throws {
        let (answer, rule) = try #require(Self.read(reply, multi: multi))
        #expect(answer == letters)
        #expect(rule == .answerLine)
    }

    @Test(arguments: [
        ("答案是 B 选项", "B", false),
        ("正确答案为B和D", "BD", true),
        ("选 AC", "AC", true),
        ("The answer is (C).", "C", false),
        ("答案是A。……不对，应该选D", "D", false),  // a changed mind: the last statement wins
        ("我认为应该选D，因为深圳是经济特区", "D", false),
        ("The correct answers are B and D.", "BD", true),
        ("不选A，故选C", "C", false),  // a negated marker is no statement
        ("如果选A，则不成立，所以正确选项是B", "B", false),  // nor a conditional one
        ("I would choose C.", "C", false),
        ("答案为：A、C、D", "ACD", true),
    ])
    func rule3AnswerStatement(reply: String, letters: String, multi: Bool) throws {
        let (answer, rule) = try #require(Self.read(reply, multi: multi))
        #expect(answer == letters)
        #expect(rule == .answerStatement)
    }

    @Test(arguments: [
        "B项说法正确，所以……\n【答案】无正确选项 <eoa>",  // the final line names no choice
        "分析：A是正确的。\n答案：题目有误",
        "A和B都有道理。\n答案：A或B",  // a hedge in the answer line commits to nothing
        "【答案】A. ①② B. ①③ C. ②④ D. ③④",  // the option list copied, nothing chosen
    ])
    func declinedAnswerLine(reply: String) {
        guard case .declined = Self.single.read(reply) else {
            Issue.record("expected a declined answer line for \(reply)")
            return
        }
    }

    @Test(arguments: [
        ("B. 上海\nD. 深圳", "BD"),  // only the chosen options, one per line
        ("下列城市是：\nA. 北京\nC. 广州\n以上城市都在中国。", "AC"),  // with a letter-free line before and after
        ("以下是正确的一项：\n\nB. 上海\n\n这是直辖市。", "B"),  // one option, introduced
    ])
    func listedOptions(reply: String, letters: String) throws {
        let (answer, rule) = try #require(Self.read(reply, multi: true))
        #expect(answer == letters)
        #expect(rule == .listedOptions)
    }

    @Test func listingEveryOptionIsARestatementNotAChoice() {
        // With the prompt known (it holds the list); without it a multi-choice item may be answered in option lines
        // (`OptionListAnswerTests`).
        let list = "A. 北京\nB. 上海\nC. 广州\nD. 深圳"
        #expect(ChoiceAnswerExtractor(item: Fixtures.multi("AB")).extract(list, prompt: "哪些城市是直辖市？\n" + list) == nil)
        #expect(Self.read(list, multi: false) == nil)
        #expect(Self.read("主要包括：\nA. 北京\nB. 上海\nC. 广州\nD. 深圳", multi: true)?.0 == "ABCD")
    }

    @Test(arguments: [
        ("A. 北京：不对。\nB. 上海：对。\n综上所述，最恰当的是 D. 深圳。", "D", false),
        ("Let's analyze each option.\nGiven these considerations, the best choice is:\n\nB. **上海**", "B", false),
        ("A. 北京 正确\nB. 上海 正确\n因此，所有选项都是正确的。", "ABCD", true),
        ("因此，集合 \\(A\\) 不重要。所以选项 C 广州最合适。", "C", false),  // math letters never count
    ])
    func conclusion(reply: String, letters: String, multi: Bool) throws {
        let (answer, rule) = try #require(Self.read(reply, multi: multi))
        #expect(answer == letters)
        #expect(rule == .conclusion)
    }

    @Test func boxedNumbersReadTheOptionWithThatValueAndPlaceholdersAreNoAnswerLine() throws {
        let hours = ChoiceAnswerExtractor(
            choices: [("A", "6 小时"), ("B", "12 小时"), ("C", "24 小时"), ("D", "36 小时")].map { Choice(letter: $0.0, text: $0.1) },
            multipleAnswers: false)
        #expect(hours.extract("周期约为 \\(\\boxed{36}\\) 小时。")?.answer == .letters("D"))
        // `答案：XY` copied from the instruction is ignored; the listed options are the answer.
        #expect(Self.read("B. 上海\nD. 深圳\n\n答案：XY", multi: true)?.0 == "BD")
    }

    @Test func walkThroughsAndLatexNeverYieldAStrayOrRestatedOption() {
        // Cut off while going through the options: no answer, not the first option's label or text.
        #expect(Self.read("现在，让我们逐一分析选项：\n\nA. 北京\n   - 这个") == nil)
        #expect(Self.read("设 \\(A\\) 为集合，且 $B=2$，则") == nil)
        #expect(Self.read("由 \\(A + \\sqrt{CC") == nil, "math cut off mid-way")
    }

    @Test func aLaterConclusionIsTheFinalWord() throws {
        // The reply contradicts its own answer line: the later statement wins, and the reading is uncertain.
        let a = Self.single.assess("答案：D\n\n解释：A错误，B正确……\n\n综上所述，唯一正确的一项是B。")
        #expect(a.reading == .answer(ExtractedAnswer(answer: .letters("B"), rule: .answerStatement)))
        #expect(a.confidence == .uncertain)
        // A rejected letter in a concluding sentence is no answer; "Option A is the incorrect statement" is.
        #expect(Self.read("因此选项 A 不正确。所以选项 C 广州最合适。")?.0 == "C")
        #expect(Self.read("Based on the analysis, Option A is the incorrect statement because it is vague.")?.0 == "A")
        // Multi choice: the option lines after a concluding colon.
        #expect(Self.read("Based on the above considerations, the answers are:\n\nB. 上海\nD. 深圳", multi: true)?.0 == "BD")
    }

    @Test func aStatementFollowedByOptionLinesNamesThemAll() throws {
        let reply = "答案：AC\n\n题目重述：下列说法正确的是：\nA. 北京\nC. 广州"
        let (answer, rule) = try #require(Self.read(reply, multi: true))
        #expect(answer == "AC" && rule == .answerStatement)
    }

    @Test func anUnsureReplyIsReadOnlyByItsExplicitStatements() {
        #expect(Self.read("选项B和D是正确的，但不确定它们是否都是必需的。", multi: true) == nil)
        #expect(Self.read("我不确定，不过答案：B")?.0 == "B", "an explicit answer still counts")
    }

    @Test func aFencedReplyIsReadWithoutItsFence() {
        #expect(Self.read("```markdown\nB. 上海\n```")?.0 == "B")
    }

    @Test func longRepliesHaveNoStrayLetters() {
        let long = String(repeating: "分析过程。", count: 100) + "质量数（A）不变。"
        #expect(Self.read(long) == nil)
        #expect(Self.read("质量数（A）不变，我认为是A")?.0 == "A", "a short reply still can")
    }

    @Test func aParaphrasedOptionIsAWeakReading() throws {
        let sites = ChoiceAnswerExtractor(
            choices: [("A", "河南省洛阳市"), ("B", "新疆吐鲁番市"), ("C", "甘肃省敦煌市")].map { Choice(letter: $0.0, text: $0.1) },
            multipleAnswers: false)
        let found = try #require(sites.extract("它位于中国云南省洛阳市。"))
        #expect(found.answer == .letters("A") && found.rule == .choiceText && found.rule.strength == .weak)
    }

    @Test(arguments: [
        ("A选项错误，B是正确的", "B", false),
        ("分析：A项说法错误；C选项说法正确；D错误", "C", false),
        ("Option B is correct.", "B", false),
        ("Clearly D is the correct answer", "D", false),
        ("A项错误；C项正确；D项正确", "CD", true),  // multi choice: every confirmed letter
    ])
    func rule4LetterStatement(reply: String, letters: String, multi: Bool) throws {
        let (answer, rule) = try #require(Self.read(reply, multi: multi))
        #expect(answer == letters)
        #expect(rule == .letterStatement)
    }

    /// Every option marked right or wrong on its own line is read as a list (rule `listed_options`): the letters
    /// marked right.
    @Test func everyOptionMarkedIsAList() throws {
        let (answer, rule) = try #require(Self.read("A. 错误\nB. 正确\nC. 错误\nD. 正确", multi: true))
        #expect(answer == "BD" && rule == .listedOptions)
    }

    @Test(arguments: [
        ("B. 上海是直辖市", "B"),
        ("C\n\n解析：广州是广东省省会。", "C"),
        ("(D) 深圳", "D"),
        ("选项A，北京", "A"),
    ])
    func rule5LeadingLetter(reply: String, letters: String) throws {
        let (answer, rule) = try #require(Self.read(reply))
        #expect(answer == letters)
        #expect(rule == .leadingLetter)
    }

    @Test func rule6ChoiceText() throws {
        let (answer, rule) = try #require(Self.read("应该是上海。"))
        #expect(answer == "B")
        #expect(rule == .choiceText)
        // A text contained in another found text does not count: 北京 inside 北京市.
        let nested = ChoiceAnswerExtractor(
            choices: [Choice(letter: "A", text: "北京"), Choice(letter: "B", text: "北京市")], multipleAnswers: false)
        #expect(nested.extract("北京市")?.answer == .letters("B"))
        // Single choice: two restated texts are ambiguous; multi choice takes both.
        #expect(Self.read("北京和上海都不是") == nil)
        #expect(Self.read("上海、深圳", multi: true)?.0 == "BD")
    }

    @Test(arguments: [("我觉得是B吧", "B"), ("嗯……C", "C"), ("I think the capital is B", "B")])
    func rule7StrayLetter(reply: String, letters: String) throws {
        let (answer, rule) = try #require(Self.read(reply))
        #expect(answer == letters)
        #expect(rule == .strayLetter)
    }

    @Test(arguments: [
        "",
        "I don't know",  // the I of "I don't" is English
        "Apple and Banana",  // letters inside words never count
        "A good question.",  // the article A
        "我不确定，可能是A也可能是B",  // stray letters that disagree
        "答案可能是A或B",  // a hedge is no statement, and the stray letters disagree
        "答案不是A",  // a negation is not a statement (and leaves only one stray letter… see below)
        "C3级投资者",  // C glued to a digit
        "E",  // not a choice of the item
    ])
    func unextractable(reply: String) {
        if reply == "答案不是A" {
            // Rule 2 does not read it; the stray A is then the only letter. Documented limit.
            #expect(Self.read(reply)?.1 == .strayLetter)
        } else {
            #expect(Self.read(reply) == nil)
        }
    }
}

/// One test per row of `TruthValueExtractor`'s rule table.
struct TruthValueExtractorTests {
    static func read(_ reply: String, choices: [Choice] = []) -> (Bool, ExtractionRule)? {
        guard let found = TruthValueExtractor(choices: choices).extract(reply), case .truth(let v) = found.answer else {
            return nil
        }
        return (v, found.rule)
    }

    @Test(arguments: [
        ("对", true), ("错", false), ("正确", true), ("错误", false), ("是", true), ("否", false), ("true", true),
        ("False", false), ("yes", true), ("NO", false), ("√", true), ("×", false), ("T", true), ("f", false),
        ("（错误）。", false), ("不正确", false), ("对的！", true),
    ])
    func rule1Bare(reply: String, value: Bool) throws {
        let (v, rule) = try #require(Self.read(reply))
        #expect(v == value)
        #expect(rule == .truthBare)
    }

    @Test(arguments: [
        ("答案：错误", false), ("判断：正确", true), ("The answer is false.", false), ("该说法是错误的，因为……", false),
        ("答案：正确。……不对，答案：错误", false), ("这个说法不正确", false),
    ])
    func rule2Statement(reply: String, value: Bool) throws {
        let (v, rule) = try #require(Self.read(reply))
        #expect(v == value)
        #expect(rule == .truthStatement)
    }

    @Test(arguments: [("正确。因为调查与审查必须分离", true), ("错误，调查人和审查人不得为同一人", false), ("No, because it is not allowed", false)])
    func rule3Leading(reply: String, value: Bool) throws {
        let (v, rule) = try #require(Self.read(reply))
        #expect(v == value)
        #expect(rule == .truthLeading)
    }

    @Test(arguments: [("根据规定，这种做法是错误的。正确的做法是分离", false), ("I believe it is true", true)])
    func rule4DecisiveWord(reply: String, value: Bool) throws {
        let (v, rule) = try #require(Self.read(reply))
        #expect(v == value)
        #expect(rule == .truthWord)
    }

    @Test func rule5ChoiceOfATrueFalseItem() throws {
        let choices = [Choice(letter: "A", text: "正确"), Choice(letter: "B", text: "错误")]
        let (v, rule) = try #require(Self.read("我选B", choices: choices))
        #expect(v == false)
        #expect(rule == .truthChoice)
    }

    @Test(arguments: ["", "对于这个问题我不清楚", "是否如此，难以判断", "Not sure"])
    func unextractable(reply: String) {
        #expect(Self.read(reply) == nil)
    }
}
