import SaimaModel
import Foundation
import SaimaStorage
import Testing

/// Issue 19 row 2: a `run.lock` planted as a link is refused; its target is neither truncated nor stamped.
struct RunLockLinkTests {
    @Test func row2ALinkedRunLockIsRefusedAndItsTargetUntouched() throws {
        let base = NSTemporaryDirectory() + "saima-lock-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: base) }
        try FileManager.default.createDirectory(atPath: base + "/run", withIntermediateDirectories: true)
        try "precious\n".write(toFile: base + "/target.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: base + "/run/run.lock", withDestinationPath: base + "/target.txt")
        #expect(throws: RunFolderFile.Refused.self) { _ = try RunLock(folder: base + "/run") }
        #expect(try String(contentsOfFile: base + "/target.txt", encoding: .utf8) == "precious\n")
    }
}
