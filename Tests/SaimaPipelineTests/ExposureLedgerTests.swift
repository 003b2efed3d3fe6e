import Foundation
import SaimaBase
import SaimaModel
import SaimaPipeline
import SaimaStorage
import Testing

/// `ExposureLedger` over real run folders: every request row counts (superseded retries too), a run's round comes
/// from its manifest or else its folder's name, folders are found at a path or one level under it, and a round's own
/// folder or rounds can be left out or picked.
@Suite("Exposure ledger (pipeline, directly)")
struct ExposureLedgerTests {
    /// `runs/r1` (manifest of round `spring`): alpha is sent q0 and q1, q1 again as a retry, beta q0; `runs/r2` (no
    /// manifest): gamma q0 and item z1 of a set no track names; `runs/notes` holds no database.
    static func runs(_ fixture: RunFolderFixture) throws {
        try fixture.store("runs/r1", results: [
            RunFolderFixture.result("alpha", "q0"), RunFolderFixture.result("alpha", "q1", .timeout),
            RunFolderFixture.result("alpha", "q1"), RunFolderFixture.result("beta", "q0"),
        ], round: "spring", tracks: [RunScoringTests.track(count: 4)], teams: ["alpha", "beta"])
        try fixture.store("runs/r2", results: [
            RunFolderFixture.result("gamma", "q0"), RunFolderFixture.result("gamma", "z1", track: "u", set: "x"),
        ])
        try FileManager.default.createDirectory(atPath: fixture.path("runs/notes"), withIntermediateDirectories: true)
    }

    /// Both run folders are read from their parent; per set: items now, items exposed, sends (the retry included),
    /// teams, rounds and the most exposed items; a set the tracks no longer name is still listed. The printed table
    /// holds exactly these figures.
    @Test func countsEveryRequestPerSet() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        try Self.runs(fixture)
        let ledger = try ExposureLedger.scan([fixture.path("runs")])
        #expect(ledger.folders == [fixture.path("runs/r1"), fixture.path("runs/r2")].map { realPath($0)! })
        #expect(ledger.entries.count == 6)
        #expect(Set(ledger.entries.map(\.round)) == ["spring", "r2"])
        #expect(ledger.exposed(track: "t", set: "s") == ["q0", "q1"])
        let sets = ledger.bySet(tracks: [RunScoringTests.track(count: 4)])
        #expect(sets.map { "\($0.track)/\($0.set)" } == ["t/s", "u/x"])
        #expect(sets[0].items == 4 && sets[0].exposedItems == 2 && sets[0].sends == 5 && sets[0].teams == 3)
        #expect(sets[0].rounds == ["r2", "spring"] && sets[0].variants == [])
        #expect(sets[0].mostExposed.map { "\($0.item)×\($0.sends)" } == ["q0×3", "q1×2"])
        #expect(sets[1].items == 0 && sets[1].sends == 1)
        #expect(ledger.render(tracks: [RunScoringTests.track(count: 4)]) == """
            曝光记录 Exposure ledger: 2 run folder(s) 个结果目录, 6 request(s) 次发送

            | 题集 set | 题数 items | 已曝光 exposed | 发送次数 sends | 队伍 teams | 轮次 rounds | 变体 variants | 最常曝光 most exposed |
            |---|---:|---:|---:|---:|---|---|---|
            | t/s | 4 | 2 | 5 | 3 | r2, spring | — | q0 ×3, q1 ×2 |
            | u/x | 0 | 1 | 1 | 1 | r2 | — | z1 ×1 |

            """)
    }

    /// A folder named directly is read; the round's own folder (`excluding`) and another round's folders
    /// (`excludingRound`) are left out; `round` keeps only that round's folders; a path with no run reads nothing.
    @Test func excludingAndPickingRounds() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        try Self.runs(fixture)
        let runs = fixture.path("runs")
        #expect(try ExposureLedger.scan([fixture.path("runs/r2")]).entries.map(\.sent.team) == ["gamma", "gamma"])
        #expect(try ExposureLedger.scan([runs], excluding: fixture.path("runs/r1")).folders.count == 1)
        #expect(try ExposureLedger.scan([runs], excludingRound: "spring").entries.allSatisfy { $0.round == "r2" })
        #expect(try ExposureLedger.scan([runs], round: "spring").entries.count == 4)
        #expect(try ExposureLedger.scan([fixture.path("runs/notes"), fixture.path("missing")]).entries.isEmpty)
    }
}
