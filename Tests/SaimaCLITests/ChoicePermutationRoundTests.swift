import Foundation
import SaimaEndpointServer
import SaimaBase
import SaimaModel
import SaimaTestSupport
import Testing

/// Issue 21, per-team choice orders, end to end through `saima run`: a team answering from a leaked letter key (the
/// items' own letters) scores exactly as often as its order happens to keep the answer in place, and the memorization
/// probe flags it, while a team that knows the answers' texts scores full marks unflagged; a set with
/// `shuffle_choices: false` is shown as written; orders are recorded (manifest scheme and flags, `choice_order` per
/// answer) and readings are stored in the items' own letters.
@Suite("Per-team choice orders, end to end", .serialized)
struct ChoicePermutationRoundTests {
    static let cities = ["北京", "上海", "广州", "深圳", "杭州", "南京", "成都", "武汉", "西安", "重庆", "天津", "苏州"]

    /// Forty four-choice items whose answers cycle through A–D.
    static func items() -> [(id: String, prompt: String, choices: [String], answer: String)] {
        (0..<40).map { n in
            let choices = (0..<4).map { cities[(n + $0 * 3) % cities.count] + "（\(n)）" }
            return ("q\(n)", "第\(n)题：哪一座城市是本题的答案？", choices, ["A", "B", "C", "D"][n % 4])
        }
    }

    /// The lettered choice lines of a request's last user message.
    static func shownChoices(_ body: Data) -> (prompt: String, choices: [(letter: String, text: String)]) {
        let json = try? JSONValue.parse(body)
        let text = json?["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
        var choices: [(String, String)] = []
        var prompt = ""
        for line in text.split(separator: "\n").map(String.init) {
            let c = Array(line)
            if c.count > 3, c[1] == ".", c[2] == " ", "ABCD".contains(c[0]) { choices.append((String(c[0]), String(c[3...]))) }
            if line.hasPrefix("第") { prompt = line }
        }
        return (prompt, choices)
    }

    @Test func aLeakedLetterKeyIsWorthOnlyChanceWhileKnowledgeKeepsFullMarks() async throws {
        let root = RoundWorkflowTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let track = root + "/Tracks/perm"
        try FileManager.default.createDirectory(atPath: track + "/questions", withIntermediateDirectories: true)
        try """
            id: perm
            name: {zh: 乱序, en: Permutation}
            question_sets:
              - id: shuffled
                file: questions/items.jsonl
                pilot_unit: {zh: 测试单位, en: Test Unit}
                split: test
              - id: fixed
                file: questions/items.jsonl
                pilot_unit: {zh: 测试单位, en: Test Unit}
                split: test
                shuffle_choices: false
            """.write(toFile: track + "/track.yaml", atomically: true, encoding: .utf8)
        let items = Self.items()
        try items.map { i in
            let choices = zip(["A", "B", "C", "D"], i.choices).map { "\"\($0)\":\"\($1)\"" }.joined(separator: ",")
            return #"{"id":"\#(i.id)","type":"single_choice","prompt":"\#(i.prompt)","choices":{\#(choices)},"answer":"\#(i.answer)"}"#
        }.joined(separator: "\n").write(toFile: track + "/questions/items.jsonl", atomically: true, encoding: .utf8)
        let keyByPrompt = Dictionary(uniqueKeysWithValues: items.map { ($0.prompt, $0.answer) })
        let textByPrompt = Dictionary(uniqueKeysWithValues: items.map { i in
            (i.prompt, i.choices[["A", "B", "C", "D"].firstIndex(of: i.answer)!])
        })
        // The leaker answers the items' own letters; the knower finds the right text wherever it is shown.
        let leaker = try await LocalEndpointServer.start { request in
            let (prompt, _) = Self.shownChoices(request.body)
            return .json(200, ChatCompletionJSON.completion(content: "答案：\(keyByPrompt[prompt] ?? "A")", model: "leaker"))
        }
        let knower = try await LocalEndpointServer.start { request in
            let (prompt, choices) = Self.shownChoices(request.body)
            let letter = choices.first { $0.text == textByPrompt[prompt] }?.letter ?? "?"
            return .json(200, ChatCompletionJSON.completion(content: "答案：\(letter)", model: "knower"))
        }
        for (team, server) in [("leaker", leaker), ("knower", knower), ("knower2", knower)] {
            try FileManager.default.createDirectory(atPath: root + "/Subs/\(team)", withIntermediateDirectories: true)
            try "team: {zh: \(team), en: \(team)}\ntracks: [perm]\nendpoint: {base_url: \"\(server.baseURL)\", model: m}\n"
                .write(toFile: root + "/Subs/\(team)/submission.yaml", atomically: true, encoding: .utf8)
        }
        let out = root + "/runs/r"
        let run = try await SaimaBinary.run(
            ["run", "--round", "r", "--split", "test", "--tracks", "Tracks", "--submissions", "Subs", "--out", out,
             "--seed", "99"],
            directory: root)
        await leaker.stop()
        await knower.stop()
        #expect(run.status == 0, "\(run.stderr)")

        // What the leaker must score on the shuffled set: the items whose drawn order keeps the answer in place.
        var kept = 0
        for i in items {
            let item = Item(id: i.id, type: .singleChoice, prompt: i.prompt,
                            choices: zip(["A", "B", "C", "D"], i.choices).map { Choice(letter: $0, text: $1) },
                            answer: .letters(i.answer))
            let order = ChoiceOrder.draw(seed: 99, team: "leaker", track: "perm", set: "shuffled", item: i.id, count: 4)
            if order.showing(i.answer, of: item) == i.answer { kept += 1 }
        }
        #expect(kept >= 8 && kept < 20, "the drawn orders move most answers (\(kept) of 40 kept)")

        let export = try await SaimaBinary.run(["export", "--out", out], directory: root)
        #expect(export.status == 0, "\(export.stderr)")
        var correct: [String: Int] = [:]
        var orders: [String: [String: String]] = [:]
        for line in export.stdout.split(separator: "\n") {
            let r = try JSONValue.parse(String(line))
            let team = r["team"]?.stringValue ?? "", set = r["set"]?.stringValue ?? "", id = r["item"]?.stringValue ?? ""
            let answer = items.first { $0.id == id }?.answer
            if r["score"]?.numberValue == 1 { correct["\(team)/\(set)", default: 0] += 1 }
            if team.hasPrefix("knower") {
                #expect(r["extracted"]?.stringValue == answer, "\(team)/\(set)/\(id): stored in the item's own letters")
            }
            if set == "fixed" { #expect(r["choice_order"]?.stringValue == nil, "\(team)/\(id): the fixed set is shown as written") }
            if set == "shuffled", let o = r["choice_order"]?.stringValue { orders[team, default: [:]][id] = o }
        }
        #expect(correct["leaker/fixed"] == 40, "a leaked key is worth everything where choices are not shuffled")
        #expect(correct["leaker/shuffled", default: 0] == kept, "and only chance where they are")
        #expect(correct["knower/shuffled"] == 40 && correct["knower/fixed"] == 40, "knowledge keeps full marks")
        #expect(correct["knower2/shuffled"] == 40)

        // The memorization probe flags the leaker (right where the answer kept its letter, wrong where it moved) and
        // not the teams that read the options.
        let board = try RoundWorkflowTests.leaderboard(out)
        let entries = board["overall"]?["entries"]?.arrayValue ?? []
        func probe(_ team: String) -> JSONValue? { entries.first { $0["team"]?.stringValue == team }?["memorization_probe"] }
        #expect(probe("leaker")?["flagged"]?.boolValue == true, "\(String(describing: probe("leaker")))")
        #expect(probe("leaker")?["kept"]?.numberValue == Double(kept))
        #expect(probe("leaker")?["gap"]?.numberValue == 1)
        #expect(probe("knower")?["flagged"]?.boolValue == false)
        #expect(probe("knower")?["gap"]?.numberValue == 0)
        let report = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(report.contains("Memorization probe") && report.contains("Answers may follow the original letters"))
        #expect(orders["knower"] != orders["knower2"], "two teams are shown different orders")

        let manifest = try JSONValue.parse(try Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json")))
        #expect(manifest["choice_order"]?.stringValue == ChoiceOrder.scheme)
        let flags = manifest["question_sets"]?.arrayValue?.map { ($0["set"]?.stringValue ?? "", $0["shuffle_choices"]?.boolValue) }
        #expect(flags?.first { $0.0 == "shuffled" }?.1 == true)
        #expect(flags?.first { $0.0 == "fixed" }?.1 == false)
        #expect(try await SaimaBinary.run(["round", "verify", "--out", out], directory: root).status == 0)

        // Resuming with a set's shuffle_choices flipped would show the rest of the round in other orders: refused.
        let yaml = try String(contentsOfFile: track + "/track.yaml", encoding: .utf8)
        try yaml.replacingOccurrences(of: "shuffle_choices: false", with: "shuffle_choices: true")
            .write(toFile: track + "/track.yaml", atomically: true, encoding: .utf8)
        let resumed = try await SaimaBinary.run(
            ["run", "--round", "r", "--split", "test", "--tracks", "Tracks", "--submissions", "Subs", "--out", out,
             "--seed", "99"],
            directory: root)
        #expect(resumed.status != 0)
        #expect(resumed.stderr.contains("shuffle_choices changed since this run began: perm/fixed"), "\(resumed.stderr)")
    }

    /// An honest endpoint (the keyword baseline, which reads the options' texts) scores the same with and without
    /// shuffled choices, within the run's 95% interval, on every bundled track with choice items.
    @Test func anHonestEndpointsScoreIsUnchangedByShufflingWithinItsInterval() async throws {
        let server = try await BaselineServer.start(persona: .keyword, port: 0, model: "keyword-baseline")
        let shuffled = try RoundWorkflowTests.copyOfRepository()
        let fixed = try RoundWorkflowTests.copyOfRepository()
        defer {
            try? FileManager.default.removeItem(atPath: shuffled)
            try? FileManager.default.removeItem(atPath: fixed)
        }
        // The same tracks with every set shown as written.
        for name in try FileManager.default.contentsOfDirectory(atPath: fixed + "/Tracks") {
            let path = fixed + "/Tracks/\(name)/track.yaml"
            guard let yaml = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line in
                line.hasPrefix("    split: ") ? [String(line), "    shuffle_choices: false"] : [String(line)]
            }
            try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        let tracks = ["legal", "finance", "medical"]
        var boards: [JSONValue] = []
        for root in [shuffled, fixed] {
            try FileManager.default.createDirectory(atPath: root + "/Subs/kw", withIntermediateDirectories: true)
            try "team: {zh: 关键词, en: Keyword}\ntracks: [\(tracks.joined(separator: ", "))]\nendpoint: {base_url: \"\(server.baseURL)\", model: keyword-baseline, max_concurrency: 8}\n"
                .write(toFile: root + "/Subs/kw/submission.yaml", atomically: true, encoding: .utf8)
            let run = try await SaimaBinary.run(
                ["run", "--tracks", "Tracks", "--submissions", "Subs", "--out", root + "/out"] + tracks.flatMap { ["--track", $0] },
                directory: root)
            #expect(run.status == 0, "\(run.stderr)")
            boards.append(try RoundWorkflowTests.leaderboard(root + "/out"))
        }
        await server.stop()
        for track in tracks {
            func entry(_ board: JSONValue) -> JSONValue? {
                board["tracks"]?.arrayValue?.first { $0["track"]?.stringValue == track }?["entries"]?.arrayValue?.first
            }
            let a = try #require(entry(boards[0]))
            let b = try #require(entry(boards[1]))
            let score = try #require(a["score"]?.numberValue)
            let reference = try #require(b["score"]?.numberValue)
            let interval = b["ci95"]?.arrayValue?.compactMap { $0.numberValue }
            let ci = try #require(interval)
            print("honest endpoint, \(track): shuffled \(score), as written \(reference), interval \(ci)")
            #expect(ci.count == 2 && score >= ci[0] && score <= ci[1],
                    "\(track): shuffled \(score) within the unshuffled run's interval \(ci) (score \(reference))")
        }
    }

    /// Robustness across orders, end to end with three samples: each sample is shown its own order; a team that reads
    /// the options answers alike in every order (agreement 100%), one that always answers "A" rarely does.
    @Test func robustnessAcrossOrdersSeparatesReadingFromPositionBias() async throws {
        let root = RoundWorkflowTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let items = Self.items()
        let textByPrompt = Dictionary(uniqueKeysWithValues: items.map { i in
            (i.prompt, i.choices[["A", "B", "C", "D"].firstIndex(of: i.answer)!])
        })
        let knower = try await LocalEndpointServer.start { request in
            let (prompt, choices) = Self.shownChoices(request.body)
            return .json(200, ChatCompletionJSON.completion(
                content: "答案：\(choices.first { $0.text == textByPrompt[prompt] }?.letter ?? "?")", model: "k"))
        }
        let first = try await LocalEndpointServer.start { _ in .json(200, ChatCompletionJSON.completion(content: "答案：A", model: "f")) }
        try FileManager.default.createDirectory(atPath: root + "/Tracks/perm/questions", withIntermediateDirectories: true)
        try "id: perm\nname: {zh: 乱序, en: Permutation}\nquestion_sets:\n  - id: s\n    file: questions/items.jsonl\n    pilot_unit: {zh: 测试, en: Test}\n    split: dev\n"
            .write(toFile: root + "/Tracks/perm/track.yaml", atomically: true, encoding: .utf8)
        try items.map { i in
            let choices = zip(["A", "B", "C", "D"], i.choices).map { "\"\($0)\":\"\($1)\"" }.joined(separator: ",")
            return #"{"id":"\#(i.id)","type":"single_choice","prompt":"\#(i.prompt)","choices":{\#(choices)},"answer":"\#(i.answer)"}"#
        }.joined(separator: "\n").write(toFile: root + "/Tracks/perm/questions/items.jsonl", atomically: true, encoding: .utf8)
        for (team, server) in [("knower", knower), ("first", first)] {
            try FileManager.default.createDirectory(atPath: root + "/Subs/\(team)", withIntermediateDirectories: true)
            try "team: {zh: \(team), en: \(team)}\ntracks: [perm]\nendpoint: {base_url: \"\(server.baseURL)\", model: m}\n"
                .write(toFile: root + "/Subs/\(team)/submission.yaml", atomically: true, encoding: .utf8)
        }
        let out = root + "/out"
        let run = try await SaimaBinary.run(
            ["run", "--tracks", "Tracks", "--submissions", "Subs", "--out", out, "--samples", "3"], directory: root)
        await knower.stop()
        await first.stop()
        #expect(run.status == 0, "\(run.stderr)")

        let board = try RoundWorkflowTests.leaderboard(out)
        func robustness(_ team: String) -> JSONValue? {
            board["overall"]?["entries"]?.arrayValue?.first { $0["team"]?.stringValue == team }?["robustness"]
        }
        #expect(robustness("knower")?["items"]?.numberValue == 40)
        #expect(robustness("knower")?["agreement"]?.numberValue == 1, "reading the options: the same answer in every order")
        let biased = try #require(robustness("first")?["agreement"]?.numberValue)
        #expect(biased < 0.3, "always answering A gives different answers in different orders (\(biased))")
        let csv = try String(contentsOfFile: out + "/leaderboard.csv", encoding: .utf8)
        #expect(csv.contains("robustness,robustness_items"))
        #expect(try String(contentsOfFile: out + "/report.html", encoding: .utf8).contains("Robustness across choice orders"))

        // The samples of one item were shown in different orders.
        let export = try await SaimaBinary.run(["export", "--out", out], directory: root)
        var orders: [String: Set<String>] = [:]
        for line in export.stdout.split(separator: "\n") {
            let r = try JSONValue.parse(String(line))
            guard r["team"]?.stringValue == "knower", let id = r["item"]?.stringValue else { continue }
            orders[id, default: []].insert(r["choice_order"]?.stringValue ?? "ABCD")
        }
        #expect(orders.values.filter { $0.count > 1 }.count > 30, "most items were shown in more than one order")
    }

    /// Variants end to end: six teams that know every answer are each shown one variant of each item (drawn with the
    /// seed); they score every item, except those shown item q0's variant 1, whose key was written wrong — and the
    /// report's variant table flags q0.
    @Test func variantsAreDrawnPerTeamScoredByTheirOwnKeyAndABadOneIsVisible() async throws {
        let root = RoundWorkflowTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var lines: [String] = []
        var items: [Item] = []
        for n in 0..<12 {
            // The right text is 甲 everywhere; q0's variant 1 wrongly keys B (乙).
            let badKey = n == 0 ? #","answer":"B""# : ""
            let line = #"{"id":"q\#(n)","type":"single_choice","prompt":"第\#(n)题原题","choices":{"A":"甲","B":"乙","C":"丙","D":"丁"},"answer":"A","variants":[{"prompt":"第\#(n)题变体一"\#(badKey)},{"prompt":"第\#(n)题变体二"}]}"#
            lines.append(line)
            var problems: [String] = []
            let raw = try JSONValue.parse(line)
            items.append(try #require(ItemFields().item(raw.objectValue!, id: "q\(n)", raw: raw, line: n + 1, problems: &problems)))
        }
        let knower = try await LocalEndpointServer.start { request in
            let (_, choices) = Self.shownChoices(request.body)
            return .json(200, ChatCompletionJSON.completion(content: "答案：\(choices.first { $0.text == "甲" }?.letter ?? "?")", model: "k"))
        }
        try FileManager.default.createDirectory(atPath: root + "/Tracks/var/questions", withIntermediateDirectories: true)
        try "id: var\nname: {zh: 变体, en: Variants}\nquestion_sets:\n  - id: s\n    file: questions/items.jsonl\n    pilot_unit: {zh: 测试, en: Test}\n    split: dev\n"
            .write(toFile: root + "/Tracks/var/track.yaml", atomically: true, encoding: .utf8)
        try lines.joined(separator: "\n").write(toFile: root + "/Tracks/var/questions/items.jsonl", atomically: true, encoding: .utf8)
        let teams = (1...6).map { "team\($0)" }
        for team in teams {
            try FileManager.default.createDirectory(atPath: root + "/Subs/\(team)", withIntermediateDirectories: true)
            try "team: {zh: \(team), en: \(team)}\ntracks: [var]\nendpoint: {base_url: \"\(knower.baseURL)\", model: m}\n"
                .write(toFile: root + "/Subs/\(team)/submission.yaml", atomically: true, encoding: .utf8)
        }
        let out = root + "/out"
        let run = try await SaimaBinary.run(
            ["run", "--tracks", "Tracks", "--submissions", "Subs", "--out", out, "--seed", "11"], directory: root)
        await knower.stop()
        #expect(run.status == 0, "\(run.stderr)")

        let board = try RoundWorkflowTests.leaderboard(out)
        var variantsSeen: Set<Int> = []
        for team in teams {
            let shownBad = ItemPresentation.make(items[0], team: team, track: "var", set: "s", seed: 11, shuffle: true).variant == 1
            for item in items { variantsSeen.insert(ItemPresentation.make(item, team: team, track: "var", set: "s", seed: 11, shuffle: true).variant) }
            let score = board["overall"]?["entries"]?.arrayValue?.first { $0["team"]?.stringValue == team }?["score"]?.numberValue
            let expected = shownBad ? 100.0 * 11 / 12 : 100
            #expect(score.map { abs($0 - expected) < 0.01 } == true, "\(team): \(String(describing: score)), expected \(expected)")
        }
        #expect(variantsSeen == [0, 1, 2], "the teams were shown every variant")
        let q0 = teams.map { ItemPresentation.make(items[0], team: $0, track: "var", set: "s", seed: 11, shuffle: true).variant }
        let report = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(report.contains("Item variants"))
        #expect(q0.contains(1) && q0.contains(where: { $0 != 1 }), "with seed 11 some teams see q0's bad variant and some do not: \(q0)")
        #expect(report.contains("var/s/q0</code></td><td>") && report.contains(" ⚠</td>"), "the bad variant shows")
        // The exposure ledger records which variants were sent.
        let exposure = try await SaimaBinary.run(["exposure", "--runs", out, "--tracks", "Tracks"], directory: root)
        #expect(exposure.stdout.contains("| var/s | 12 | 12 | 72 | 6 | default | 0, 1, 2 |"), "\(exposure.stdout)")
    }
}
