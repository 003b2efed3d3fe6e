import Foundation
import SaimaModel
import SaimaPipeline
import SaimaRegistry
import Testing

/// `saima bundle` (`ContestantBundle`): the contestant kit holds the dev sets as they are and the test sets reduced to
/// what is asked, in a folder that loads as tracks again; it never writes over anything but an earlier kit, and
/// never into or around the tracks it reads.
@Suite("The contestant kit (pipeline, directly)")
struct ContestantBundleTests {
    static let devLine = #"{"id": "d1", "type": "single_choice", "prompt": "甲乙哪个对？", "choices": {"A": "甲", "B": "乙"}, "answer": "B"}"#

    /// A tracks root at `root` with track t: dev set d, test set x (with a canary, an answer and a citation), the
    /// dataset it cites, and a README.
    static func writeTracks(_ root: String) throws -> [Track] {
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/t/questions", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/t/datasets", withIntermediateDirectories: true)
        let files = [
            "t/track.yaml": """
                id: t
                name: {zh: 赛道, en: Track}
                description: {zh: 说明, en: About}
                weight: 2
                question_sets:
                  - id: d
                    file: questions/dev.jsonl
                    pilot_unit: {zh: 甲单位, en: Unit A}
                    split: dev
                    weight: 1
                  - id: x
                    file: questions/test.jsonl
                    pilot_unit: {zh: 乙单位, en: Unit B}
                    split: test
                    weight: 3
                    canary: SAIMA-CANARY-7
                datasets:
                  - id: manual
                    file: datasets/manual.md

                """,
            "t/questions/dev.jsonl": devLine + "\n",
            "t/questions/test.jsonl": #"{"id": "x1", "type": "single_choice", "prompt": "丙丁哪个对？", "choices": {"A": "丙", "B": "丁"}, "#
                + #""answer": "A", "difficulty": "hard", "dataset": "manual", "section": "s1"}"# + "\n",
            "t/datasets/manual.md": "## s1 第一节\n正文。\n",
            "t/README.md": "# 赛道 t\n",
        ]
        for (name, text) in files { try text.write(toFile: root + "/" + name, atomically: true, encoding: .utf8) }
        return try TrackRegistry.load(roots: [root]).tracks
    }

    /// The kit: 8 files; `track.yaml` rewritten with quoted values and the test set marked `answers_withheld` (no
    /// canary); the dev set byte for byte; the test set's item reduced to its visible fields in canonical JSON; the
    /// project README appended to the kit's. The kit loads as tracks, its test set without answers.
    @Test func theKitHoldsWhatContestantsMayHave() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let tracks = try Self.writeTracks(fixture.path("tracks"))
        let out = fixture.path("kit")
        let summary = try ContestantBundle.write(tracks: tracks, to: out, includeTest: true, readme: "# 项目说明\n")
        #expect(summary.tracks == 1 && summary.devSets == 1 && summary.testSets == 1 && summary.files == 8)
        #expect(try String(contentsOfFile: out + "/Tracks/t/track.yaml", encoding: .utf8) == """
            # Contestant kit of track t, written by saima bundle.
            id: "t"
            name: {zh: "赛道", en: "Track"}
            description: {zh: "说明", en: "About"}
            weight: 2.0
            question_sets:
              - id: "d"
                file: "questions/d.jsonl"
                pilot_unit: {zh: "甲单位", en: "Unit A"}
                split: dev
                weight: 1.0
                partial_credit: 0.5
              - id: "x"
                file: "questions/x.jsonl"
                pilot_unit: {zh: "乙单位", en: "Unit B"}
                split: test
                weight: 3.0
                partial_credit: 0.5
                answers_withheld: true
            datasets:
              - id: "manual"
                file: "datasets/manual.md"

            """)
        #expect(try String(contentsOfFile: out + "/Tracks/t/questions/d.jsonl", encoding: .utf8) == Self.devLine + "\n")
        #expect(try String(contentsOfFile: out + "/Tracks/t/questions/x.jsonl", encoding: .utf8)
            == #"{"choices":{"A":"丙","B":"丁"},"dataset":"manual","difficulty":"hard","id":"x1","prompt":"丙丁哪个对？","#
            + #""section":"s1","type":"single_choice"}"# + "\n")
        #expect(try String(contentsOfFile: out + "/Tracks/t/datasets/manual.md", encoding: .utf8) == "## s1 第一节\n正文。\n")
        #expect(try String(contentsOfFile: out + "/Tracks/t/README.md", encoding: .utf8) == "# 赛道 t\n")
        #expect(try String(contentsOfFile: out + "/README.md", encoding: .utf8).hasSuffix("\n---\n\n# 项目说明\n"))
        #expect(FileManager.default.fileExists(atPath: out + "/" + ContestantBundle.marker))
        #expect(FileManager.default.fileExists(atPath: out + "/PROMPTS.md"))
        let kit = try TrackRegistry.load(roots: [out + "/Tracks"])
        let hidden = try #require(kit.tracks.first?.questionSets.first { $0.id == "x" })
        #expect(hidden.answersWithheld && hidden.split == .test && hidden.canary == nil && hidden.items.ids == ["x1"])
    }

    /// Without test sets the kit lists and writes the dev set only; a second bundle replaces the earlier kit.
    @Test func testSetsLeftOutAndAnEarlierKitReplaced() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let tracks = try Self.writeTracks(fixture.path("tracks"))
        let out = fixture.path("kit")
        _ = try ContestantBundle.write(tracks: tracks, to: out, includeTest: true, readme: nil)
        let summary = try ContestantBundle.write(tracks: tracks, to: out, includeTest: false, readme: nil)
        #expect(summary.devSets == 1 && summary.testSets == 0 && summary.files == 7)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/Tracks/t/questions") == ["d.jsonl"])
        let yaml = try String(contentsOfFile: out + "/Tracks/t/track.yaml", encoding: .utf8)
        #expect(!yaml.contains("\"x\"") && !yaml.contains("answers_withheld"))
    }

    /// A folder holding anything but an earlier kit is refused, untouched; so is a folder that holds the tracks
    /// (a kit there would overwrite the hidden sets) or lies inside a track folder.
    @Test func foreignFoldersAndTrackFoldersAreRefused() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let tracks = try Self.writeTracks(fixture.path("tracks"))
        let busy = fixture.path("busy")
        try FileManager.default.createDirectory(atPath: busy, withIntermediateDirectories: true)
        try "keep".write(toFile: busy + "/notes.txt", atomically: true, encoding: .utf8)
        let notEmpty = try #require(throws: ContestantBundle.Refusal.self) {
            try ContestantBundle.write(tracks: tracks, to: busy, includeTest: true, readme: nil)
        }
        #expect(notEmpty.description == "\(busy) is not empty and is not an earlier contestant kit (no .saima-kit); choose an "
            + "empty or new folder. Nothing was written or deleted. / 输出目录非空且不是此前生成的资料包，未做任何改动。")
        #expect(try FileManager.default.contentsOfDirectory(atPath: busy) == ["notes.txt"])
        for out in [fixture.path("tracks"), fixture.path("tracks/t/kit")] {
            let overlap = try #require(throws: ContestantBundle.Refusal.self) {
                try ContestantBundle.write(tracks: tracks, to: out, includeTest: true, readme: nil)
            }
            #expect(overlap.description == "\(out) holds or lies inside a tracks folder; the kit must go elsewhere. Nothing "
                + "was written or deleted. / 输出目录与赛道目录重叠，未做任何改动。")
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.path("tracks/t/kit")))
    }

    /// A track joined from a public root and a private root that both name their file `questions/dev.jsonl`: each set
    /// keeps its own file in the kit (named by set id), and a set with `shuffle_choices: false` keeps it, so a
    /// contestant's self-test shows the choices in the round's order. The kit validates as tracks again.
    @Test func setsOfTwoRootsKeepTheirOwnFilesAndTheirChoiceOrder() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let fm = FileManager.default
        for (root, set, split, shuffle) in [("public", "p", "dev", ""), ("private", "h", "test", "    shuffle_choices: false\n")] {
            try fm.createDirectory(atPath: fixture.path("\(root)/t/questions"), withIntermediateDirectories: true)
            let yaml = "id: t\nname: {zh: 赛道, en: Track}\nquestion_sets:\n  - id: \(set)\n    file: questions/dev.jsonl\n"
                + "    pilot_unit: {zh: 单位, en: Unit}\n    split: \(split)\n" + shuffle
            try yaml.write(toFile: fixture.path("\(root)/t/track.yaml"), atomically: true, encoding: .utf8)
            let line = #"{"id": "\#(set)1", "type": "single_choice", "prompt": "哪个对？", "choices": {"A": "甲", "B": "乙"}, "answer": "B"}"#
            try (line + "\n").write(toFile: fixture.path("\(root)/t/questions/dev.jsonl"), atomically: true, encoding: .utf8)
        }
        let tracks = try TrackRegistry.load(roots: [fixture.path("public"), fixture.path("private")]).tracks
        #expect(tracks.first?.questionSets.map(\.id).sorted() == ["h", "p"])
        let out = fixture.path("kit")
        _ = try ContestantBundle.write(tracks: tracks, to: out, includeTest: true, readme: "")
        let kit = try TrackRegistry.load(roots: [out + "/Tracks"])
        let sets = try #require(kit.tracks.first?.questionSets)
        #expect(Set(sets.map(\.id)) == ["h", "p"])
        #expect(sets.first { $0.id == "p" }?.items.ids == ["p1"] && sets.first { $0.id == "h" }?.items.ids == ["h1"])
        #expect(sets.first { $0.id == "h" }?.shuffleChoices == false && sets.first { $0.id == "p" }?.shuffleChoices == true)
    }
}
