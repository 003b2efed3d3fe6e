import Foundation
import SaimaBase
import SaimaModel
import Testing

@Suite("Result chain payload")
struct ChainPayloadTests {
    /// The payload written directly must be byte for byte the canonical JSON of the object it stands for —
    /// otherwise every run recorded before would fail `round verify`.
    @Test(arguments: [
        "答案：B", "", "line\nbreak \"quoted\" back\\slash \t tab", "nul\u{0}and\u{1F}controls", "\u{2028}sep\u{2029}",
        "emoji 😀 and é", String(repeating: "长", count: 5000),
    ])
    func directPayloadEqualsCanonicalObject(content: String) {
        for (c, sample) in [(Optional(content), 0), (nil, 7)] {
            let r = ItemResult(
                key: ResultKey(team: "队伍\"1", track: "law", set: "s\n1", item: "q\u{2028}", sample: sample),
                outcome: c == nil ? .timeout : .ok, httpStatus: 200, attempts: [], latencyMs: 1, content: c,
                promptHash: "abc", templateVersion: "v")
            let object = JSONValue.object([
                "team": .string(r.key.team), "track": .string(r.key.track), "set": .string(r.key.set),
                "item": .string(r.key.item), "sample": .number(Double(r.key.sample)),
                "outcome": .string(r.outcome.rawValue), "content": r.content.map(JSONValue.string) ?? .null,
                "prompt_hash": .string(r.promptHash),
            ]).canonicalJSON
            #expect(r.chainPayload == object)
            #expect(r.chainHash(previous: "0") == SHA256Digest.hex("0\n" + object))
        }
    }

    /// A hash recorded by an earlier version (computed in Python: hashlib.sha256(b"0"*64 + b"\n" + payload)).
    @Test func knownHashIsStable() {
        let r = ItemResult(
            key: ResultKey(team: "t", track: "k", set: "s", item: "i", sample: 0), outcome: .ok, httpStatus: 200,
            attempts: [], latencyMs: 1, content: "B", promptHash: "p", templateVersion: "v")
        #expect(r.chainPayload
            == #"{"content":"B","item":"i","outcome":"ok","prompt_hash":"p","sample":0,"set":"s","team":"t","track":"k"}"#)
        #expect(r.chainHash(previous: RunGenesis.hash)
            == "cc05ccdee15017acc666eb753b13f5690a23925d062b4e73fb9e3d8006bcc33b")
    }

    /// The attempts column written directly equals the canonical JSON of the attempt objects.
    @Test func attemptsColumnEqualsCanonicalObjects() {
        let attempts = [
            AttemptRecord(status: 503, outcome: .http5xx, latencyMs: 12.345_678, detail: "busy \"now\"\n"),
            AttemptRecord(status: 200, outcome: .ok, latencyMs: 0.0004, detail: nil),
        ]
        let object = JSONValue.array(attempts.map { a in
            .object([
                "status": .number(Double(a.status)), "outcome": .string(a.outcome.rawValue),
                "latency_ms": .number((a.latencyMs * 1000).rounded() / 1000),
                "detail": a.detail.map(JSONValue.string) ?? .null,
            ])
        }).canonicalJSON
        #expect(AttemptRecord.json(attempts) == object)
        #expect(AttemptRecord.json([]) == "[]")
        #expect(AttemptRecord.parse(AttemptRecord.json(attempts)).map(\.status) == [503, 200])
    }

    enum RunGenesis { static let hash = String(repeating: "0", count: 64) }
}

@Suite("Streamed SHA-256")
struct SHA256StreamTests {
    /// Fed in pieces (strings, arrays, slices, empty pieces), the digest equals the one-shot digest of the whole,
    /// and the empty input gives SHA-256's well-known empty digest.
    @Test func piecesEqualTheWhole() {
        let pieces = ["{\"id\":\"q1\"}", "\n", "", "长文本 😀", String(repeating: "x", count: 100_000)]
        let stream = SHA256Stream()
        for (i, p) in pieces.enumerated() {
            if i % 2 == 0 { stream.update(p) } else { stream.update(Array(p.utf8)[...]) }
        }
        #expect(stream.finalizeHex() == SHA256Digest.hex(pieces.joined()))
        #expect(SHA256Stream().finalizeHex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}

@Suite("Item detail fields")
struct ItemDetailsTests {
    /// The rarely set fields read and write like stored ones; copies never see each other's changes; setting a
    /// field back to its default makes the item equal (and hash equal) to one that never had it.
    @Test func detailsBehaveLikeStoredFields() {
        let plain = Item(id: "q", type: .generation, prompt: "？", answer: .texts(["甲"]))
        var a = plain
        a.tags = ["law"]
        a.tolerance = 0.01
        let b = a
        a.tags.append("civil")
        #expect(b.tags == ["law"] && a.tags == ["law", "civil"])
        #expect(a.tolerance == 0.01 && plain.tolerance == nil)
        a.tags = []
        a.tolerance = nil
        #expect(a == plain)
        #expect(a.hashValue == plain.hashValue)
        let full = Item(id: "q", type: .generation, prompt: "？", system: "s", answer: .texts(["甲"]), metric: "rouge_l",
                        context: "c", messages: [ChatTurn(role: "user", content: "x")], tags: ["t"], difficulty: "hard",
                        keywords: [["甲", "乙"]])
        #expect(full.system == "s" && full.metric == "rouge_l" && full.context == "c" && full.difficulty == "hard")
        #expect(full.messages.count == 1 && full.keywords == [["甲", "乙"]] && full != plain)
        #expect(MemoryLayout<Item>.stride <= 128)
    }
}
