import Foundation
import SaimaBase
import Testing

@testable import SaimaJudging

@Suite("Bradley–Terry ratings")
struct BradleyTerryTests {
    @Test func twoTeamsMatchTheClosedForm() throws {
        // A beats B twice and loses once: π_A/π_B = 2, so the gap is 400·log10(2) ≈ 120.412.
        let battles = [Battle(a: "A", b: "B", winner: .a), Battle(a: "B", b: "A", winner: .b), Battle(a: "A", b: "B", winner: .b)]
        let r = try BradleyTerry.ratings(battles, anchor: "B")
        #expect(r["B"] == 1000)
        #expect(abs(r["A"]! - (1000 + 400 * log10(2.0))) < 1e-6)
    }

    @Test func tiesCountHalfEachWay() throws {
        // One win and one tie for A: wins 1.5 vs 0.5 → ratio 3.
        let r = try BradleyTerry.ratings([Battle(a: "A", b: "B", winner: .a), Battle(a: "A", b: "B", winner: .tie)], anchor: "B")
        #expect(abs(r["A"]! - (1000 + 400 * log10(3.0))) < 1e-6)
    }

    @Test func recoversKnownStrengths() throws {
        let truth: [String: Double] = ["w": 1300, "x": 1150, "y": 1000, "z": 850]
        var generator = SeededGenerator(seed: 11)
        var battles: [Battle] = []
        let teams = truth.keys.sorted()
        for _ in 0..<6000 {
            let i = Int(generator.next() % 4)
            var j = Int(generator.next() % 3)
            if j >= i { j += 1 }
            let (a, b) = (teams[i], teams[j])
            let p = 1 / (1 + pow(10, (truth[b]! - truth[a]!) / 400))
            let u = Double(generator.next() % 1_000_000) / 1_000_000
            battles.append(Battle(a: a, b: b, winner: u < p ? .a : .b))
        }
        let (ratings, skipped) = try ArenaRatings.compute(battles, anchor: "y", resamples: 200, seed: 3)
        #expect(skipped == 0)
        #expect(ratings.map(\.team) == ["w", "x", "y", "z"])
        for r in ratings {
            #expect(abs(r.rating - truth[r.team]!) < 40, "\(r.team) \(r.rating)")
            #expect(r.ci95.contains(r.rating))
        }
        #expect(ratings.first { $0.team == "y" }?.rating == 1000)
    }

    @Test func disconnectedOrOneSidedGraphsAreErrors() {
        #expect(throws: BradleyTerry.Problem.self) {
            try BradleyTerry.ratings([Battle(a: "A", b: "B", winner: .a), Battle(a: "C", b: "D", winner: .tie)], anchor: nil)
        }
        // A won everything: no finite maximum.
        #expect(throws: BradleyTerry.Problem.self) {
            try BradleyTerry.ratings([Battle(a: "A", b: "B", winner: .a), Battle(a: "B", b: "C", winner: .tie)], anchor: nil)
        }
        #expect(throws: BradleyTerry.Problem.noBattles) { try BradleyTerry.ratings([], anchor: nil) }
        #expect(throws: BradleyTerry.Problem.unknownAnchor("Q")) {
            try BradleyTerry.ratings([Battle(a: "A", b: "B", winner: .tie)], anchor: "Q")
        }
    }
}
