import Foundation
import SaimaBase
public import SaimaModel

/// Reads the chosen letters from a free-text reply to a single- or multi-choice item.
///
/// The reply is NFKC-folded first (full-width `Ｂ（：` read as `B(:`) and `*` and `` ` `` are dropped
/// (Markdown `**B**`). Letters are read in **letter groups** (`ChoiceLetterGroups`: `AC`, `B和D`, `A, C, and D`;
/// every letter offered by the item, never part of a word such as `Apple`, `I think` or `C3`). The rules are tried
/// in this order; the first that yields an answer wins. Rules 1–5 read an explicit answer and are **strong**;
/// 6–7 read a claim or a layout (**inferred**); 8–9 guess from restated text or stray letters (**weak**). Letters
/// inside TeX math (`\\(A\\)`, `$A=2$`) and option labels opening a line (`A. …`) are never stray letters.
///
/// | # | rule | reads | examples → answer |
/// |---|---|---|---|
/// | 1 | `bare` | the whole reply, after brackets, quotes, spaces and closing punctuation around it, is a letter group (any case) | `B`, `（B）`, `**B**`, `b.`, `A,C` → B, B, B, B, AC |
/// | 2 | `answer_line` | the reply's **final** answer statement (`ChoiceAnswerStatements`) is a labelled answer line naming letters, exactly one choice's text (Chinese numerals read as digits: `一年` = `1年`; or one option restated in other words, 85% shared and no negation more or less), every option (`上述说法均正确`, `所有`), options named after `只有` (`只有A、B两项`), or (in `\\boxed{}`) one choice's leading number | `【答案】C <eoa>`, `【答案】: A <eoa>`, `**答案：** B`, `Answer: (D)`, `$\\boxed{C}$`, `答案：北京市`, `\\boxed{36} 小时` (D = 36 小时) → C, A, B, D, C, B, D |
/// | 3 | `answer_statement` | the final answer statement is prose naming letters: `答案是` `选` `应选` `故选` `正确选项为` `the answer is` `I choose` … (not negated or conditional) | `答案是 B 选项`, `正确答案为B和D`, `故选AC`, `The answer is (C).`, `答案：A。……不对，应该选D` → B, BD, AC, C, D |
/// | 4 | `listed_options` | the reply lists the options it chooses, one per line as `X. <its text>` (`ChoiceReplyShape`); a line restating its option negated rejects it; letters one per line, unless numbered to a single-answer item (`1. C\\n2. A`: answers to several questions) | `B. 黏液性水肿\\nE. 心悸` → BE |
/// | 5 | `conclusion` | the last concluding sentence (`综上所述` `因此` `therefore` `based on the analysis` …) naming letters not rejected in it (`选项 B 不正确`); a sentence ending in `:` takes the option lines after it. A conclusion after the reply's last answer statement overrides it | `综上所述，最恰当的是 D. 物业服务合同纠纷` → D; `答案：D … 综上所述，唯一正确的一项是B` → B |
/// | 6 | `letter_statement` | a letter group followed by a claim that it is right: optional `. : 、 )`, optional `选项 项 option`, `的`, `说法 表述 描述 叙述 观点`, `才是 是 为 最 is`, `the`, then `正确 对的 correct right answer 答案`; the last such group (for multi choice, the union of all); or lines numbered 1 to n, one per option, each opening with a verdict word (`1. 正確。…\\n2. 錯誤。…`): the options judged right | `B是正确的`, `C选项说法正确`, `Option B is correct` → B, C, B |
/// | 7 | `leading_letter` | the reply starts (after brackets and an optional `选项`/`option`) with a letter group followed by the end, whitespace or `. 。 , 、 : ; ) ] 】 」` — but not `A`/`I` followed by a space and a lower-case word, and not in a walk-through of the options | `B. 北京`, `B\\n解析：…`, `AC。` → B, B, AC |
/// | 8 | `choice_text` | the reply restates choice texts (at least two characters, not a bare number): choices whose `TextNormalizer.matchingForm` occurs in the reply's, dropping any contained in another found one; single choice needs exactly one, and never every choice; not in a walk-through. For a short single-choice reply, also the one option it paraphrases (longest common substring ≥ 60% of that option, twice any other's) | `北京市` (B = 北京市, A = 北京) → B |
/// | 9 | `stray_letter` | in a reply of at most 400 code points, every letter group standing alone (not `A`/`I` + space + lower-case word, unless named by `option`/`选项`); all must agree | `我认为是B` → B; `A 或 B` → nothing |
///
/// A reply that says it is unsure (`不确定`, `无法确定`, `not sure`, …) is read only by rules 1–5.
///
/// **Declined**: when the final answer statement is an answer line that names no letter and no single choice
/// text (`【答案】无 <eoa>`, `答案：题目有误`, `答案：A或B`), the reply is unextractable — rules 3–7 are not tried, so
/// a claim inside the reasoning never replaces the reply's own final word. Otherwise, when no rule applies, the
/// reply is **unextractable** too (score 0, flagged apart from wrong answers).
/// Known limits: `答案不是A` yields nothing from rules 2–3, and rule 7 then reads the lone `A`; a reply naming
/// several letters for a single-choice item extracts all of them and is scored wrong; `A股`-style words glued
/// to CJK text count as standalone letters.
public struct ChoiceAnswerExtractor: Sendable {
    /// The item's choices.
    public let choices: [Choice]
    /// Whether the item expects several letters (multi choice).
    public let multipleAnswers: Bool
    private let offered: Set<Unicode.Scalar>
    /// Choice texts by letter, in `TextNormalizer.matchingForm`.
    let forms: [Unicode.Scalar: String]

    public init(choices: [Choice], multipleAnswers: Bool) {
        self.choices = choices
        self.multipleAnswers = multipleAnswers
        offered = Set(choices.compactMap { $0.letter.unicodeScalars.count == 1 ? $0.letter.unicodeScalars.first : nil })
        var forms: [Unicode.Scalar: String] = [:]
        for c in choices where c.letter.unicodeScalars.count == 1 {
            forms[c.letter.unicodeScalars.first!] = TextNormalizer.matchingForm(c.text)
        }
        self.forms = forms
    }

    /// The extractor for a choice item.
    public init(item: Item) { self.init(choices: item.choices, multipleAnswers: item.type == .multiChoice) }

    /// The chosen letters and the rule that read them, or nil when the reply is unextractable or declined.
    public func extract(_ reply: String, prompt: String? = nil) -> ExtractedAnswer? {
        if case .answer(let found) = read(reply, prompt: prompt) { return found }
        return nil
    }

    /// What the reply answers: letters and the rule that read them, a declined answer line, or nothing.
    public func read(_ reply: String, prompt: String? = nil) -> ChoiceReading { assess(reply, prompt: prompt).reading }

    /// What the reply answers and how far that reading can be trusted (`ReadingConfidence`).
    ///
    /// `prompt` is the exact text the model was sent, when known: spans of the reply copied from it are not read
    /// (`PromptEcho`). The reply is then cut where it goes on to a question of its own making (`QuestionScope`).
    public func assess(_ reply: String, prompt: String? = nil) -> ChoiceAssessment {
        // A reply fenced as code (```markdown … ```) is read without its fence line.
        var reply = reply
        if reply.trimmed.hasPrefix("```"),
            let newline = reply.firstIndex(of: "\n")
        {
            reply = String(reply[reply.index(after: newline)...])
        }
        reply = Self.endingMarksAsLineBreaks(reply)
        var s = ScalarScanner(reply)
        let sent = s
        // The prompt is folded only when the reply could copy a run of it (`PromptEcho.minimumRun` scalars) or holds a
        // JSON object: a bare reply (`B`, `答案：C`) costs no pass over a long prompt.
        let promptKnown = prompt?.unicodeScalars.contains { !$0.properties.isWhitespace } ?? false
        let mayCopy = s.text.lazy.filter { !$0.properties.isWhitespace }.prefix(PromptEcho.minimumRun).count >= PromptEcho.minimumRun
            || s.text.contains("{")
        let folded = promptKnown && mayCopy ? prompt.map(PromptEcho.folded) ?? [] : []
        if !folded.isEmpty {
            let (text, echoes) = PromptEcho(choices: choices).removingEchoes(from: s.text, prompt: folded)
            if echoes > 0 { s = ScalarScanner(scalars: text) }
        }
        let groups = ChoiceLetterGroups(offered: offered)
        var statements = ChoiceAnswerStatements(groups: groups, choiceText: { choiceText($0) ?? partyOption($0) ?? restatedOption($0) })
        statements.everyOptionMayAnswer = !promptKnown && multipleAnswers
        statements.optionIsEveryOptionRight = choices.contains { c in
            let lower = c.text.lowercased()
            return c.text.contains("以上") || ChoiceAnswerStatements.everyOptionRight.contains { ScalarSearch.contains(lower, $0) }
        }
        statements.numbers = choices.compactMap { c in
            guard let letter = c.letter.unicodeScalars.first,
                let number = c.text.trimmedSpaces.prefix(while: { $0.isNumber || $0 == "." }).nilIfEmpty,
                let value = Double(number)
            else { return nil }
            return (letter, value)
        }
        // A JSON answer object is read whole from the reply as sent (its strings may quote anything), unless it is the
        // prompt's own example copied.
        if let letters = jsonAnswer(reply), !Self.copiesJSONExample(reply, folded) {
            var a = ChoiceAssessment(reading: .answer(.init(answer: .letters(letters), rule: .answerLine)), confidence: .explicit)
            a = graded(a, s: s, groups: groups, text: "", everyOptionMayAnswer: statements.everyOptionMayAnswer)
            a.readText = String(String.UnicodeScalarView(s.text))
            return a
        }
        s = scoped(s, statements: statements, groups: groups)
        let text = String(String.UnicodeScalarView(s.text))
        var a = graded(
            readScoped(s, text: text, statements: statements, groups: groups), s: s, groups: groups, text: text,
            everyOptionMayAnswer: statements.everyOptionMayAnswer)
        // Option lines copied from the prompt, one of them turned into its opposite (`…因此不具备创造性`): subtracting
        // the copy may take the answer with it, so nothing read is no plain reading.
        if case .none = a.reading, a.confidence == .explicit, sent.count != s.count,
            ChoiceReplyShape(s: sent, groups: groups, forms: forms).negatesAListedOption
        {
            a.confidence = .uncertain
            a.doubt = "an option line says the opposite of its option 选项行与原选项意思相反"
        }
        a.readText = text
        return a
    }

    /// The reply cut before the first question it invents after giving answer evidence.
    private func scoped(_ s: ScalarScanner, statements: ChoiceAnswerStatements, groups: ChoiceLetterGroups) -> ScalarScanner
    {
        var evidence: Int?
        var bare = false
        // A reply opening with a line of letters alone (`B`, `B<eoa>`, `(C).`) has answered.
        if let g = leadingLetter(s, groups) {
            var e = g.end
            while e < s.count, Self.closers.contains(s[e]) || s[e] == "<" || s.isLetterASCII(e) && s[e].isASCIILowercase { e += 1 }
            var n = e
            while n < s.count, s[n] == " " || s[n] == "\t" { n += 1 }
            if n == s.count || s[n] == "\n" {
                evidence = e
                bare = true
            }
        }
        // A first line that is one option restated (` A. 在全国中小企业…`) has answered too, unless the next line is
        // another option line (the option list copied).
        if evidence == nil {
            let start = s.skippingSpaces(from: 0)
            var e = start
            while e < s.count, s[e] != "\n" { e += 1 }
            let next = s.skippingSpaces(from: e)
            var f = next
            while f < s.count, s[f] != "\n" { f += 1 }
            if ChoiceReplyShape.restatedOptionLine(Array(s.text[start..<e]), forms: forms) != nil,
                ChoiceReplyShape.openingLetter(Array(s.text[next..<f])) == nil
            {
                evidence = e
            }
        }
        if evidence == nil, let first = statements.all(s).first(where: { if case .letters = $0.final { true } else { false } }) {
            evidence = first.end
        }
        guard let evidenceEnd = evidence else { return s }
        let scope = QuestionScope(forms: forms)
        guard let cut = scope.cut(s, evidenceEnd: evidenceEnd, bareAnswer: bare) else { return s }
        return ScalarScanner(scalars: Array(s.text[..<cut]))
    }

    /// Rules 1–9 on the scoped reply, with the confidence each reading earns before the final checks.
    private func readScoped(_ s: ScalarScanner, text reply: String, statements: ChoiceAnswerStatements, groups: ChoiceLetterGroups)
        -> ChoiceAssessment
    {
        if let letters = bare(s) {
            // Letters opening a sentence cut off at its colon (`A、B、C、D：`) may begin a walk-through of the options.
            var e = s.count
            while e > 0, s.isSpace(e - 1) { e -= 1 }
            let cut = letters.count > 1 && e > 0 && s[e - 1] == ":"
            return ChoiceAssessment(
                reading: .answer(.init(answer: .letters(letters), rule: .bare)), confidence: cut ? .uncertain : .explicit,
                doubt: cut ? "the letters end in a colon, the reply cut off 字母后接冒号，回答中断" : nil)
        }
        var shape = ChoiceReplyShape(s: s, groups: groups, forms: forms)
        shape.everyOptionMayAnswer = statements.everyOptionMayAnswer
        shape.singleAnswer = !multipleAnswers
        let all = statements.all(s)
        if let (final, position, end) = all.last {
            switch final {
            case .letters(_, true, _) where repeatsCopiedList(s, all: all, end: end):
                // `回應：\nA. …\nB. …` again and again, the last copy cut short: the loop of a base model, no answer.
                // Plainly so when a single-answer item's whole list opens the reply.
                let plain = !multipleAnswers && shape.opensWithCopiedOptionListAndGoesOn
                return ChoiceAssessment(
                    reading: .none, confidence: plain ? .explicit : .uncertain,
                    doubt: plain ? nil : "the answer line repeats an option list copied before 答案行重复先前复制的选项列表")
            case .letters(let letters, let line, let glued):
                // A concluding sentence after the last answer statement: it overrides a prose statement, and an
                // answer line only when it confirms its letters (`综上所述，唯一正确的一项是B`); either way the reply
                // contradicts itself.
                if let later = shape.conclusionWithPosition(multipleAnswers: multipleAnswers), later.position > position,
                    later.letters != letters
                {
                    let doubt = "a later conclusion names \(Self.text(later.letters)) 后文结论与答案不一致"
                    if !line || shape.confirms(at: later.position) {
                        return ChoiceAssessment(
                            reading: .answer(.init(answer: .letters(later.letters), rule: .conclusion)), confidence: .uncertain,
                            doubt: doubt)
                    }
                    return ChoiceAssessment(
                        reading: .answer(.init(answer: .letters(letters), rule: .answerLine)), confidence: .uncertain,
                        doubt: doubt)
                }
                // An earlier answer (a line, or a statement when this one is prose too: `The answer is C … the best
                // answer is B`) naming other letters: the reply contradicts itself.
                let overruled = all.dropLast().contains { earlier in
                    if case .letters(let other, let earlierLine, _) = earlier.final { return other != letters && (earlierLine || !line) }
                    return false
                }
                return ChoiceAssessment(
                    reading: .answer(.init(answer: .letters(letters), rule: line ? .answerLine : .answerStatement)),
                    confidence: glued || overruled ? .uncertain : .explicit,
                    doubt: glued ? "the letter touches other text 字母与其他文字相连"
                        : overruled ? "an earlier answer names other letters 前文答案字母不同" : nil)
            case .noChoice(let text):
                // A label line naming no choice never vetoes an earlier explicit answer (the reply is then in doubt),
                // unless it withdraws every answer (`【答案】: 题目可能有误`).
                let lower = text.lowercased()
                let withdraws = Self.withdrawals.contains { ScalarSearch.contains(lower, $0) }
                if !withdraws, let earlier = all.dropLast().last(where: { if case .letters = $0.final { true } else { false } }),
                    case .letters(let letters, let line, _) = earlier.final
                {
                    return ChoiceAssessment(
                        reading: .answer(.init(answer: .letters(letters), rule: line ? .answerLine : .answerStatement)),
                        confidence: .uncertain, doubt: "a later answer line names no choice 后一答案行未指明选项")
                }
                let plain = declinesPlainly(text)
                return ChoiceAssessment(
                    reading: .declined(text), confidence: plain ? .explicit : .uncertain,
                    doubt: plain ? nil : "the answer line names no option by letter 答案行未以字母指明选项")
            }
        }
        let enumeration = shape.isEnumeration
        // Rules 4–9 in order; the first that reads something wins.
        let rules: [(ExtractionRule, () -> Set<Unicode.Scalar>?)] = [
            (.listedOptions, { shape.listedOptions() ?? shape.letterLines() ?? shape.markedOptions() }),
            // A first line that is only a number, the leading number of exactly one option (`158` for `B: 158户`).
            (.choiceText, { leadingNumberOption(s, numbers: statements.numbers) }),
            (.conclusion, { shape.conclusion(multipleAnswers: multipleAnswers) }),
            (.letterStatement, { letterStatement(s, groups) ?? shape.numberedVerdicts() }),
            (.leadingLetter, { enumeration ? nil : leadingLetter(s, groups)?.letters }),
            (.choiceText, { enumeration ? nil : choiceText(reply) }),
            // The one party (甲 乙 丙 丁 …) the reply names, when each option opens with a different party.
            (.choiceText, { enumeration ? nil : partyOption(reply) }),
            // The last concluding sentence naming one option by its words, where the whole reply names several.
            (.choiceText, { enumeration || multipleAnswers ? nil : shape.lastConclusionText().flatMap { choiceText($0) } }),
            (.choiceText, {
                enumeration || multipleAnswers ? nil : shape.paraphrasedOption(reply: reply).map { Set([$0]) }
            }),
            // Stray letters only in a short reply: in a long one they are variables and labels (`质量数（A）`).
            (.strayLetter, { s.count <= Self.strayLetterLimit ? strayLetter(s, groups)?.letters : nil }),
        ]
        // A reply that says it is unsure commits to nothing a claim, a layout or a guess could read.
        let unsure = (0..<s.count).contains { s.matchAny(Self.uncertainty, at: $0) != nil }
        for (rule, read) in rules {
            if unsure, rule.strength != .strong { break }
            if let letters = read() {
                var confidence = ReadingConfidence(rule: rule)
                // One option's own text, in a reply of a sentence or two, to a single-answer item: the reply names
                // its choice by its words (`莫高窟位于甘肃省敦煌市。`), as a reader takes it.
                if rule == .choiceText, !multipleAnswers, s.count <= Self.namedTextLimit, choiceText(reply) == letters {
                    confidence = .inferred
                }
                return ChoiceAssessment(
                    reading: .answer(ExtractedAnswer(answer: .letters(letters), rule: rule)), confidence: confidence,
                    doubt: confidence == .uncertain ? "guessed by rule \(rule.rawValue) 由弱规则猜测" : nil)
            }
        }
        return ChoiceAssessment(reading: .none, confidence: .explicit)
    }

    /// Whether the final answer line's first line of content (after `end`) begins, or is begun by, the content of an
    /// earlier answer line that copied the whole option list: the reply repeats that copy.
    private func repeatsCopiedList(
        _ s: ScalarScanner, all: [(final: ChoiceAnswerStatements.Final, position: Int, end: Int)], end: Int
    ) -> Bool {
        var p = s.skippingSpaces(from: end)
        var e = p
        while e < s.count, s[e] != "\n" { e += 1 }
        while p < e, s.isSpace(p) { p += 1 }
        let content = String(String.UnicodeScalarView(s.text[p..<e])).trimmedSpaces
        guard content.unicodeScalars.count >= 2 else { return false }
        return all.dropLast().contains { earlier in
            guard case .noChoice(let copied) = earlier.final, copied.unicodeScalars.count >= 2 else { return false }
            return copied.hasPrefix(content) || content.hasPrefix(copied)
        }
    }

    /// The final checks: several letters to a single-answer item, or no reading from a reply that names options.
    private func graded(_ a: ChoiceAssessment, s: ScalarScanner, groups: ChoiceLetterGroups, text: String, everyOptionMayAnswer: Bool)
        -> ChoiceAssessment
    {
        var a = a
        switch a.reading {
        case .answer(let found):
            // Several letters stated plainly (`答案：AC`, `A, C`) are the reply's answer, scored wrong for a
            // single-answer item; read any other way, a concluding sentence included, they are in doubt.
            if !multipleAnswers, case .letters(let letters) = found.answer, letters.unicodeScalars.count > 1,
                a.confidence != .explicit || found.rule == .conclusion
            {
                a.confidence = .uncertain
                a.doubt = "several letters to a single-answer item 单选题给出多个字母"
            } else if everyOptionMayAnswer, ChoiceReplyShape(s: s, groups: groups, forms: forms).listsEveryOption {
                a.confidence = .uncertain
                a.doubt = "every option listed 列出全部选项"
            } else if a.confidence != .uncertain, Self.noRightOption.contains(where: { ScalarSearch.contains(text.lowercased(), $0) }) {
                a.confidence = .uncertain
                a.doubt = "the reply also says no option is right 回答又称无正确选项"
            }
        case .none:
            let shape = ChoiceReplyShape(s: s, groups: groups, forms: forms)
            // A single-answer item's option list copied whole, and more copied or invented after it, plainly
            // chooses nothing.
            if !multipleAnswers, shape.opensWithCopiedOptionListAndGoesOn { break }
            if names(s, groups: groups) || mentionsChoiceText(text) || shape.isEnumeration {
                a.confidence = .uncertain
                a.doubt = "no reading, but the reply names options 未读出答案，但回答提及选项"
            }
        case .declined: break
        }
        return a
    }

    /// Whether any choice's text (two scalars or more, not a bare number) occurs in the reply.
    func mentionsChoiceText(_ text: String) -> Bool {
        let form = TextNormalizer.matchingForm(text)
        return choices.contains { c in
            let f = TextNormalizer.matchingForm(c.text)
            return f.unicodeScalars.count >= 2 && !f.allSatisfy({ $0.isNumber || $0 == "." }) && ScalarSearch.contains(form, f)
        }
    }

    /// Whether a letter group stands anywhere in the reply outside math, English words and option labels.
    private func names(_ s: ScalarScanner, groups: ChoiceLetterGroups) -> Bool {
        let math = s.mathMask
        var i = 0
        while i < s.count {
            if let g = groups.group(s, at: i) {
                if !groups.isEnglishWord(s, g), !math[g.start], !isOptionLabel(s, g) { return true }
                i = g.end
            } else {
                i += 1
            }
        }
        return false
    }

    /// Keys under which a JSON answer object gives the letters.
    static let jsonAnswerKeys: Set<String> = ["answer", "answers", "final_answer", "choice", "choices", "option", "options", "答案", "正确答案", "选项"]

    /// The letters of a JSON answer object (`{"answer": ["A", "C"], "reason": "…"}`, `{"答案": "B"}`): the first
    /// object in the reply (`JSONObjectExtractor`) with an answer key whose value is letters or a list of letters, all
    /// offered; nil otherwise.
    private func jsonAnswer(_ text: String) -> Set<Unicode.Scalar>? {
        guard text.unicodeScalars.contains("{"), let object = JSONObjectExtractor.firstObject(in: text) else { return nil }
        for (key, value) in object where Self.jsonAnswerKeys.contains(key.lowercased()) {
            let parts: [String]
            switch value {
            case .string(let s): parts = [s]
            case .array(let a): parts = a.compactMap(\.stringValue)
            default: continue
            }
            var letters: Set<Unicode.Scalar> = []
            for part in parts {
                let scalars = part.unicodeScalars.filter { !$0.properties.isWhitespace && !",、，/".unicodeScalars.contains($0) }
                guard !scalars.isEmpty, scalars.count <= offered.count, scalars.allSatisfy({ offered.contains($0.asciiUppercased) })
                else { return nil }
                letters.formUnion(scalars.map(\.asciiUppercased))
            }
            return letters.isEmpty ? nil : letters
        }
        return nil
    }

    /// Whether the reply's first JSON object, whole (from the first `{` to its balancing `}`, strings respected, folded
    /// and without whitespace), stands in the prompt: its example copied rather than an answer that happens to match.
    static func copiesJSONExample(_ reply: String, _ foldedPrompt: [Unicode.Scalar]) -> Bool {
        guard !foldedPrompt.isEmpty else { return false }
        let r = ScalarScanner(reply).text.filter { !$0.properties.isWhitespace }
        guard let open = r.firstIndex(of: "{") else { return false }
        var depth = 0
        var inString = false
        var escaped = false
        var end = open
        while end < r.count {
            let c = r[end]
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
            } else if c == "\"" {
                inString = true
            } else if c == "{" {
                depth += 1
            } else if c == "}" {
                depth -= 1
                if depth == 0 { break }
            }
            end += 1
        }
        let probe = Array(r[open..<min(r.count, end + 1)])
        return ScalarSearch.contains(String(String.UnicodeScalarView(foldedPrompt)), String(String.UnicodeScalarView(probe)))
    }

    /// End-of-text marks a model may print (`</s>`, `<|im_end|>`, `<|endoftext|>`, `<|eot_id|>`, `<eos>`), each
    /// read as a line break: the text before it ends there (`C. 便民性原则</s>` restates option C).
    static func endingMarksAsLineBreaks(_ reply: String) -> String {
        guard reply.unicodeScalars.contains("<") else { return reply }
        var out = reply
        for mark in endingMarks { out = ScalarSearch.replacing(mark, in: out, with: "\n").0 }
        return out
    }

    static let endingMarks = ["</s>", "<|im_end|>", "<|endoftext|>", "<|eot_id|>", "<|end|>", "<eos>"]

    /// Words by which a final answer line withdraws any answer given before it (the question is wrong, no option is).
    static let withdrawals = ["有误", "有错", "无法作答", "无法回答", "无法确定", "无正确", "没有正确", "都不正确", "都不对", "none of the", "no correct"]

    static func text(_ letters: Set<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(letters.sorted { $0.value < $1.value }))
    }

    // MARK: - Word lists

    static let openers: Set<Unicode.Scalar> = ["(", "[", "{", "<", "【", "「", "『", "\"", "'", "“", "‘", "《", "〔"]
    static let closers: Set<Unicode.Scalar> = [
        ")", "]", "}", ">", "】", "」", "』", "\"", "'", "”", "’", "》", "〕", ".", "。", ",", "!", ":", ";", "?",
    ]
    static let statementOpeners = [".", ":", "、", ")", "]", "】"]
    static let labelWords = ["选项", "项", "option"]
    static let claimWords = ["说法", "表述", "描述", "叙述", "观点"]
    static let copulas = ["才是", "是", "为", "最", "is"]
    static let confirmations = ["正确", "对的", "correct", "right", "answer", "答案"]
    static let leadingDelimiters: Set<Unicode.Scalar> = [".", "。", ",", "、", ":", ";", ")", "]", "】", "」", "<"]

    // MARK: - Rules

    /// Rule 1: the whole reply is a letter group.
    private func bare(_ s: ScalarScanner) -> Set<Unicode.Scalar>? {
        var b = 0
        var e = s.count
        while b < e, s.isSpace(b) || Self.openers.contains(s[b]) { b += 1 }
        while e > b, s.isSpace(e - 1) || Self.closers.contains(s[e - 1]) { e -= 1 }
        guard b < e else { return nil }
        let t = ScalarScanner(scalars: s.text[b..<e].map(\.asciiUppercased))
        guard let g = ChoiceLetterGroups(offered: offered).group(t, at: 0), g.end == t.count else { return nil }
        return g.letters
    }

    /// Rule 4: a group claimed to be right; the last one (single choice) or all of them (multi choice).
    private func letterStatement(_ s: ScalarScanner, _ groups: ChoiceLetterGroups) -> Set<Unicode.Scalar>? {
        var confirmed: [ChoiceLetterGroups.Group] = []
        var i = 0
        while i < s.count {
            guard let g = groups.group(s, at: i) else {
                i += 1
                continue
            }
            var p = s.skippingSpaces(from: g.end)
            for words in [Self.statementOpeners, Self.labelWords, ["的"], Self.claimWords, Self.copulas, ["the"]] {
                if let m = s.matchAny(words, at: p) { p = s.skippingSpaces(from: m.end) }
            }
            if s.matchAny(Self.confirmations, at: p) != nil { confirmed.append(g) }
            i = g.end
        }
        guard let last = confirmed.last else { return nil }
        return multipleAnswers ? confirmed.reduce(into: []) { $0.formUnion($1.letters) } : last.letters
    }

    /// Rule 5: the reply opens with a group and a delimiter.
    private func leadingLetter(_ s: ScalarScanner, _ groups: ChoiceLetterGroups) -> ChoiceLetterGroups.Group? {
        var p = 0
        while p < s.count, s.isSpace(p) || Self.openers.contains(s[p]) { p += 1 }
        if let label = s.matchAny(["选项", "option"], at: p) { p = s.skippingSpaces(from: label.end) }
        guard let g = groups.group(s, at: p), !groups.isEnglishWord(s, g) else { return nil }
        guard g.end == s.count || s.isSpace(g.end) || Self.leadingDelimiters.contains(s[g.end]) else { return nil }
        // `A:` alone on its line with more after it labels an option left empty (`A: \n1. 甲方是否…`), not an answer.
        if g.end < s.count, s[g.end] == ":" {
            var e = g.end + 1
            while e < s.count, s[e] == " " || s[e] == "\t" { e += 1 }
            if e < s.count, s[e] == "\n", s.text[e...].contains(where: { !$0.properties.isWhitespace }) { return nil }
        }
        return g
    }

    /// Rule 6 (and answer lines without letters): choice texts restated in the text.
    func choiceText(_ text: String) -> Set<Unicode.Scalar>? {
        let form = TextNormalizer.matchingForm(text)
        guard !form.isEmpty else { return nil }
        var found: [(letter: Unicode.Scalar, form: String)] = []
        for choice in choices {
            let text = TextNormalizer.matchingForm(choice.text)
            // A one-character or bare-number text (`3`, `B`) turns up in any reasoning; it is no restatement.
            let raw = choice.text.trimmedSpaces
            guard text.count >= 2 || raw.count >= 2, !raw.allSatisfy({ $0.isNumber || $0 == "." || $0 == " " }) else { continue }
            if ScalarSearch.contains(form, text), let letter = choice.letter.unicodeScalars.first {
                found.append((letter, text))
            }
        }
        found = found.filter { a in !found.contains { b in b.form != a.form && ScalarSearch.contains(b.form, a.form) } }
        if found.isEmpty, let letter = numeralOption(form) { return [letter] }
        guard !found.isEmpty, multipleAnswers || found.count == 1, found.count < choices.count else { return nil }
        return Set(found.map(\.letter))
    }

    /// The one option an answer line restates in other words (`国务院依照宪法…` for `国务院根据宪法…`: the texts share 85%
    /// of the longer one, in order) without a negation more or less (`合同无效` does not restate `合同有效`); nil when
    /// none or several do.
    private func restatedOption(_ text: String) -> Set<Unicode.Scalar>? {
        let line = text.trimmingScalars { "。.，,；; ".unicodeScalars.contains($0) }
        let mine = TextNormalizer.matchingForm(line)
        let restated = forms.filter {
            !$0.value.isEmpty && ChoiceReplyShape.restates(line, $0.value) && !ChoiceReplyShape.negationsDiffer(mine, $0.value)
        }
        return restated.count == 1 ? restated.first.map { [$0.key] } : nil
    }

    /// The one option whose text equals `form` (a matching form) once Chinese numerals are written in digits on both
    /// sides (`一年` for `1年`, `60元` for `六十元`); nil when none or several do.
    private func numeralOption(_ form: String) -> Unicode.Scalar? {
        let mine = ChineseNumeral.arabicized(form)
        let equal = choices.filter { ChineseNumeral.arabicized(TextNormalizer.matchingForm($0.text)) == mine }
        guard equal.count == 1 else { return nil }
        return equal[0].letter.unicodeScalars.first
    }

    /// Phrases by which a reply says that no option is right or the question is wrong (simplified and traditional):
    /// a reading beside them is in doubt.
    static let noRightOption = [
        "无正确答案", "無正確答案", "没有正确答案", "沒有正確答案", "无正确选项", "無正確選項", "没有正确选项", "沒有正確選項",
        "题目有误", "題目有誤", "问题设置有误", "問題設置有誤", "题目设置有误", "问题似乎有误", "問題似乎有誤", "无一正确", "無一正確",
        "no correct answer", "none of the options is",
    ]

    /// Parties as exam options name them (`甲的行为…`, `乙公司…`).
    static let parties: [Unicode.Scalar] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛"]

    /// The option opening with the one party `text` names (`乙的行为构成…` → the option `乙利用计算机…`), when every
    /// option opens with a different party; nil when the text names none or several.
    func partyOption(_ text: String) -> Set<Unicode.Scalar>? {
        var byParty: [Unicode.Scalar: Unicode.Scalar] = [:]
        for c in choices {
            guard let first = c.text.trimmedSpaces.unicodeScalars.first, Self.parties.contains(first), byParty[first] == nil,
                let letter = c.letter.unicodeScalars.first
            else { return nil }
            byParty[first] = letter
        }
        guard byParty.count >= 2 else { return nil }
        let named = Set(text.unicodeScalars.filter { byParty[$0] != nil })
        guard named.count == 1, let party = named.first, let letter = byParty[party] else { return nil }
        return [letter]
    }

    /// The option whose leading number equals a first line holding only a number (`158`, `158.0`).
    func leadingNumberOption(_ s: ScalarScanner, numbers: [(letter: Unicode.Scalar, value: Double)]) -> Set<Unicode.Scalar>? {
        let start = s.skippingSpaces(from: 0)
        var e = start
        while e < s.count, s[e] != "\n" { e += 1 }
        let line = String(String.UnicodeScalarView(s.text[start..<e])).trimmedSpaces
        guard !line.isEmpty, line.unicodeScalars.allSatisfy({ $0.properties.numericType != nil && $0.isASCII || $0 == "." }),
            let value = Double(line)
        else { return nil }
        let matching = numbers.filter { $0.value == value }
        return matching.count == 1 ? [matching[0].letter] : nil
    }

    /// Words by which a reply says it is unsure: only its explicit statements (rules 1–5) are then read.
    static let uncertainty = ["不确定", "无法确定", "不能确定", "拿不准", "not sure", "uncertain", "cannot determine", "can't determine"]

    /// Replies up to this length (in code points) that name one option's text to a single-answer item are read as
    /// inferred, not guessed: a sentence or two has no room to discuss the options it does not choose.
    static let namedTextLimit = 120

    /// Replies longer than this (in code points) are never read by stray letters.
    static let strayLetterLimit = 400

    /// An option label opening a line (`A. …`, `- B: …`): it names the option being discussed, not a choice.
    private func isOptionLabel(_ s: ScalarScanner, _ g: ChoiceLetterGroups.Group) -> Bool {
        guard g.end < s.count, ".:、)".unicodeScalars.contains(s[g.end]) else { return false }
        var i = g.start - 1
        while i >= 0, s[i] != "\n" {
            guard s.isSpace(i) || "-#>•(".unicodeScalars.contains(s[i]) else { return false }
            i -= 1
        }
        return true
    }

    /// Rule 7: standalone groups anywhere, all agreeing.
    private func strayLetter(_ s: ScalarScanner, _ groups: ChoiceLetterGroups) -> ChoiceLetterGroups.Group? {
        let shape = ChoiceReplyShape(s: s, groups: groups, forms: forms)
        var found: [ChoiceLetterGroups.Group] = []
        let math = s.mathMask
        var i = 0
        while i < s.count {
            if let g = groups.group(s, at: i) {
                if !groups.isEnglishWord(s, g), !math[g.start], !isOptionLabel(s, g), !shape.isRejected(g) { found.append(g) }
                i = g.end
            } else {
                i += 1
            }
        }
        return Set(found.map(\.letters)).count == 1 ? found.last : nil
    }
}

extension Substring {
    /// nil for an empty substring.
    var nilIfEmpty: Substring? { isEmpty ? nil : self }
}
