import SaimaBase
import SaimaModel
import Foundation
import SaimaImport
import Testing

@testable import SaimaPipeline

/// `SetImport`: an imported set lands whole and loads, a second import of the same files writes nothing, and a set
/// whose track then fails to load is rolled back byte for byte (the track's problems reported as `path:line`).
struct SetImportTests {
    static func items(_ n: Int) -> [ImportedItem] {
        (1...n).map { i in
            ImportedItem(
                fields: [
                    "id": .string("q\(i)"), "type": .string("single_choice"), "prompt": .string("第\(i)题：哪一项正确？"),
                    "choices": .object(["A": .string("甲"), "B": .string("乙")]), "answer": .string("A"),
                ], location: "src.csv:\(i + 1)")
        }
    }

    static func request(root: String, files: [String]) -> SetWriter.Request {
        SetWriter.Request(
            root: root, track: "law", set: "imported", split: .dev, pilotUnit: LocalizedText(zh: "某法院", en: "A court"),
            format: .csv, files: files, licence: "written for this test", replace: false)
    }

    @Test func landsWholeOrNotAtAll() throws {
        let root = NSTemporaryDirectory() + "saima-setimport-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let source = root + "/src.csv"
        try "id,prompt\n".write(toFile: source, atomically: true, encoding: .utf8)

        let first = try SetImport.write(Self.items(3), Self.request(root: root + "/Tracks", files: [source]))
        #expect(first == .imported(file: root + "/Tracks/law/questions/imported.jsonl"))
        let lines = try String(contentsOfFile: root + "/Tracks/law/questions/imported.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(try SetImport.write(Self.items(3), Self.request(root: root + "/Tracks", files: [source])) == .unchanged)

        // Another set of the same track names a file that is not there: after a new import the track does not load,
        // so both files go back to what they were.
        let yamlPath = root + "/Tracks/law/track.yaml"
        let broken = try String(contentsOfFile: yamlPath, encoding: .utf8)
            + "  - id: ghost\n    file: questions/ghost.jsonl\n    pilot_unit: {zh: 某, en: Some}\n    split: dev\n"
        try broken.write(toFile: yamlPath, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: yamlPath))
        var second = Self.request(root: root + "/Tracks", files: [source])
        second.set = "second"
        #expect {
            try SetImport.write(Self.items(2), second)
        } throws: { error in
            guard let refused = error as? SetImport.Refused else { return false }
            return !refused.diagnostics.isEmpty && refused.diagnostics.allSatisfy { $0.path.contains("/law/") }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: yamlPath)) == before, "track.yaml put back byte for byte")
        #expect(!FileManager.default.fileExists(atPath: root + "/Tracks/law/questions/second.jsonl"), "the new set's file removed")
    }
}
