import Foundation
package import SaimaLeaderboard
package import SaimaBase
package import SaimaModel

/// `leaderboard.json`: the machine-readable result (schema in the README).
package enum LeaderboardJSON {
    package static func value(_ board: Leaderboard, manifest: JSONValue? = nil, awards: AwardRule? = nil) -> JSONValue {
        var root: [String: JSONValue] = [
            "status": .string(board.isFinal ? "final" : "provisional"),
            "pending": .object(board.pending.mapValues { .object($0.mapValues { .number(Double($0)) }) }),
            "question_sets": .array(board.sets.map(setValue)),
            "round": .string(board.round),
            "generated_at": .string(TimeStamp.iso8601(board.generatedAt)),
            // Exact as a number up to 2^53; larger seeds are written as a decimal string so they never round.
            "seed": board.seed < 9_007_199_254_740_992 ? .number(Double(board.seed)) : .string(String(board.seed)),
            "resamples": .number(Double(board.resamples)),
            "methodology": .string(Methodology.englishSummary),
            "tracks": .array(board.tracks.map { boardValue($0, key: "track") }),
            "overall": boardValue(board.overall, key: "board"),
        ]
        if let manifest { root["manifest"] = manifest }
        if let awards {
            root["awards"] = .object([
                "rule": awards.json, "description": localized(awards.description),
                "tiers": .array(AwardTiers.assign(board.overall, rule: awards).map { a in
                    .object(["tier": localized(a.tier), "teams": .array(a.teams.map(JSONValue.string))])
                }),
            ])
        }
        if !board.arena.isEmpty {
            root["arena"] = .array(board.arena.map { a in
                .object([
                    "team": .string(a.team), "rating": number(a.rating), "ci95": .array([number(a.ci95.low), number(a.ci95.high)]),
                    "battles": .number(Double(a.battles)),
                ])
            })
        }
        return .object(root)
    }

    static func boardValue(_ board: Board, key: String) -> JSONValue {
        .object([
            key: .string(board.id),
            "name": localized(board.name),
            "entries": .array(board.entries.map(entryValue)),
            "adjacent": .array(board.adjacent.map { d in
                .object([
                    "higher": .string(d.higher), "lower": .string(d.lower), "difference": number(d.difference),
                    "ci95": .array([number(d.ci95.low), number(d.ci95.high)]),
                ])
            }),
        ])
    }

    static func entryValue(_ e: BoardEntry) -> JSONValue {
        var o: [String: JSONValue] = [
            "team": .string(e.team), "name": localized(e.name), "position": .number(Double(e.position)),
            "rank": .number(Double(e.rank)), "rank_group": .number(Double(e.rankGroup)), "score": number(e.score),
            "ci95": .array([number(e.ci95.low), number(e.ci95.high)]), "items": .number(Double(e.items)),
            "answered": .number(Double(e.answered)), "failed": .number(Double(e.failed)),
            "failed_by_class": .object(Dictionary(uniqueKeysWithValues: e.failedByClass.map {
                ($0.key.rawValue, JSONValue.number(Double($0.value)))
            })),
            "unextractable": .number(Double(e.unextractable)),
            "latency_ms": .object([
                "mean": e.meanLatencyMs.map(number) ?? .null, "p95": e.p95LatencyMs.map(number) ?? .null,
            ]),
            "tokens": .number(Double(e.tokens)),
        ]
        if e.extraction.counted > 0 {
            o["extraction"] = .object([
                "answers": .number(Double(e.extraction.counted)),
                "by_rule": .object(e.extraction.byRule.mapValues { .number(Double($0)) }),
                "by_strength": .object(e.extraction.byStrength.mapValues { .number(Double($0)) }),
                "unextractable": .number(Double(e.extraction.unextractable)),
                "weak_share": number(e.extraction.weakShare),
                "unextractable_share": number(e.extraction.unextractableShare),
                "weak_rule_flag": .bool(e.extraction.flagged),
            ])
        }
        if let agreement = e.robustness.agreement, let ci = e.robustness.ci95 {
            o["robustness"] = .object([
                "items": .number(Double(e.robustness.items)), "agreeing": .number(Double(e.robustness.agreeing)),
                "agreement": number(agreement), "ci95": .array([number(ci.low), number(ci.high)]),
            ])
        }
        let m = e.memorization
        if m.kept + m.moved > 0 {
            let gap = m.gap
            o["memorization_probe"] = .object([
                "kept": .number(Double(m.kept)), "kept_accuracy": m.keptAccuracy.map(number) ?? .null,
                "moved": .number(Double(m.moved)), "moved_accuracy": m.movedAccuracy.map(number) ?? .null,
                "gap": gap.map { number($0.value) } ?? .null,
                "gap_ci95": gap.map { .array([number($0.low), number($0.high)]) } ?? .null,
                "flagged": .bool(m.flagged),
            ])
        }
        let q = e.paraphrase
        if q.kept + q.moved > 0 {
            let gap = q.gap
            o["paraphrase_probe"] = .object([
                "as_written": .number(Double(q.kept)), "as_written_accuracy": q.keptAccuracy.map(number) ?? .null,
                "paraphrased": .number(Double(q.moved)), "paraphrased_accuracy": q.movedAccuracy.map(number) ?? .null,
                "gap": gap.map { number($0.value) } ?? .null,
                "gap_ci95": gap.map { .array([number($0.low), number($0.high)]) } ?? .null,
                "flagged": .bool(q.flagged),
            ])
        }
        if !e.sourceScores.isEmpty { o["scores_by_source"] = .object(e.sourceScores.mapValues(number)) }
        o["not_entered"] = e.notEnteredTracks.isEmpty ? .bool(e.notEntered) : .array(e.notEnteredTracks.map(JSONValue.string))
        return .object(o)
    }

    /// One question set with its pilot unit and every team's score, interval and pending answers.
    static func setValue(_ s: SetBoard) -> JSONValue {
        var o: [String: JSONValue] = [
            "track": .string(s.track), "set": .string(s.set), "items": .number(Double(s.items)),
            "entries": .array(s.entries.map { e in
                .object([
                    "team": .string(e.team), "score": number(e.score),
                    "ci95": .array([number(e.ci95.low), number(e.ci95.high)]), "pending": .number(Double(e.pending)),
                ])
            }),
        ]
        if let unit = s.pilotUnit { o["pilot_unit"] = localized(unit) }
        return .object(o)
    }

    static func localized(_ t: LocalizedText) -> JSONValue { .object(["zh": .string(t.zh), "en": .string(t.en)]) }

    /// Rounded to 6 decimals so that files diff cleanly.
    static func number(_ x: Double) -> JSONValue { .number((x * 1e6).rounded() / 1e6) }
}
