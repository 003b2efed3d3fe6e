import Foundation
import SaimaJudging
import Testing

@Suite("arena.json as a typed record")
struct ArenaFileTests {
    /// Ratings and position bias written by `saima battle` read back as the same record; a damaged file is an
    /// error that names it, and no file is simply no arena.
    @Test func writesReadsAndNamesADamagedFile() throws {
        let folder = NSTemporaryDirectory() + "saima-arena-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try ArenaFile.load(folder: folder) == nil)

        let battles = [
            Battle(a: "beta", b: "alpha", winner: .a), Battle(a: "alpha", b: "beta", winner: .tie, ordersDisagree: true),
            Battle(a: "alpha", b: "gamma", winner: .b), Battle(a: "gamma", b: "alpha", winner: .b),
            Battle(a: "beta", b: "gamma", winner: .tie),
        ]
        let (ratings, skipped) = try ArenaRatings.compute(battles, anchor: "alpha", resamples: 200, seed: 3)
        let arena = ArenaFile(ratings: ratings, skipped: skipped, anchor: "alpha", battles: battles, judge: "judge-m")
        let text = try arena.write(folder: folder)
        #expect(text.contains("\"position_bias\""))
        let back = try #require(try ArenaFile.load(folder: folder))
        #expect(back == arena)
        #expect(back.ratings.first { $0.team == "alpha" }?.rating == 1000)
        let pair = try #require(back.positionBias?.pairs.first { $0.a == "alpha" && $0.b == "beta" })
        #expect(pair.battles == 2 && pair.ties == 1 && pair.ordersDisagree == 1)
        #expect(back.positionBias?.ordersDisagree == 1)

        try #"{"ratings": "many"}"#.write(toFile: folder + "/arena.json", atomically: true, encoding: .utf8)
        do {
            _ = try ArenaFile.load(folder: folder)
            Issue.record("a damaged arena.json must be refused")
        } catch {
            #expect(error.description.contains("arena.json"))
        }
    }
}
