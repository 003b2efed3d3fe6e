public import SaimaModel

/// `choice`: single choice, multi choice and true/false, on the answer read by `ChoiceAnswerExtractor` or
/// `TruthValueExtractor` (whose rule tables define what is read).
///
/// - single choice: 1 when the extracted letters are exactly the answer letter, else 0;
/// - multi choice: 1 for exactly the answer's set; the question set's partial credit (`QuestionSet.partialCredit`,
///   default 0.5, passed as `MetricContext.partialCredit`) for a non-empty proper subset of it; else 0
///   (any wrong letter gives 0);
/// - true/false: 1 when the extracted truth value equals the answer, else 0;
/// - nothing extracted: 0 with reason `unextractable` and the `unextractable` flag; when the reply's final answer
///   line names no choice (`答案：题目有误`), the reason is `unextractable: answer line names no choice (…)`.
///
/// Version 2: the rule table of `ChoiceAnswerExtractor` measured on real replies (answer lines first, declined
/// answer lines). Version 3: the prompt subtracted (`MetricContext.prompt`), the reply scoped to the question asked,
/// and a confidence class per reading (`MetricResult.confidence`). Reasons: `correct (rule)`, `partial, expected BD (rule)`, `expected B (rule)`, `unextractable`.
/// There is no external reference implementation; the examples and the test suite pin the behaviour.
public struct ChoiceMetric: Metric {
    public let name = "choice"
    public let version = 3
    public let summary = "choice letters or true/false read from the reply; partial credit for multi choice"

    public init() {}

    public func score(item: Item, response: String, context: MetricContext) -> MetricResult {
        switch item.answer {
        case .truth(let expected):
            guard let found = TruthValueExtractor(item: item).extract(response), case .truth(let got) = found.answer
            else { return .unextractable }
            return got == expected
                ? MetricResult(
                    score: 1, reason: "correct (\(found.rule.rawValue))", extracted: found.answer.description,
                    rule: found.rule)
                : MetricResult(
                    score: 0, reason: "expected \(expected) (\(found.rule.rawValue))",
                    extracted: found.answer.description, rule: found.rule)
        case .letters(let expected):
            let found: ExtractedAnswer
            let assessment = ChoiceAnswerExtractor(item: item).assess(response, prompt: context.prompt)
            var result: MetricResult
            switch assessment.reading {
            case .answer(let a):
                found = a
                guard case .letters(let got) = found.answer else { return .unextractable }
                result = grade(item: item, expected: expected, got: got, rule: found.rule, context: context)
            case .declined(let line): result = .declined(line)
            case .none: result = .unextractable
            }
            result.confidence = assessment.confidence
            return result
        default:
            return .unscorable("the choice metric needs choice letters or true/false as the answer")
        }
    }

    /// The score of letters a second reader read from the reply (`""`: no answer), with rule `judge_reading` (a human
    /// judge on appeal) or `llm_reader` (the LLM reader of uncertain readings).
    public func score(item: Item, judgeReading reading: String, context: MetricContext, rule: ExtractionRule = .judgeReading)
        -> MetricResult
    {
        guard case .letters(let expected) = item.answer else {
            return .unscorable("the choice metric needs choice letters as the answer")
        }
        let letters = String(String.UnicodeScalarView(Set(reading.uppercased().unicodeScalars).sorted { $0.value < $1.value }))
        guard !letters.isEmpty else {
            return MetricResult(
                score: 0, reason: "unextractable (\(rule.rawValue))", unextractable: true, rule: rule, confidence: .explicit)
        }
        var result = grade(item: item, expected: expected, got: letters, rule: rule, context: context)
        result.confidence = .explicit
        return result
    }

    private func grade(item: Item, expected: String, got: String, rule: ExtractionRule, context: MetricContext)
        -> MetricResult
    {
        let want = Set(expected.unicodeScalars)
        let have = Set(got.unicodeScalars)
        if have == want {
            return MetricResult(score: 1, reason: "correct (\(rule.rawValue))", extracted: got, rule: rule)
        }
        if item.type == .multiChoice, !have.isEmpty, have.isStrictSubset(of: want) {
            return MetricResult(
                score: context.partialCredit, reason: "partial, expected \(expected) (\(rule.rawValue))",
                extracted: got, rule: rule)
        }
        return MetricResult(score: 0, reason: "expected \(expected) (\(rule.rawValue))", extracted: got, rule: rule)
    }

    public var examples: [MetricExample] {
        let choices = ["A", "B", "C", "D"].map { Choice(letter: $0, text: "选项\($0)内容") }
        let single = Item(id: "s", type: .singleChoice, prompt: "", choices: choices, answer: .letters("B"))
        let multi = Item(id: "m", type: .multiChoice, prompt: "", choices: choices, answer: .letters("BD"))
        let truth = Item(id: "t", type: .trueFalse, prompt: "", answer: .truth(false))
        return [
            MetricExample(item: single, response: "答案：B", expected: 1),
            MetricExample(item: single, response: "The answer is (C).", expected: 0),
            MetricExample(item: single, response: "【解析】B是正确的……\n【答案】D <eoa>", expected: 0),
            MetricExample(item: single, response: "【解析】……\n【答案】: B <eoa>", expected: 1),
            MetricExample(item: single, response: "B项说法正确。\n答案：题目有误", expected: 0),
            MetricExample(item: multi, response: "正确答案为B和D", expected: 1),
            MetricExample(item: multi, response: "选 B", expected: 0.5),
            MetricExample(item: multi, response: "选 B", expected: 0.25, context: MetricContext(partialCredit: 0.25)),
            MetricExample(item: multi, response: "ABD", expected: 0),
            MetricExample(item: truth, response: "错误", expected: 1),
            MetricExample(item: truth, response: "I don't know", expected: 0),
        ]
    }
}
