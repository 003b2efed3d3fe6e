import Foundation
import SaimaStorage
import Testing

/// The run lock (`run.lock`, `flock`): another holder makes it fail at once with `Busy` naming the holder; within a
/// process it is reentrant and released only when the last holder goes; a store locked for writing holds it for as
/// long as the store lives. "Another holder" is a second open file description of the same file, which `flock`
/// treats as a separate owner even within this process.
@Suite("Run lock")
struct RunLockTests {
    typealias F = StorageFixture

    /// Whether an outside holder could take the lock now (it is released again at once).
    static func outsiderCanLock(_ folder: String) -> Bool {
        let fd = open(folder + "/run.lock", O_RDWR)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return flock(fd, LOCK_EX | LOCK_NB) == 0
    }

    /// While another holder has the lock, taking it throws `Busy` with the holder's stamp; once released it is
    /// taken and stamped with this process's id.
    @Test func aHeldLockIsBusyAndNamesItsHolder() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "pid 4242\n".write(toFile: folder + "/run.lock", atomically: false, encoding: .utf8)
        let outsider = open(folder + "/run.lock", O_RDWR)
        try #require(outsider >= 0 && flock(outsider, LOCK_EX | LOCK_NB) == 0)
        do {
            _ = try RunLock(folder: folder)
            Issue.record("the lock was taken while another holder had it")
        } catch let busy as RunLock.Busy {
            #expect(busy.folder == folder && busy.holder == "pid 4242")
            #expect(busy.description.hasPrefix("\(folder) is being written by another saima process (pid 4242); "))
        }
        close(outsider)
        let lock = try RunLock(folder: folder)
        #expect(try String(contentsOfFile: folder + "/run.lock", encoding: .utf8) == "pid \(getpid())\n")
        #expect(!Self.outsiderCanLock(folder))
        withExtendedLifetime(lock) {}
    }

    /// Taking the lock twice in one process succeeds; the file stays locked until both holders are gone.
    @Test func theLockIsReentrantWithinAProcess() throws {
        let base = F.folder()
        defer { F.remove(base) }
        let folder = base + "/nested/run"
        var holders = try [RunLock(folder: folder), RunLock(folder: folder)]
        #expect(FileManager.default.fileExists(atPath: folder + "/run.lock"), "the folders and the file are created")
        #expect(!Self.outsiderCanLock(folder))
        holders.removeLast()
        #expect(holders.count == 1 && !Self.outsiderCanLock(folder), "one holder left")
        holders.removeAll()
        #expect(holders.isEmpty && Self.outsiderCanLock(folder), "released with the last holder")
    }

    /// `lockForWriting()` keeps the folder locked while the store lives and frees it with the store; a store
    /// cannot lock a folder another holder has.
    @Test func aStoreHoldsTheLockWhileItLives() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        var store: RunStore? = try RunStore(folder: folder)
        try store?.lockForWriting()
        #expect(!Self.outsiderCanLock(folder))
        store = nil
        #expect(store == nil && Self.outsiderCanLock(folder))
        let outsider = open(folder + "/run.lock", O_RDWR)
        try #require(outsider >= 0 && flock(outsider, LOCK_EX | LOCK_NB) == 0)
        defer { close(outsider) }
        #expect(throws: RunLock.Busy.self) { try RunStore(folder: folder).lockForWriting() }
    }
}
