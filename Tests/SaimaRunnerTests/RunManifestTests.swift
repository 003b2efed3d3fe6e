import Foundation
import SaimaBase
import SaimaModel
import SaimaRunner
import Testing

@Suite("The run manifest as a typed record")
struct RunManifestTests {
    static func manifest(seed: UInt64) -> RunManifest {
        let item = Item(id: "q1", type: .singleChoice, prompt: "？", choices: [Choice(letter: "A", text: "甲")],
                        answer: .letters("A"), raw: .object(["id": .string("q1")]), line: 1)
        let set = QuestionSet(
            id: "s", trackID: "law", file: "questions/s.jsonl", path: "/contest/Tracks/law/questions/s.jsonl",
            trackDirectory: "/contest/Tracks/law", pilotUnit: LocalizedText(zh: "法院", en: "Court"), split: .dev,
            weight: 2, items: [item], contentHash: "abc123")
        let track = Track(id: "law", name: LocalizedText(zh: "法律", en: "Law"), description: LocalizedText(zh: "", en: ""),
                          weight: 1, questionSets: [set], datasets: [], directories: ["/contest/Tracks/law"])
        let submission = Submission(
            id: "alpha", team: LocalizedText(zh: "甲队", en: "Alpha"), contact: nil, tracks: ["law"],
            endpoint: EndpointSettings(baseURL: "http://127.0.0.1:9/v1", model: "m", apiKeyEnv: "SAIMA_KEY_ALPHA",
                                       maxConcurrency: 2, timeoutSeconds: 5),
            path: "")
        return RunManifest(round: "spring", split: .dev, samples: 1, seed: seed, tracks: [track], submissions: [submission])
    }

    /// Written as text and read back, the manifest is the same record — seeds up to UInt64.max included.
    @Test(arguments: [UInt64(0), 20_241_001, 9_007_199_254_740_993, .max])
    func roundTripsEverySeed(seed: UInt64) throws {
        var m = Self.manifest(seed: seed)
        m.chainHead = String(repeating: "f", count: 64)
        m.chainRows = 12
        let text = try PrettyJSON.string(encoding: m)
        let back = try RunManifest(json: try JSONValue.parse(text))
        #expect(back == m)
        #expect(back.seed == seed)
        #expect(text.contains("\"seed\": \"\(seed)\""))
        #expect(back.setHashes == ["law/s": "abc123"])
    }

    /// The public view drops endpoints, set file paths and tracks roots, and keeps hashes and the seed.
    @Test func publicViewKeepsNoOrganizerDetails() throws {
        let text = try PrettyJSON.string(Self.manifest(seed: 7).publicView.json)
        #expect(!text.contains("127.0.0.1"))
        #expect(!text.contains("SAIMA_KEY_ALPHA"))
        #expect(!text.contains("/contest"))
        #expect(!text.contains("tracks_roots"))
        #expect(text.contains("abc123"))
        #expect(text.contains("\"seed\": \"7\""))
    }

    /// A manifest written by an earlier version (a numeric seed, no libcurl, no tracks roots) still reads; a seed
    /// that is not an exact whole number reads as unknown, and a manifest without its round is an error.
    @Test func earlierAndDamagedManifests() throws {
        let earlier = try JSONValue.parse("""
            {"round":"r","split":"dev","samples":1,"seed":20241001,"saima_version":"0.1","prompt_template_version":"v1",
             "created_at":"2026-11-01T00:00:00Z","tracks":["law"],"question_sets":[],"teams":[]}
            """)
        let m = try RunManifest(json: earlier)
        #expect(m.seed == 20_241_001)
        #expect(m.libcurl == nil && m.tracksRoots == nil)
        guard case .object(var o) = earlier else { return }
        o["seed"] = .number(1e30)
        #expect(try RunManifest(json: .object(o)).seed == nil)
        o["round"] = nil
        #expect(throws: DecodingError.self) { try RunManifest(json: .object(o)) }
    }
}
