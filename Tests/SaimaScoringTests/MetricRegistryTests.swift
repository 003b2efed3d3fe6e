import SaimaModel
import Testing

@testable import SaimaScoring

struct MetricRegistryTests {
    @Test func namesAreUnique() {
        let names = MetricRegistry.names
        #expect(Set(names).count == names.count)
        #expect(
            names == [
                "choice", "exact", "normalized_exact", "numeric", "f1_char", "f1_token", "rouge_l", "rouge_1",
                "rouge_2",
                "bleu", "keywords", "extraction", "regex", "judge",
            ])
    }

    @Test func everyMetricHasASummaryAndExamples() {
        for metric in MetricRegistry.all {
            #expect(!metric.summary.isEmpty, "\(metric.name)")
            #expect(!metric.examples.isEmpty, "\(metric.name)")
            #expect(metric.version >= 1, "\(metric.name)")
        }
    }

    /// Every registered metric against its own worked examples.
    @Test(arguments: MetricRegistry.all.flatMap { m in m.examples.map { (m.name, $0) } })
    func examples(metric name: String, example: MetricExample) throws {
        let metric = try #require(MetricRegistry.metric(named: name))
        let result = metric.score(item: example.item, response: example.response, context: example.context)
        #expect(abs(result.score - example.expected) < 1e-12, "\(name): \(example.response) → \(result)")
        #expect((0...1).contains(result.score))
    }

    @Test func defaultMetricByType() {
        func item(_ type: ItemType, rubric: Rubric? = nil, metric: String? = nil) -> Item {
            Item(id: "x", type: type, prompt: "", answer: .texts(["x"]), metric: metric, rubric: rubric)
        }
        let rubric = Rubric(criteria: [.init(id: "c1", description: "…", points: 1)])
        #expect(MetricRegistry.metricName(for: item(.singleChoice)) == "choice")
        #expect(MetricRegistry.metricName(for: item(.multiChoice)) == "choice")
        #expect(MetricRegistry.metricName(for: item(.trueFalse)) == "choice")
        #expect(MetricRegistry.metricName(for: item(.shortAnswer)) == "normalized_exact")
        #expect(MetricRegistry.metricName(for: item(.numeric)) == "numeric")
        #expect(MetricRegistry.metricName(for: item(.generation)) == "rouge_l")
        #expect(MetricRegistry.metricName(for: item(.generation, rubric: rubric)) == "judge")
        #expect(MetricRegistry.metricName(for: item(.generation, rubric: rubric, metric: "bleu")) == "bleu")
        #expect(MetricRegistry.metricName(for: item(.extraction)) == "extraction")
        #expect(MetricRegistry.metricName(for: item(.shortAnswer, metric: "rouge_l")) == "rouge_l")
    }
}

struct ScorerTests {
    let scorer = Scorer()

    @Test func stampsMetricNameAndVersion() {
        let s = scorer.score(item: Fixtures.single("B"), response: "答案：B")
        #expect(
            s
                == ItemScore(
                    score: 1, reason: "correct (answer_line)", extracted: "B", metric: "choice", metricVersion: 3,
                    rule: .answerLine, confidence: .explicit))
    }

    @Test func rubricNeedsTheJudge() {
        var item = Fixtures.text("参考答案")
        item.rubric = Rubric(criteria: [.init(id: "c1", description: "…", points: 2)])
        let s = scorer.score(item: item, response: "参考答案")
        #expect(s.needsJudge)
        #expect(s.reason == "needs_judge")
        #expect(s.score == 0)
        #expect(s.metric == "judge")
        #expect(!s.unextractable)
    }

    @Test func generationDetectsTheLanguage() {
        // zh: characters 青澜古镇 vs 青澜镇古 → LCS 3 of 4. en tokens would see one token each, no overlap.
        let zh = scorer.score(item: Fixtures.text("青澜古镇"), response: "青澜镇古")
        #expect(zh.score == 0.75)
        #expect(zh.reason == "rouge_l F, zh tokens")
        let forcedEnglish = scorer.score(item: Fixtures.text("青澜古镇"), response: "青澜镇古", language: .en)
        #expect(forcedEnglish.score == 0)
    }

    @Test func partialCreditIsPassedThrough() {
        #expect(scorer.score(item: Fixtures.multi("BD"), response: "B", partialCredit: 0.3).score == 0.3)
    }

    @Test func unknownMetric() {
        let s = scorer.score(item: Fixtures.text("x", metric: "bertscore"), response: "x")
        #expect(s == ItemScore(score: 0, reason: "unknown metric `bertscore`", metric: "bertscore", metricVersion: 0))
    }
}
