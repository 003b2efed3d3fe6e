import Foundation
import SaimaBase
import SaimaModel
import SaimaPipeline
import SaimaRunner
import SaimaStorage
import Testing

/// The model-freeze findings a run's leaderboard carries (`ProbeFindings`, through `RoundPipeline.writeLeaderboard`):
/// every team's probe analysis when the round sent probes, else only the teams whose latencies suggest people.
@Suite("Model-freeze findings in a run's leaderboard (pipeline, directly)")
struct ProbeFindingsTests {
    /// A probe reply of `team`, keyed as the planner keys probes.
    static func probe(_ team: String, _ probe: String, wave: Int, _ text: String) -> ItemResult {
        ItemResult(
            key: ResultKey(team: team, track: FingerprintProbes.trackID, set: FingerprintProbes.setID, item: probe, sample: wave),
            outcome: .ok, httpStatus: 200, attempts: [], latencyMs: 100, content: text, promptHash: "p", templateVersion: "v")
    }

    static func probes(_ folder: String) throws -> JSONValue? {
        try JSONValue.parse(try String(contentsOfFile: folder + "/leaderboard.json", encoding: .utf8))["probes"]
    }

    /// Without probes, alpha's one answer that took 61 s is listed as a sign of people in the loop; beta, with
    /// nothing unusual, is not listed.
    @Test func withoutProbesOnlySlowTeamsAreListed() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let tracks = [RunScoringTests.track(count: 2)]
        try fixture.store("run", results: [
            RunFolderFixture.result("alpha", "q0", latencyMs: 61_000), RunFolderFixture.result("alpha", "q1"),
            RunFolderFixture.result("beta", "q0"), RunFolderFixture.result("beta", "q1"),
        ], round: "probes", tracks: tracks, teams: ["alpha", "beta"])
        _ = try RoundPipeline.writeLeaderboard(folder: fixture.path("run"), tracks: tracks, seed: nil, resamples: 50)
        #expect(try Self.probes(fixture.path("run")) == .object([
            "alpha": .object([
                "probes": .number(0), "replies_per_wave": .array([]), "baseline_agreement": .null, "end_agreement": .null,
                "length_ratio": .null, "latency_ratio": .null, "slow_answers": .number(1), "flagged": .bool(true),
                "reasons": .array([.string("1 answer(s) took a minute or more: people in the loop? 存在一分钟以上的回答")]),
            ])
        ]))
    }

    /// With three probe waves, alpha repeated all five probes in waves 0 and 1 and changed every one in the last: it
    /// is flagged (100% repeat at the start, 0% at the end; same lengths and latencies). Beta, which answered no
    /// probe, is listed unflagged with an empty wave count.
    @Test func probeRepliesThatChangeAreFlagged() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let tracks = [RunScoringTests.track(count: 1)]
        let folder = fixture.path("run")
        let store = try RunStore(folder: folder)
        var manifest = RunManifest(
            round: "probes", split: .dev, samples: 1, seed: 3, tracks: tracks,
            submissions: ["alpha", "beta"].map { RunFolderFixture.submission($0) })
        manifest.probes = .init(count: 5, waves: 3, sha256: String(repeating: "0", count: 64))
        try RunManifestStore.freeze(manifest, store: store, folder: folder)
        _ = try store.appendResults([RunFolderFixture.result("alpha", "q0"), RunFolderFixture.result("beta", "q0")])
        for p in 0..<5 {
            for wave in 0..<3 { try store.appendProbe(Self.probe("alpha", "p\(p)", wave: wave, wave < 2 ? "回答\(p)" : "改答\(p)")) }
        }
        _ = try RoundPipeline.writeLeaderboard(folder: folder, tracks: tracks, seed: nil, resamples: 50)
        let findings = try #require(try Self.probes(folder))
        let alpha = try #require(findings["alpha"])
        #expect(alpha["probes"] == .number(5) && alpha["replies_per_wave"] == .array([.number(5), .number(5), .number(5)]))
        #expect(alpha["baseline_agreement"] == .number(1) && alpha["end_agreement"] == .number(0))
        #expect(alpha["length_ratio"] == .number(1) && alpha["latency_ratio"] == .number(1) && alpha["flagged"] == .bool(true))
        #expect(alpha["reasons"] == .array([.string("probe replies changed: 100% repeat at the start, 0% at the end 探针回答前后不一致")]))
        #expect(findings["beta"] == .object([
            "probes": .number(0), "replies_per_wave": .array([.number(0), .number(0), .number(0)]), "baseline_agreement": .null,
            "end_agreement": .null, "length_ratio": .null, "latency_ratio": .null, "slow_answers": .number(0),
            "flagged": .bool(false), "reasons": .array([]),
        ]))
    }
}
