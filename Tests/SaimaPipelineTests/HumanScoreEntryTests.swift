import Foundation
import SaimaJudging
import SaimaBase
import SaimaModel
import SaimaPipeline
import SaimaRunner
import SaimaStorage
import Testing

/// Human judges' scores entered on a web page (`HumanScoreEntry`): the judge's issued sheet read back, scores saved as
/// that sheet filled in and imported exactly as `saima judges import` imports it.
@Suite("Human scores entered on a web page (pipeline, directly)")
struct HumanScoreEntryTests {
    /// Track t with set g of `count` generation items `g<i>`, each with the reference `参考答案<i>`.
    static func generationTrack(count: Int = 2) -> Track {
        let items = (0..<count).map { i in
            Item(id: "g\(i)", type: .generation, prompt: "简述第 \(i) 条规定。", answer: .texts(["参考答案\(i)"]),
                 raw: .object(["id": .string("g\(i)")]), line: i + 1)
        }
        let set = QuestionSet(
            id: "g", trackID: "t", file: "", path: "", trackDirectory: "/tmp",
            pilotUnit: LocalizedText(zh: "试点", en: "Pilot"), split: .dev, weight: 1, items: ItemList(items), contentHash: "")
        return Track(id: "t", name: LocalizedText(zh: "赛道", en: "Track"), description: LocalizedText(zh: "", en: ""),
                     weight: 1, questionSets: [set], datasets: [], directories: [])
    }

    /// A run where alpha answered g0 and g1, beta answered g0 and timed out on g1; sheets issued to judges j1 and j2.
    static func judgedRun(_ fixture: RunFolderFixture) throws -> (folder: String, tracks: [Track]) {
        let tracks = [generationTrack()]
        let store = try fixture.store(
            "run",
            results: [
                RunFolderFixture.result("alpha", "g0", content: "回答甲0", set: "g"),
                RunFolderFixture.result("alpha", "g1", content: "回答甲1", set: "g"),
                RunFolderFixture.result("beta", "g0", content: "回答乙0", set: "g"),
                RunFolderFixture.result("beta", "g1", .timeout, set: "g"),
            ], round: "human", tracks: tracks, teams: ["alpha", "beta"])
        _ = try RunScoring.score(store: store, tracks: tracks)
        _ = try RunFolder.humanJudgingTemplates(folder: fixture.path("run"), tracks: tracks, judges: ["j1", "j2"], seed: 7)
        return (fixture.path("run"), tracks)
    }

    static let betaG0 = ResultKey(team: "beta", track: "t", set: "g", item: "g0", sample: 0)

    /// The row of `judge`'s sheet that shows `answer`.
    static func answerID(_ folder: String, _ judge: String, answer: String) throws -> String {
        try #require(try HumanScoreEntry.sheet(folder: folder, judge: judge).first { $0.answer == answer }).answerID
    }

    /// A judge's sheet lists every answered generation item (the timeout left out) anonymously: an answer id, the
    /// item, the question as sent, the reference, 10 points when there is no rubric, the answer, nothing entered yet.
    @Test func theSheetListsTheAnswersToGrade() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let run = try Self.judgedRun(fixture)
        let rows = try HumanScoreEntry.sheet(folder: run.folder, judge: "j1")
        #expect(rows.map { "\($0.item):\($0.answer)" }.sorted() == ["g0:回答乙0", "g0:回答甲0", "g1:回答甲1"])
        #expect(rows.allSatisfy { $0.answerID.wholeMatch(of: /A000[1-3]-[0-9a-f]{6}/) != nil })
        let items = try Self.generationTrack().questionSets[0].items.all()
        let builder = ChatRequestBuilder(track: Self.generationTrack())
        for row in rows {
            let item = try #require(items.first { $0.id == row.item })
            #expect(row.track == "t" && row.set == "g" && row.question == builder.userText(for: item))
            #expect(row.reference == "参考答案\(row.item.dropFirst())" && row.rubric == "" && row.maxPoints == "10")
            #expect(row.score == "" && row.comment == "")
        }
    }

    /// Saved scores are imported (8 of 10 points → 0.8 for beta's answer), shown on the judge's sheet from then on,
    /// and kept as `human-judging/entered/<judge>.csv`; one judge's scores give no disagreement.
    @Test func savedScoresAreImportedAndShown() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let run = try Self.judgedRun(fixture)
        let id = try Self.answerID(run.folder, "j1", answer: "回答乙0")
        let (agreement, _) = try HumanScoreEntry.save(
            folder: run.folder, tracks: run.tracks, judge: "j1", entries: [id: (score: "8", comment: "清楚")])
        #expect(agreement.judges == 1 && agreement.answers == 1 && agreement.disagreements.isEmpty)
        let stored = try RunStore(folder: run.folder).humanScores()
        #expect(stored == [HumanScore(judge: "j1", key: Self.betaG0, score: 0.8)])
        for row in try HumanScoreEntry.sheet(folder: run.folder, judge: "j1") {
            #expect((row.score, row.comment) == (row.answerID == id ? ("8", "清楚") : ("", "")), "\(row.answer)")
        }
        #expect(FileManager.default.fileExists(atPath: run.folder + "/human-judging/entered/j1.csv"))
        #expect(!FileManager.default.fileExists(atPath: run.folder + "/human-judging/entered-pending/j1.csv"))
    }

    /// A score above the item's points is refused with the importer's message at the pending copy; nothing is
    /// stored and no entered sheet is kept.
    @Test func anInvalidScoreStoresNothing() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let run = try Self.judgedRun(fixture)
        let id = try Self.answerID(run.folder, "j1", answer: "回答甲0")
        let error = try #require(throws: DiagnosticsError.self) {
            try HumanScoreEntry.save(
                folder: run.folder, tracks: run.tracks, judge: "j1", entries: [id: (score: "11", comment: "")])
        }
        #expect(error.diagnostics.map(\.message) == ["score `11` must be a number from 0 to 10"])
        #expect(error.diagnostics.map(\.path) == [run.folder + "/human-judging/entered-pending/j1.csv"])
        #expect(try RunStore(folder: run.folder).humanScores().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: run.folder + "/human-judging/entered/j1.csv"))
    }

    /// Two judges 6 of 10 points apart on one answer (0.8 and 0.2) are one disagreement above the 0.3 threshold.
    @Test func agreementSpansEveryJudge() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let run = try Self.judgedRun(fixture)
        for (judge, score) in [("j1", "8"), ("j2", "2")] {
            let id = try Self.answerID(run.folder, judge, answer: "回答乙0")
            _ = try HumanScoreEntry.save(
                folder: run.folder, tracks: run.tracks, judge: judge, entries: [id: (score: score, comment: "")])
        }
        let report = try HumanScoreEntry.agreement(folder: run.folder)
        #expect(report.judges == 2 && report.answers == 1)
        #expect(report.disagreements.map(\.key) == [Self.betaG0])
        #expect(report.disagreements.allSatisfy { abs($0.spread - 0.6) < 1e-12 })
    }
}
