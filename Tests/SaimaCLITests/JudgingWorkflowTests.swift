import Foundation
import GRDB
import SaimaEndpointServer
import SaimaBase
import SaimaTestSupport
import Synchronization
import Testing

/// Counts the requests a local judge server answered.
final class RequestTally: Sendable {
    private let count = Mutex(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}

/// The figures of `saima judge`'s summary line
/// (`judge 评审: N answers, C from cache 缓存, J judged 新评 (K calls 调用), E judge_error 评审失败`).
struct JudgeSummaryLine: Equatable {
    var answers, fromCache, judged, calls, errors: Int

    init?(_ stdout: String) {
        guard let line = stdout.split(separator: "\n").first(where: { $0.hasPrefix("judge 评审:") }) else { return nil }
        let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count == 5 else { return nil }
        (answers, fromCache, judged, calls, errors) = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4])
    }
}

/// LLM judge, battles and human judges folded into the leaderboard and report, through `saima`.
@Suite("Judging folded into the leaderboards", .serialized)
struct JudgingWorkflowTests {
    /// A local judge: pointwise verdicts give every criterion its full points when the answer is
    /// long, half otherwise; pairwise verdicts prefer the answer with the larger checksum (the same
    /// in both orders, and mixed enough that every team wins some).
    static func judgeServer(tally: RequestTally) async throws -> LocalEndpointServer {
        try await LocalEndpointServer.start { request in
            tally.add()
            let body = (try? JSONValue.parse(request.body)) ?? .null
            let prompt = body["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
            if prompt.contains("【回答 A / Answer A】") {
                let parts = prompt.components(separatedBy: "<<<\n")
                let a = parts.count > 1 ? parts[1].components(separatedBy: "\n>>>")[0] : ""
                let b = parts.count > 2 ? parts[2].components(separatedBy: "\n>>>")[0] : ""
                func checksum(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + Int($1.value) } % 5 }
                let w = checksum(a) == checksum(b) ? "tie" : checksum(a) > checksum(b) ? "A" : "B"
                return .json(200, ChatCompletionJSON.completion(content: #"{"winner":"\#(w)"}"#, model: "judge"))
            }
            var criteria: [String] = []
            for line in prompt.split(separator: "\n") where line.hasPrefix("- ") {
                let id = line.dropFirst(2).split(separator: "（").first.map(String.init) ?? "c1"
                let max = Double(line.components(separatedBy: "满分 ").dropFirst().first?.split(separator: " ").first ?? "1") ?? 1
                let answer = prompt.components(separatedBy: "<<<\n").last ?? ""
                criteria.append(#"{"id":"\#(id)","points":\#(answer.count > 60 ? max : max / 2),"justification":"ok"}"#)
            }
            return .json(200, ChatCompletionJSON.completion(content: #"{"criteria":[\#(criteria.joined(separator: ","))]}"#, model: "judge"))
        }
    }

    @Test func judgeBattleAndHumanScoresReachTheReport() async throws {
        let out = NSTemporaryDirectory() + "saima-judging-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: out) }
        let root = SaimaBinary.repositoryRoot
        #expect(try await SaimaBinary.run(["demo", "--out", out, "--quiet"], directory: root).status == 0)
        let tally = RequestTally()
        let server = try await Self.judgeServer(tally: tally)
        let judge = ["--judge-endpoint", server.baseURL, "--judge-model", "local-judge"]
        let first = try await SaimaBinary.run(["judge", "--out", out] + judge, directory: root)
        #expect(first.status == 0, "\(first.stderr)")
        let firstSummary = try #require(JudgeSummaryLine(first.stdout), "\(first.stdout)")
        // Keyword Lab and Flaky Cloud give identical answers: the second of each pair is a cache hit,
        // so some answers come from the cache already in the first pass, and the judge server saw
        // exactly the calls the summary reports.
        #expect(firstSummary.errors == 0)
        #expect(firstSummary.judged > 0 && firstSummary.fromCache > 0, "\(first.stdout)")
        #expect(firstSummary.judged + firstSummary.fromCache == firstSummary.answers)
        #expect(tally.value == firstSummary.calls)
        let callsAfterFirst = tally.value
        let second = try await SaimaBinary.run(["judge", "--out", out] + judge, directory: root)
        let secondSummary = try #require(JudgeSummaryLine(second.stdout), "\(second.stdout)")
        // All from the cache: the same answers, none judged, and not one request reached the judge.
        #expect(secondSummary.answers == firstSummary.answers)
        #expect(secondSummary.fromCache == secondSummary.answers && secondSummary.judged == 0 && secondSummary.calls == 0)
        #expect(tally.value == callsAfterFirst)
        let battle = try await SaimaBinary.run(["battle", "--out", out, "--per-item", "2", "--anchor", "random-guess"] + judge,
                                         directory: root)
        await server.stop()
        #expect(battle.status == 0, "\(battle.stdout)\(battle.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/battles.jsonl"))

        let template = try await SaimaBinary.run(["judges", "template", "--out", out, "--judge", "alice", "--judge", "bob"],
                                           directory: root)
        #expect(template.status == 0, "\(template.stderr)")
        for (judge, value) in [("alice", "0.8"), ("bob", "0.6")] {
            let path = out + "/human-judging/\(judge).csv"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let rows = CSVTableForTests.fill(text, scoreFraction: Double(value)!)
            try rows.write(toFile: out + "/\(judge).csv", atomically: true, encoding: .utf8)
        }
        let imported = try await SaimaBinary.run(["judges", "import", "--out", out, out + "/alice.csv", out + "/bob.csv"],
                                           directory: root)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Krippendorff"))

        let board = try JSONValue.parse(try Data(contentsOf: URL(fileURLWithPath: out + "/leaderboard.json")))
        #expect(board["arena"]?.arrayValue?.contains { $0["team"] == .string("random-guess") && $0["rating"] == .number(1000) } == true)
        let tourism = board["tracks"]?.arrayValue?.first { $0["track"] == .string("tourism") }
        let entry = tourism?["entries"]?.arrayValue?.first
        #expect(entry?["scores_by_source"]?["llm_judge"]?.numberValue != nil)
        #expect(entry?["scores_by_source"]?["human"]?.numberValue != nil)
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(html.contains("Arena ratings") && html.contains("Judge agreement") && html.contains("LLM 评审 LLM judge"))

        // Issue 19 row 6: human scores are chained; an SQL edit of one, then re-scoring, is named by round verify.
        let clean = try await SaimaBinary.run(["round", "verify", "--out", out], directory: root)
        #expect(clean.status == 0, "\(clean.stderr)")
        let db = try DatabaseQueue(path: out + "/run.sqlite")
        try await db.write { try $0.execute(sql: "UPDATE human_scores SET score = 0.123 WHERE rowid = (SELECT MIN(rowid) FROM human_scores)") }
        _ = try await SaimaBinary.run(["score", "--out", out], directory: root)
        let tampered = try await SaimaBinary.run(["round", "verify", "--out", out], directory: root)
        #expect(tampered.status == 1)
        #expect(tampered.stderr.contains("human scores stored differ"), "\(tampered.stderr)")
    }
}

/// Fills every row's score column with a fraction of its max points.
enum CSVTableForTests {
    static func fill(_ text: String, scoreFraction: Double) -> String {
        var out = ""
        var header = true
        for record in splitRecords(text) {
            if header {
                out += record + "\r\n"
                header = false
                continue
            }
            // Columns: answer_id,track,set,item,question,reference,rubric,max_points,answer,score,comment
            var fields = parseFields(record)
            let max = Double(fields[7]) ?? 10
            fields[9] = String(max * scoreFraction)
            out += fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func splitRecords(_ text: String) -> [String] {
        var records: [String] = []
        var current = ""
        var quotes = false
        for ch in text {
            if ch == "\"" { quotes.toggle() }
            if (ch == "\r\n" || ch == "\n") && !quotes {
                records.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { records.append(current) }
        return records
    }

    static func parseFields(_ record: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quotes = false
        var chars = Array(record)
        chars.append(",")
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quotes {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quotes = false }
                } else { field.append(c) }
            } else if c == "\"" {
                quotes = true
            } else if c == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(c)
            }
            i += 1
        }
        return fields
    }
}
