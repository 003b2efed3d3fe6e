import Foundation
import SaimaBase
import SaimaModel
import SaimaRegistry
import SaimaRunner
import SaimaScoring
import SaimaSheets

/// The code paths fed hostile input: every reply parser and every input loader. A target passes by returning;
/// a trap ends the process, which is the failure the fuzz run exists to find.
enum FuzzTargets {
    static let names = ["reply", "extract", "score-file", "items", "submission", "round-file", "keys", "csv", "xlsx", "sheet-csv"]

    static func run(_ name: String, _ m: inout Mutator, scratch: String) throws {
        switch name {
        case "reply":
            let body = Data(m.completion().utf8)
            let streamed = m.chance(30)
            let sse = streamed ? Data(("data: " + m.completion() + "\n\ndata: [DONE]\n\n").utf8) : body
            _ = ChatResponseParser.classify(
                HTTPResult(status: m.chance(90) ? 200 : m.rng.below(600), body: sse, totalSeconds: 0.01), streamed: streamed)
        case "extract":
            let letters = ["A", "B", "C", "D", "E"].prefix(2 + m.rng.below(4))
            let choices = letters.map { Choice(letter: $0, text: m.chance(70) ? m.string() : "") }
            let reply = (0..<m.rng.below(4)).map { _ in m.string() }.joined(separator: m.pick([" ", "\n", "。", ""]))
            let item = Item(id: "f", type: m.chance(50) ? .singleChoice : .multiChoice, prompt: "p", choices: choices,
                            answer: .letters("A"))
            _ = ChoiceAnswerExtractor(item: item).read(reply)
            // With a prompt the reply partly copies (echoes, invented questions, JSON answers).
            let prompt = (0..<m.rng.below(4)).map { _ in m.string() }.joined(separator: "\n") + (m.chance(50) ? reply : "")
            let copied = m.chance(50) ? prompt + m.pick(["\n答案：B\n\n题目：", "{\"answer\": [\"A\"]}", "\nA. x\nB. y\nC. z\n"]) + reply : reply
            let assessment = ChoiceAnswerExtractor(item: item).assess(copied, prompt: prompt)
            _ = assessment.standsInReadText(m.string())
            _ = TruthValueExtractor(choices: m.chance(20) ? choices : []).extract(reply)
            _ = Scorer().score(item: item, response: reply)
        case "score-file":
            let metric = m.pick(MetricRegistry.names)
            let runner = try ScoreFileRunner(metricName: metric)
            let lines = (0..<1 + m.rng.below(3)).map { _ in
                "{\"id\":\(m.json(depth: 4)),\"prediction\":\(m.quoted(m.string())),\"references\":[\(m.quoted(m.string()))],\"item\":\(m.json(depth: 2))}"
            }
            _ = runner.run(lines: lines, path: "fuzz.jsonl")
        case "items":
            let root = scratch + "/tracks"
            try write(root + "/t/track.yaml", """
                id: t
                name: T
                weight: \(m.yamlScalar())
                question_sets:
                  - {id: s, file: questions/s.jsonl, pilot_unit: P, split: dev, weight: \(m.yamlScalar()), partial_credit: \(m.yamlScalar()), min_correct: \(m.yamlScalar())}
                """)
            let lines = (0..<1 + m.rng.below(4)).map { _ in
                m.chance(50)
                    ? "{\"id\":\(m.quoted(m.string())),\"type\":\(m.quoted(m.pick(["single_choice", "multi_choice", "numeric", "true_false", "generation", "x"]))),\"prompt\":\(m.quoted(m.string())),\"choices\":\(m.json(depth: 3)),\"answer\":\(m.json(depth: 3)),\"tolerance\":\(m.pick(Mutator.numbers)),\"attachments\":\(m.json(depth: 3))}"
                    : m.json()
            }
            try write(root + "/t/questions/s.jsonl", lines.joined(separator: "\n"))
            var diagnostics: [Diagnostic] = []
            _ = TrackRegistry.load(roots: [root], diagnostics: &diagnostics)
        case "submission":
            let root = scratch + "/subs"
            try write(root + "/team-a/submission.yaml", """
                team: {zh: 甲, en: A}
                tracks: [t]
                endpoint:
                  base_url: \(m.chance(50) ? "http://127.0.0.1:9/v1" : m.yamlScalar())
                  model: m
                  api_key_env: \(m.yamlScalar())
                  max_concurrency: \(m.yamlScalar())
                  requests_per_minute: \(m.yamlScalar())
                  timeout_seconds: \(m.yamlScalar())
                  connect_timeout_seconds: \(m.yamlScalar())
                  extra_body: {temperature: \(m.yamlScalar()), x: \(m.yamlScalar())}
                """)
            var diagnostics: [Diagnostic] = []
            _ = SubmissionLoader.load(root: root, registry: nil, diagnostics: &diagnostics)
        case "round-file":
            let path = scratch + "/round.yaml"
            try write(path, """
                name: r
                seed: \(m.yamlScalar())
                samples: \(m.yamlScalar())
                runner: {max_in_flight: \(m.yamlScalar()), max_attempts: \(m.yamlScalar()), max_response_bytes: \(m.yamlScalar()), timeout_ceiling_seconds: \(m.yamlScalar()), max_consecutive_failures: \(m.yamlScalar())}
                """)
            _ = try? RoundFile.load(path: path)
        case "keys":
            let path = scratch + "/keys.env"
            try write(path, (0..<m.rng.below(5)).map { _ in m.string() + (m.chance(70) ? "=" : "") + m.string() }.joined(separator: "\n"))
            chmod(path, 0o600)
            _ = try? KeysFile.load(path: path, workingDirectory: "/nonexistent")
        case "xlsx":
            // A workbook of mutated parts, then bytes flipped in the archive: read within the limits or refused.
            let cell = m.chance(50) ? "<c r=\"\(m.pick(["A1", "XFD9", "ZZZ1", "B", ""]))\" t=\"\(m.pick(["s", "inlineStr", "b", "n"]))\"><v>\(m.string())</v></c>" : m.string()
            let sheet = "<worksheet><sheetData>" + String(repeating: "<row>" + cell + "</row>", count: 1 + m.rng.below(20))
                + String(repeating: "<a>", count: m.chance(10) ? 200 : 0) + "</sheetData></worksheet>"
            let sheets = (0..<1 + m.rng.below(3)).map { "<sheet name=\"\(m.string())\" sheetId=\"\($0)\" r:id=\"\(m.pick(["rId1", "rId2", m.string()]))\"/>" }
            var data = try XLSXWriter.archive([
                ("xl/workbook.xml", Data("<workbook xmlns:r=\"r\"><sheets>\(sheets.joined())</sheets></workbook>".utf8)),
                ("xl/_rels/workbook.xml.rels", Data("<Relationships><Relationship Id=\"rId1\" Target=\"\(m.pick(["worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml", m.string()]))\"/></Relationships>".utf8)),
                ("xl/sharedStrings.xml", Data("<sst><si><t>\(m.string())</t></si></sst>".utf8)),
                ("xl/worksheets/sheet1.xml", Data(sheet.utf8)),
            ])
            for _ in 0..<m.rng.below(4) where !data.isEmpty { data[m.rng.below(data.count)] = UInt8(m.rng.below(256)) }
            try data.write(to: URL(fileURLWithPath: scratch + "/f.xlsx"))
            _ = try? XLSXReader.read(path: scratch + "/f.xlsx")
        case "sheet-csv":
            var bytes = Array((0..<m.rng.below(5)).map { _ in m.string() + m.pick([",", "\"", "\n", "\r\n", "\t"]) }.joined().utf8)
            if m.chance(20) { bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }
            if m.chance(20) { bytes += [0xB2, 0xE2, 0xCA, 0xD4, 0xFF] }
            _ = try? CSVSheetReader.read(path: scratch + "/f.csv", data: Data(bytes))
            // The streamed reader appeals imports use, on the same bytes.
            try Data(bytes).write(to: URL(fileURLWithPath: scratch + "/f.csv"))
            try? SheetRows.forEach(scratch + "/f.csv") { _, _ in }
        default:  // csv
            let text = (0..<m.rng.below(6)).map { _ in m.string() + m.pick([",", "\"", "\n", "\r\n", ""]) }.joined()
            _ = CSVTable.parseChecked(text)
            _ = CSVTable.decimal(m.string())
            _ = CSVTable.line([m.string(), m.string()])
        }
    }

    static func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }
}
