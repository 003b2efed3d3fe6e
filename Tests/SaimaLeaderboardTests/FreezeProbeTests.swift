import SaimaBase
import Testing

@testable import SaimaLeaderboard

/// The model-freeze probe on simulated rounds: a persona that swaps its answering behaviour halfway is flagged in every
/// one of 20 seeded rounds; unchanged personas — deterministic, or sampling among phrasings — are flagged in at most
/// one (the false-flag rate is printed).
struct FreezeProbeTests {
    static let waves = 4
    static let probes = 10

    /// One round's replies: `reply(probe, wave, rng)` for every probe and wave.
    static func round(_ reply: (Int, Int, inout SeededGenerator) -> String, seed: UInt64) -> FreezeProbe {
        var rng = SeededGenerator(seed: seed)
        var replies: [String: [Int: (text: String, latencyMs: Double)]] = [:]
        for p in 0..<probes {
            for w in 0..<waves { replies["p\(p)", default: [:]][w] = (reply(p, w, &rng), 800 + Double(rng.below(400))) }
        }
        return FreezeProbe(waves: waves, replies: replies)
    }

    @Test func aSwappedModelIsFlaggedAndUnchangedOnesAreNot() {
        // Waves 0 and 1 come before the halfway swap, waves 2 and 3 after it.
        let swapper: (Int, Int, inout SeededGenerator) -> String = { p, w, _ in w < 2 ? "答案是第\(p)种说法。" : "Answer \(p): a different model." }
        let steady: (Int, Int, inout SeededGenerator) -> String = { p, _, _ in "答案是第\(p)种说法。" }
        // Sampling at a temperature: one of three phrasings, 60/30/10.
        let sampler: (Int, Int, inout SeededGenerator) -> String = { p, _, rng in
            let r = rng.below(10)
            return r < 6 ? "答案是第\(p)种说法。" : r < 9 ? "我认为答案是第\(p)种。" : "第\(p)种。"
        }
        var flags = ["swapper": 0, "steady": 0, "sampler": 0]
        for seed in 1...20 {
            for (name, persona) in [("swapper", swapper), ("steady", steady), ("sampler", sampler)] {
                if Self.round(persona, seed: UInt64(seed)).flagged { flags[name, default: 0] += 1 }
            }
        }
        print("freeze probe over 20 seeded rounds: swapped model flagged \(flags["swapper"]!)/20; "
            + "unchanged deterministic \(flags["steady"]!)/20, unchanged sampling \(flags["sampler"]!)/20 (false flags)")
        #expect(flags["swapper"] == 20)
        #expect(flags["steady"] == 0)
        #expect(flags["sampler"]! <= 1, "false-flag rate of a sampling model: \(flags["sampler"]!)/20")
    }

    @Test func lengthAndLatencyShiftsAreFlaggedAndFewProbesAreNot() {
        var replies: [String: [Int: (text: String, latencyMs: Double)]] = [:]
        for p in 0..<6 {
            for w in 0..<4 { replies["p\(p)", default: [:]][w] = (w == 3 ? String(repeating: "长", count: 90) : "短回答\(p)", w == 3 ? 9000 : 1000) }
        }
        let shifted = FreezeProbe(waves: 4, replies: replies)
        #expect(shifted.lengthRatio.map { $0 > 2 } == true && shifted.latencyRatio == 9)
        #expect(shifted.reasons.count == 3, "\(shifted.reasons)")
        let few = FreezeProbe(waves: 4, replies: replies.filter { $0.key < "p3" })
        #expect(few.probes == 3 && !few.flagged, "fewer than five probes say nothing")
    }

    @Test func peopleInTheLoopShowInTheirLatencies() {
        // A model: 400 ms start-up, 20 ms a token, for short and long answers alike.
        var modelAnswers: [(latencyMs: Double, tokens: Int)] = []
        for n in 0..<10 {
            modelAnswers.append((400 + 20 * Double(5 + n), 5 + n))
            modelAnswers.append((400 + 20 * Double(200 + n), 200 + n))
        }
        var model = FreezeProbe()
        model.addAnswerLatencies(modelAnswers)
        #expect(model.reasons.isEmpty, "\(model.reasons)")
        // A person: short answers in 30 s (reading the question), long ones typed at about one token a second.
        var personAnswers: [(latencyMs: Double, tokens: Int)] = []
        for n in 0..<10 {
            personAnswers.append((30_000, 5 + n))
            personAnswers.append((1000 * Double(200 + n), 200 + n))
        }
        var person = FreezeProbe()
        person.addAnswerLatencies(personAnswers)
        #expect(person.reasons.contains { $0.hasPrefix("long answers come at 1.0 tokens/s") }, "\(person.reasons)")
        var slow = FreezeProbe()
        slow.slowReplies = 2
        #expect(slow.flagged && slow.reasons.first?.hasPrefix("2 answer(s) took a minute or more") == true)
    }
}
