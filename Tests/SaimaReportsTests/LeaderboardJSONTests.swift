import SaimaLeaderboard
import SaimaBase
import SaimaModel
import SaimaReports
import Testing

/// `leaderboard.json` in process: the round's facts, seeds that never round, each entry's fields, the optional audit
/// blocks (present only with data, numbers rounded to six decimals), awards, arena, and the freeze-probe block.
@Suite("leaderboard.json")
struct LeaderboardJSONTests {
    static func localized(_ zh: String, _ en: String) -> JSONValue { .object(["zh": .string(zh), "en": .string(en)]) }

    /// Final with nothing pending, the resamples, methodology and ISO 8601 time; the seed is a number below 2^53 and
    /// exact decimal text from 2^53 up; no awards, arena or manifest unless given.
    @Test func roundFactsAndSeedsThatNeverRound() {
        var board = ReportFixture.board()
        let json = LeaderboardJSON.value(board)
        #expect(json["status"] == .string("final") && json["pending"] == .object([:]))
        #expect(json["round"] == .string("R1") && json["seed"] == .number(7) && json["resamples"] == .number(200))
        #expect(json["generated_at"] == .string("1970-01-01T00:00:00Z"))
        #expect(json["methodology"] == .string(Methodology.englishSummary))
        #expect(json["awards"] == nil && json["arena"] == nil && json["manifest"] == nil)
        board.seed = 9_007_199_254_740_991
        #expect(LeaderboardJSON.value(board)["seed"] == .number(9_007_199_254_740_991))
        board.seed = 9_007_199_254_740_992
        #expect(LeaderboardJSON.value(board)["seed"] == .string("9007199254740992"))
        board.seed = .max
        #expect(LeaderboardJSON.value(board)["seed"] == .string("18446744073709551615"))
        let manifest = JSONValue.object(["round": .string("R1")])
        #expect(LeaderboardJSON.value(board, manifest: manifest)["manifest"] == manifest)
    }

    /// A track entry holds exactly its counts, failures by class, latencies and tokens, and `not_entered: false`;
    /// on the overall board a team lists the tracks it did not enter; adjacent differences carry their interval.
    @Test func entriesAndAdjacentDifferences() throws {
        let json = LeaderboardJSON.value(ReportFixture.board())
        let law = try #require(json["tracks"]?.arrayValue?.first)
        #expect(law["track"] == .string("law") && law["name"] == Self.localized("法律", "Law"))
        let beta: JSONValue = .object([
            "team": .string("beta"), "name": Self.localized("贝塔", "Beta"), "position": .number(2), "rank": .number(2),
            "rank_group": .number(2), "score": .number(50), "ci95": .array([.number(12.5), .number(87.5)]),
            "items": .number(4), "answered": .number(3), "failed": .number(1),
            "failed_by_class": .object(["timeout": .number(1)]), "unextractable": .number(0),
            "latency_ms": .object(["mean": .number(100), "p95": .number(100)]), "tokens": .number(30),
            "not_entered": .bool(false),
        ])
        #expect(law["entries"]?.arrayValue?.last == beta)
        let alphaLatency: JSONValue = .object(["mean": .number(250), "p95": .number(385)])
        #expect(law["entries"]?.arrayValue?.first?["latency_ms"] == alphaLatency)
        let overall = try #require(json["overall"])
        #expect(overall["board"] == .string("overall"))
        let entries = try #require(overall["entries"]?.arrayValue)
        let notEntered: [JSONValue?] = [.bool(false), .array([.string("med")])]
        #expect(entries.map { $0["not_entered"] } == notEntered)
        #expect(entries[0]["latency_ms"]?["mean"] == .number(333.333333), "rounded to six decimals")
        let adjacent: JSONValue = .array([.object([
            "higher": .string("alpha"), "lower": .string("beta"), "difference": .number(75),
            "ci95": .array([.number(50), .number(93.75)]),
        ])])
        #expect(overall["adjacent"] == adjacent)
        let set = try #require(json["question_sets"]?.arrayValue?.first)
        #expect(set["track"] == .string("law") && set["set"] == .string("s") && set["items"] == .number(4))
        #expect(set["pilot_unit"] == Self.localized("测试银行", "Test Bank"))
        let setEntry: JSONValue = .object([
            "team": .string("alpha"), "score": .number(100), "ci95": .array([.number(100), .number(100)]),
            "pending": .number(0),
        ])
        #expect(set["entries"]?.arrayValue?.first == setEntry)
    }

    /// The extraction, robustness, memorization-probe, paraphrase-probe and per-source blocks appear only for an
    /// entry that has their data, with shares, accuracies and Wilson/Newcombe intervals rounded to six decimals.
    @Test func auditBlocksOnlyWithData() throws {
        var board = ReportFixture.board()
        let a = ReportFixture.index("alpha", on: board.overall)
        board.overall.entries[a].extraction.byRule = ["answer_line": 3, "choice_text": 1]
        board.overall.entries[a].extraction.byStrength = ["strong": 3, "weak": 1]
        board.overall.entries[a].extraction.unextractable = 1
        board.overall.entries[a].robustness.items = 20
        board.overall.entries[a].robustness.agreeing = 18
        board.overall.entries[a].memorization.kept = 10
        board.overall.entries[a].memorization.keptScore = 9
        board.overall.entries[a].memorization.moved = 10
        board.overall.entries[a].memorization.movedScore = 3
        board.overall.entries[a].paraphrase.kept = 4
        board.overall.entries[a].paraphrase.keptScore = 4
        board.overall.entries[a].sourceScores = ["auto": 80, "human": 70.1234567]
        let entries = try #require(LeaderboardJSON.value(board)["overall"]?["entries"]?.arrayValue)
        let alpha = entries[a]
        let extraction: JSONValue = .object([
            "answers": .number(5), "by_rule": .object(["answer_line": .number(3), "choice_text": .number(1)]),
            "by_strength": .object(["strong": .number(3), "weak": .number(1)]), "unextractable": .number(1),
            "weak_share": .number(0.2), "unextractable_share": .number(0.2), "weak_rule_flag": .bool(false),
        ])
        let robustness: JSONValue = .object([
            "items": .number(20), "agreeing": .number(18), "agreement": .number(0.9),
            "ci95": .array([.number(0.698966), .number(0.972134)]),
        ])
        let memorization: JSONValue = .object([
            "kept": .number(10), "kept_accuracy": .number(0.9), "moved": .number(10), "moved_accuracy": .number(0.3),
            "gap": .number(0.6), "gap_ci95": .array([.number(0.170523), .number(0.809018)]), "flagged": .bool(true),
        ])
        let paraphrase: JSONValue = .object([
            "as_written": .number(4), "as_written_accuracy": .number(1), "paraphrased": .number(0),
            "paraphrased_accuracy": .null, "gap": .null, "gap_ci95": .null, "flagged": .bool(false),
        ])
        let sources: JSONValue = .object(["auto": .number(80), "human": .number(70.123457)])
        #expect(alpha["extraction"] == extraction)
        #expect(alpha["robustness"] == robustness)
        #expect(alpha["memorization_probe"] == memorization)
        #expect(alpha["paraphrase_probe"] == paraphrase)
        #expect(alpha["scores_by_source"] == sources)
        let beta = entries[1 - a]
        for key in ["extraction", "robustness", "memorization_probe", "paraphrase_probe", "scores_by_source"] {
            #expect(beta[key] == nil, "\(key) only with data")
        }
    }

    /// Awards list each tier's teams by rank group with the rule and its description; arena ratings carry their
    /// interval and battles, rounded to six decimals.
    @Test func awardsAndArena() throws {
        var board = ReportFixture.board()
        board.arena = [ArenaEntry(team: "alpha", rating: 1012.3456789, ci95: (990.25, 1030.5), battles: 12)]
        let rule = AwardRule(basis: .rankGroup, tiers: [
            .init(name: LocalizedText(zh: "一等奖", en: "First"), count: nil),
            .init(name: LocalizedText(zh: "二等奖", en: "Second"), count: nil),
        ])
        let json = LeaderboardJSON.value(board, awards: rule)
        let awards: JSONValue = .object([
            "rule": rule.json, "description": Self.localized(rule.description.zh, rule.description.en),
            "tiers": .array([
                .object(["tier": Self.localized("一等奖", "First"), "teams": .array([.string("alpha")])]),
                .object(["tier": Self.localized("二等奖", "Second"), "teams": .array([.string("beta")])]),
            ]),
        ])
        let arena: JSONValue = .array([.object([
            "team": .string("alpha"), "rating": .number(1012.345679), "ci95": .array([.number(990.25), .number(1030.5)]),
            "battles": .number(12),
        ])])
        #expect(json["awards"] == awards)
        #expect(json["arena"] == arena)
    }

    /// The probes block: per team the probe counts, agreements and ratios (null when unknown), slow answers, the
    /// flag with its reasons, and the drop's interval only when probes were answered.
    @Test func freezeProbeBlock() throws {
        var flagged = FreezeProbe()
        flagged.probes = 6
        flagged.baselineAgreeing = 6
        flagged.endAgreeing = 1
        flagged.repliesPerWave = [6, 6, 6]
        flagged.lengthRatio = 1
        flagged.slowReplies = 2
        let json = LeaderboardJSON.probes([
            (team: "alpha", name: "阿尔法 Alpha", probe: flagged), (team: "beta", name: "贝塔 Beta", probe: FreezeProbe()),
        ])
        let alpha = try #require(json["alpha"])
        #expect(alpha["probes"] == .number(6) && alpha["replies_per_wave"] == .array([.number(6), .number(6), .number(6)]))
        #expect(alpha["baseline_agreement"] == .number(1) && alpha["end_agreement"] == .number(0.166667), "rounded to six decimals")
        #expect(alpha["length_ratio"] == .number(1) && alpha["latency_ratio"] == .null)
        #expect(alpha["slow_answers"] == .number(2) && alpha["flagged"] == .bool(true))
        let reasons: JSONValue = .array([
            .string("2 answer(s) took a minute or more: people in the loop? 存在一分钟以上的回答"),
            .string("probe replies changed: 100% repeat at the start, 17% at the end 探针回答前后不一致"),
        ])
        #expect(alpha["reasons"] == reasons)
        let dropValues = alpha["drop_ci95"]?.arrayValue?.compactMap { $0.numberValue }
        let drop = try #require(dropValues)
        #expect(drop == [0.276701, 0.969947], "the drop interval, rounded to six decimals")
        let beta = try #require(json["beta"])
        #expect(beta["probes"] == .number(0) && beta["baseline_agreement"] == .null && beta["flagged"] == .bool(false))
        #expect(beta["reasons"] == .array([]) && beta["drop_ci95"] == nil)
    }
}
