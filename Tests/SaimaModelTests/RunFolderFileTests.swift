import Foundation
import SaimaModel
import Testing

/// Issue 19 row 3: nothing planted as a link inside a run folder (`appeals.csv`, `history/`, `run.log`) makes Saima
/// write or append outside it; paths cannot climb out.
struct RunFolderFileTests {
    static func folders() throws -> (run: String, outside: String) {
        let base = NSTemporaryDirectory() + "saima-links-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: base + "/run", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: base + "/outside", withIntermediateDirectories: true)
        try "precious\n".write(toFile: base + "/outside/target.txt", atomically: true, encoding: .utf8)
        return (base + "/run", base + "/outside")
    }

    @Test func row3AFileLinkIsRefusedAndItsTargetUntouched() throws {
        let (run, outside) = try Self.folders()
        defer { try? FileManager.default.removeItem(atPath: (run as NSString).deletingLastPathComponent) }
        try FileManager.default.createSymbolicLink(atPath: run + "/appeals.csv", withDestinationPath: outside + "/target.txt")
        #expect(throws: RunFolderFile.Refused.self) { try RunFolderFile.write("team,track\n", to: "appeals.csv", in: run) }
        try FileManager.default.createSymbolicLink(atPath: run + "/run.log", withDestinationPath: outside + "/target.txt")
        #expect(throws: RunFolderFile.Refused.self) { try RunFolderFile.openForAppending("run.log", in: run) }
        #expect(try String(contentsOfFile: outside + "/target.txt", encoding: .utf8) == "precious\n")
    }

    @Test func row3AFolderLinkAndClimbingOutAreRefused() throws {
        let (run, outside) = try Self.folders()
        defer { try? FileManager.default.removeItem(atPath: (run as NSString).deletingLastPathComponent) }
        try FileManager.default.createSymbolicLink(atPath: run + "/history", withDestinationPath: outside)
        #expect(throws: RunFolderFile.Refused.self) { try RunFolderFile.write("x", to: "history/v1/report.html", in: run) }
        #expect(throws: RunFolderFile.Refused.self) { try RunFolderFile.write("x", to: "../outside/new.txt", in: run) }
        #expect(!FileManager.default.fileExists(atPath: outside + "/v1") && !FileManager.default.fileExists(atPath: outside + "/new.txt"))
        // Plain files are written, replaced and appended as before.
        try RunFolderFile.write("one", to: "sheets/a.csv", in: run)
        try RunFolderFile.write("two", to: "sheets/a.csv", in: run)
        #expect(try String(contentsOfFile: run + "/sheets/a.csv", encoding: .utf8) == "two")
        let log = try RunFolderFile.openForAppending("run.log", in: run)
        log.write(Data("a\n".utf8))
        try log.close()
        #expect(try String(contentsOfFile: run + "/run.log", encoding: .utf8) == "a\n")
    }
}
