import Foundation
import SaimaBase
import SaimaModel
import Synchronization

/// An exclusive lock on a run folder (`<folder>/run.lock`, `flock`), held by the process that writes the run
/// while it writes. A second `saima run` on the same folder stops at once with a clear message instead of
/// sending the same requests twice and dying on "database is locked". The kernel drops the lock when the
/// holder exits, however it exits, so a killed run never leaves a stale lock.
package final class RunLock: Sendable {
    /// The lock file's identity (device, inode).
    private let file: FileID

    struct FileID: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
    }

    /// Locks this process holds: the descriptor and how many `RunLock`s share it. A process that already holds a
    /// folder's lock (a run finishing with its leaderboard, a judging step re-scoring) takes it again without
    /// waiting; another process cannot.
    private static let held = Mutex<[FileID: (descriptor: Int32, count: Int)]>([:])

    /// Why the lock was not taken.
    package struct Busy: Error, CustomStringConvertible {
        package var folder: String
        package var holder: String
        package var description: String {
            "\(folder) is being written by another saima process (\(holder)); wait for it to finish or use another --out. "
                + "该结果目录正被另一个 saima 进程写入，请等待其结束或换用其他输出目录。"
        }
    }

    /// Takes the lock or throws `Busy` without waiting.
    package init(folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = (folder as NSString).appendingPathComponent("run.lock")
        // Never through a link: a planted `run.lock` link would have the holder's pid written into its target.
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else {
            if errno == ELOOP { throw RunFolderFile.Refused(path: path, reason: "is a symbolic link; refusing to lock or write through it / 是符号链接，拒绝写入") }
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        let id = FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        file = id
        let outcome: Result<Void, Busy> = Self.held.withLock { held in
            if let entry = held[id] {
                close(fd)
                held[id] = (entry.descriptor, entry.count + 1)
                return .success(())
            }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                var buffer = [UInt8](repeating: 0, count: 64)
                let n = pread(fd, &buffer, 63, 0)
                close(fd)
                let holder = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self).trimmed : "unknown"
                return .failure(Busy(folder: folder, holder: holder))
            }
            let stamp = "pid \(getpid())\n"
            _ = ftruncate(fd, 0)
            _ = stamp.withCString { pwrite(fd, $0, strlen($0), 0) }
            held[id] = (fd, 1)
            return .success(())
        }
        try outcome.get()
    }

    deinit {
        Self.held.withLock { held in
            guard let entry = held[file] else { return }
            if entry.count > 1 {
                held[file] = (entry.descriptor, entry.count - 1)
            } else {
                close(entry.descriptor)
                held[file] = nil
            }
        }
    }
}

extension RunStore {
    /// Locks the run folder for writing for as long as this store lives (`RunLock`).
    package func lockForWriting() throws { adoptLock(try RunLock(folder: (path as NSString).deletingLastPathComponent)) }

    /// Keeps `lock` (taken before the database was opened) for as long as this store lives.
    package func adoptLock(_ lock: RunLock) { writerLock.withLock { $0 = lock } }
}
