import Foundation
import SaimaBase
import SaimaModel
import SaimaPipeline
import SaimaRegistry
import SaimaRunner
import SaimaStorage
import Testing

/// The tracks a run folder's commands read (`RunTracks`): the roots the run recorded, unless others are named, and
/// only when every question set the run used is there unchanged.
@Suite("A run's own tracks (pipeline, directly)")
struct RunTracksTests {
    /// Writes track t (set s of q0–q3; `first` is q0's prompt) under `root`.
    static func writeTrack(_ root: String, first: String = "第 0 题") throws {
        try FileManager.default.createDirectory(atPath: root + "/t/questions", withIntermediateDirectories: true)
        try """
            id: t
            name: {zh: 赛道, en: Track}
            description: {zh: 测试, en: Test}
            weight: 1
            question_sets:
              - id: s
                file: questions/s.jsonl
                pilot_unit: {zh: 试点, en: Pilot}
                split: dev
                weight: 1

            """.write(toFile: root + "/t/track.yaml", atomically: true, encoding: .utf8)
        let lines = (0..<4).map { i in
            let prompt = i == 0 ? first : "第 \(i) 题"
            return #"{"id": "q\#(i)", "type": "single_choice", "prompt": "\#(prompt)", "choices": {"A": "甲", "B": "乙"}, "answer": "B"}"#
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: root + "/t/questions/s.jsonl", atomically: true, encoding: .utf8)
    }

    /// A run folder made from the tracks root `<fixture>/tracks` (a real path, as the manifest records roots), with
    /// `drawn` as the items the round drew from t/s; returns the root, the folder and the set's hash.
    static func run(_ fixture: RunFolderFixture, drawn: [String]? = nil) throws -> (root: String, folder: String, hash: String) {
        try FileManager.default.createDirectory(atPath: fixture.root, withIntermediateDirectories: true)
        let root = try #require(realPath(fixture.root)) + "/tracks"
        try writeTrack(root)
        let tracks = try TrackRegistry.load(roots: [root]).tracks
        var manifest = RunManifest(
            round: "r", split: .dev, samples: 1, seed: 1, tracks: tracks, submissions: [RunFolderFixture.submission("alpha")])
        manifest.questionSets[0].drawnItems = drawn
        let folder = fixture.path("run")
        try RunManifestStore.freeze(manifest, store: try RunStore(folder: folder), folder: folder)
        return (root, folder, tracks[0].questionSets[0].contentHash)
    }

    static func problem(_ folder: String, _ line: String) -> String {
        "\(folder): the run's question sets are not all available as the run used them; nothing was re-scored or rewritten. "
            + "本轮所用题集不可用或已改变，未重新计分或覆盖任何文件。\n  - " + line
    }

    /// The run's recorded root is read again with no `--tracks`, whatever the fallback; a folder without a manifest
    /// records no roots and reads the fallback.
    @Test func theRunsOwnRootsAreRead() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let run = try Self.run(fixture)
        #expect(try RunTracks.recordedRoots(folder: run.folder) == [run.root])
        let registry = try RunTracks.registry(folder: run.folder, explicitRoots: [], fallback: [fixture.path("elsewhere")])
        #expect(registry.roots == [run.root])
        #expect(registry.tracks.map(\.id) == ["t"] && registry.tracks[0].questionSets[0].items.ids == ["q0", "q1", "q2", "q3"])
        let bare = fixture.path("bare")
        _ = try RunStore(folder: bare)
        #expect(try RunTracks.recordedRoots(folder: bare) == nil)
        #expect(try RunTracks.registry(folder: bare, explicitRoots: [], fallback: [run.root]).roots == [run.root])
    }

    /// An edited question file is refused with the set and both hashes, so nothing is re-scored on changed
    /// questions; `strict: false` reads the edited set anyway.
    @Test func aChangedSetIsRefused() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let run = try Self.run(fixture)
        try Self.writeTrack(run.root, first: "第 0 题（改）")
        let now = try TrackRegistry.load(roots: [run.root]).tracks[0].questionSets[0].contentHash
        #expect(now != run.hash)
        let problem = try #require(throws: RunTracks.Problem.self) {
            try RunTracks.registry(folder: run.folder, explicitRoots: [], fallback: [])
        }
        #expect(problem.description == Self.problem(
            run.folder, "question set t/s changed since the run: sha256 \(run.hash.prefix(12))… → \(now.prefix(12))… / 题集已被修改"))
        let loose = try RunTracks.registry(folder: run.folder, explicitRoots: [], fallback: [], strict: false)
        #expect(loose.tracks[0].questionSets[0].contentHash == now)
    }

    /// A recorded root that moved is refused, naming the sets that went with it; naming its new place reads it.
    @Test func aMovedRootIsNamedAndCanBeGiven() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let run = try Self.run(fixture)
        let moved = run.root + "-moved"
        try FileManager.default.moveItem(atPath: run.root, toPath: moved)
        let problem = try #require(throws: RunTracks.Problem.self) {
            try RunTracks.registry(folder: run.folder, explicitRoots: [], fallback: [moved])
        }
        #expect(problem.description == Self.problem(
            run.folder, "the tracks root \(run.root) recorded by this run is missing (give it with --tracks if it moved); "
                + "question set t/s is missing with it / 找不到本轮记录的赛道根目录"))
        let registry = try RunTracks.registry(folder: run.folder, explicitRoots: [moved], fallback: [])
        #expect(registry.roots == [moved] && registry.tracks[0].questionSets[0].contentHash == run.hash)
    }

    /// A round that drew fresh items reads only those, in file order, in every later command.
    @Test func drawnItemsAreTheRunsItems() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let run = try Self.run(fixture, drawn: ["q3", "q1"])
        let registry = try RunTracks.registry(folder: run.folder, explicitRoots: [], fallback: [])
        #expect(registry.tracks[0].questionSets[0].items.ids == ["q1", "q3"])
    }
}
