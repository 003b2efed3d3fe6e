import Foundation
import SaimaModel
import Testing

/// Paths inside a run folder: what counts as a plain relative path, the run folder itself as a link, atomic
/// replacement that leaves no temporary file, and appends.
struct RunFolderFilePathTests {
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("saima-runfile-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Empty, absolute, `.` and `..` paths are refused with the path as given; repeated slashes are one.
    @Test(arguments: ["", "/etc/passwd", "a/../b", "./a", "a/./b", "..", "/"])
    func pathsThatAreNotPlainAreRefused(relative: String) throws {
        let run = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: run) }
        let refused = #expect(throws: RunFolderFile.Refused.self) { try RunFolderFile.checked(relative, in: run) }
        #expect(refused?.path == relative)
        #expect(refused?.reason == "must be a plain path inside the run folder / 必须位于结果目录内")
    }

    /// A plain path is joined to the folder; folders are created only when asked.
    @Test func plainPathsAreJoinedAndFoldersCreatedOnlyWhenAsked() throws {
        let run = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: run) }
        #expect(try RunFolderFile.checked("a//b/c.txt", in: run) == run + "/a/b/c.txt")
        #expect(!FileManager.default.fileExists(atPath: run + "/a"))
        #expect(try RunFolderFile.checked("a/b/c.txt", in: run, creatingFolders: true) == run + "/a/b/c.txt")
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: run + "/a/b", isDirectory: &isFolder) && isFolder.boolValue)
        #expect(throws: Never.self) { try RunFolderFile.refuseLink(run + "/missing") }
    }

    /// The run folder itself may be a link; a replaced file leaves no temporary file behind; appends append.
    @Test func writesThroughALinkedRunFolderLeaveNoTemporaryFiles() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        try FileManager.default.createDirectory(atPath: base + "/real", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: base + "/runs", withDestinationPath: base + "/real")
        try RunFolderFile.write("one", to: "reports/board.md", in: base + "/runs")
        try RunFolderFile.write("two", to: "reports/board.md", in: base + "/runs")
        #expect(try String(contentsOfFile: base + "/real/reports/board.md", encoding: .utf8) == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base + "/real/reports") == ["board.md"])
        for line in ["a\n", "b\n"] {
            let log = try RunFolderFile.openForAppending("run.log", in: base + "/runs")
            log.write(Data(line.utf8))
            try log.close()
        }
        #expect(try String(contentsOfFile: base + "/real/run.log", encoding: .utf8) == "a\nb\n")
    }

    /// Replacing a name that holds a folder is refused, and the temporary file is removed.
    @Test func replacingAFolderIsRefusedWithoutLeftovers() throws {
        let run = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: run) }
        try FileManager.default.createDirectory(atPath: run + "/history", withIntermediateDirectories: true)
        let refused = #expect(throws: RunFolderFile.Refused.self) { try RunFolderFile.write("x", to: "history", in: run) }
        #expect(refused?.reason.hasPrefix("cannot write the file (") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: run) == ["history"])
    }
}
