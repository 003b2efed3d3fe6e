import Foundation
import SaimaBase
import SaimaModel
import Testing

@testable import SaimaRegistry

@Suite("Question set content hash")
struct ContentHashTests {
    static let reorderedYAML = """
        datasets:
          - file: datasets/rules.md
            id: rules
        question_sets:
          - weight: 2.0
            split: dev
            pilot_unit: {en: Test Bank, zh: 测试银行}
            file: questions/credit.jsonl
            id: credit
        weight: 1.0
        description: {en: Test track, zh: 测试赛道}
        name: {en: Finance, zh: 金融}
        id: finance
        """

    func hash(yaml: String, items: String) throws -> String {
        let fixture = try TrackFixture()
        defer { fixture.remove() }
        try fixture.write("t/finance/track.yaml", yaml)
        try fixture.write("t/finance/questions/credit.jsonl", items)
        try fixture.write("t/finance/datasets/rules.md", TrackFixture.rulesMarkdown)
        return try #require(TrackRegistry.load(roots: [fixture.path("t")]).track("finance")).questionSets[0].contentHash
    }

    @Test func stableUnderKeyOrderAndSpacing() throws {
        let original = try hash(yaml: TrackFixture.financeYAML, items: TrackFixture.creditItems)
        let reorderedItems = TrackFixture.creditItems.split(separator: "\n").map { line -> String in
            // Same members, keys in another order and with spaces, plus a blank line.
            let value = try! JSONValue.parse(String(line))
            let keys = value.objectValue!.keys.sorted().reversed()
            return "{ " + keys.map { k in
                var s = ""
                JSONValue.writeEscaped(k, into: &s)
                return s + " : " + value[k]!.canonicalJSON
            }.joined(separator: " , ") + " }\n"
        }.joined()
        #expect(try hash(yaml: Self.reorderedYAML, items: reorderedItems) == original)
        #expect(try hash(yaml: Self.reorderedYAML, items: TrackFixture.creditItems) == original)
    }

    @Test func changesWithContent() throws {
        let original = try hash(yaml: TrackFixture.financeYAML, items: TrackFixture.creditItems)
        let edited = TrackFixture.creditItems.replacingOccurrences(of: "贷款利率？", with: "贷款利率?")
        #expect(try hash(yaml: TrackFixture.financeYAML, items: edited) != original)
    }

    @Test func matchesAGoldenDigestComputedOutsideSwift() throws {
        // The fixture set's hash, computed independently from the documented definition with
        // Python: sha256("".join(json.dumps(json.loads(line), sort_keys=True,
        // separators=(",", ":"), ensure_ascii=False) + "\n" for line in lines)).
        // A change here means every published set hash changes: bump the manifest format instead.
        let hash = try hash(yaml: TrackFixture.financeYAML, items: TrackFixture.creditItems)
        #expect(hash == "e5ee1d2a680fa150ba6cd15bd77b5166280b41cae7143d1d87dfcc352dbfb91a")
    }

    /// The FIPS 180-2 / NIST test vectors, whole and streamed in uneven chunks (the way set files are hashed).
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ])
    func matchesTheNISTVectors(message: String, digest: String) {
        #expect(SHA256Digest.hex(message) == digest)
        let stream = SHA256Stream()
        var bytes = Array(message.utf8)[...]
        var size = 1
        while !bytes.isEmpty {
            stream.update(bytes.prefix(size))
            bytes = bytes.dropFirst(size)
            size = size * 3 + 1
        }
        #expect(stream.finalizeHex() == digest, "streamed")
    }
}
