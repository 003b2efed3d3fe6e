import Foundation
import SaimaEndpointServer
import SaimaBase
import SaimaTestSupport
import Testing

/// A contestant whose endpoint copies the whole prompt, answers, and then invents a follow-up question with an
/// answer of its own (as base models do) is read as a human reads it: the answer to the question asked, the same
/// letters the plainly answering keyword baseline gives. Its hedged replies are uncertain, listed on the appeals
/// sheet (`--rules uncertain`) and shown to the contestant by `selftest`.
@Suite("Prompt echoes and invented questions, end to end", .serialized)
struct PromptEchoRoundTests {
    static func export(_ out: String) async throws -> [String: JSONValue] {
        let export = try await SaimaBinary.run(["export", "--out", out], directory: SaimaBinary.repositoryRoot)
        #expect(export.status == 0, "\(export.stderr)")
        var records: [String: JSONValue] = [:]
        for line in export.stdout.split(separator: "\n") {
            let r = try JSONValue.parse(String(line))
            records["\(r["track"]?.stringValue ?? "")/\(r["set"]?.stringValue ?? "")/\(r["item"]?.stringValue ?? "")"] = r
        }
        return records
    }

    @Test func echoingEndpointScoresAsAHumanReadsItAndItsHedgesGoToTheAppealsSheet() async throws {
        let echoing = try await BaselineServer.start(persona: .echoing, port: 0, model: "echoing")
        let echoOut = RoundWorkflowTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: echoOut) }
        let selftest = try await SaimaBinary.run(
            ["selftest", "--endpoint", echoing.baseURL, "--model", "echoing", "--track", "legal", "--out", echoOut],
            directory: SaimaBinary.repositoryRoot)
        await echoing.stop()
        #expect(selftest.status == 0, "\(selftest.stderr)")
        #expect(selftest.stdout.contains("Reading confidence"), "\(selftest.stdout)")
        #expect(selftest.stdout.contains("the most uncertain"), "selftest shows the most uncertain readings")

        let echoed = try await Self.export(echoOut)
        var answered = 0
        var hedged: Set<String> = []
        for (key, r) in echoed {
            let content = r["content"]?.stringValue ?? ""
            guard content.contains("题目：下列哪一项属于本题考点的延伸") || content.contains("也可能是") else { continue }
            if content.contains("也可能是") {
                hedged.insert(key)
                #expect(r["confidence"]?.stringValue == "uncertain", "\(key): a hedge is uncertain")
                let extracted: String = r["extracted"]?.stringValue ?? ""
                #expect(extracted.isEmpty, "\(key): a hedge commits to nothing")
            } else {
                answered += 1
                // What a human reads: the first answer line after the copied prompt (the invented question's comes later).
                let parts = content.components(separatedBy: "\n答案：")
                var expected = parts.count > 1 ? parts[1].components(separatedBy: "\n").first : nil
                // The reply's letters are the ones the team saw; stored readings are in the item's own letters.
                if let record = r["choice_order"]?.stringValue.map(Array.init), let shown = expected {
                    expected = String(shown.map { l in
                        let position = Int(l.asciiValue ?? 0) - 65
                        return record.indices.contains(position) ? record[position] : l
                    }.sorted())
                }
                #expect(r["extracted"]?.stringValue == expected, "\(key): the answer to the question asked, not to the invented one")
                #expect(r["confidence"]?.stringValue == "explicit", "\(key)")
            }
        }
        #expect(answered >= 5, "choice items answered after an echo")
        #expect(!hedged.isEmpty, "some replies hedge")

        let template = try await SaimaBinary.run(
            ["appeals", "template", "--out", echoOut, "--rules", "uncertain"], directory: SaimaBinary.repositoryRoot)
        #expect(template.status == 0, "\(template.stderr)")
        let rows = CSVTable.parse(try String(contentsOfFile: echoOut + "/appeals/appeals.csv", encoding: .utf8)).map(\.fields)
        let header = try #require(rows.first)
        let col = { (name: String) in header.firstIndex(of: name)! }
        let listed = Set(rows.dropFirst().map { "\($0[col("track")])/\($0[col("set")])/\($0[col("item")])" })
        #expect(listed == hedged, "exactly the uncertain readings are on the sheet")
        #expect(rows.dropFirst().allSatisfy { $0[col("why")].contains("uncertain reading 读取存疑") })
    }
}
