public import Foundation

/// Writes inside a run folder that cannot be pointed elsewhere: a file, or any folder between the run folder and it,
/// that is a symbolic link is refused (a link planted as `appeals.csv`, `history/` or `run.log` would otherwise have
/// Saima write or append outside the folder), a relative path may not climb out (`..`), and files are replaced
/// atomically (a temporary file in the same folder, then `rename`, which replaces a name and never writes through
/// it) or appended through `O_NOFOLLOW`.
public enum RunFolderFile {
    /// Why a write was refused.
    public struct Refused: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// `text` written to `relative` under `folder` (folders created as needed), replacing the file atomically.
    public static func write(_ text: String, to relative: String, in folder: String) throws {
        try write(Data(text.utf8), to: relative, in: folder)
    }

    /// `data` written to `relative` under `folder`, replacing the file atomically.
    public static func write(_ data: Data, to relative: String, in folder: String) throws {
        let path = try checked(relative, in: folder, creatingFolders: true)
        let temporary = (path as NSString).deletingLastPathComponent + "/.saima-" + UUID().uuidString + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Refused(path: path, reason: "cannot create a file here (\(String(cString: strerror(errno))))") }
        // The first failure's errno, taken where it happened (close and unlink may change errno afterwards).
        var failure: Int32 = 0
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { failure = n < 0 ? errno : ENOSPC; return }
                offset += n
            }
        }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        close(fd)
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary)
            throw Refused(path: path, reason: "cannot write the file (\(String(cString: strerror(failure))))")
        }
    }

    /// A descriptor for appending to `relative` under `folder` (created 0644 if missing), never through a link.
    public static func openForAppending(_ relative: String, in folder: String) throws -> FileHandle {
        let path = try checked(relative, in: folder, creatingFolders: true)
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw Refused(path: path, reason: errno == ELOOP ? "is a symbolic link; refusing to write through it / 是符号链接，拒绝写入"
                : "cannot open for appending (\(String(cString: strerror(errno))))")
        }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// The absolute path of `relative` under `folder`, after checking that no part of it from `folder` down is a link
    /// and that it does not climb out; missing folders are created when asked.
    @discardableResult
    public static func checked(_ relative: String, in folder: String, creatingFolders: Bool = false) throws -> String {
        let parts = relative.split(separator: "/").map(String.init)
        guard !parts.isEmpty, !parts.contains(".."), !parts.contains("."), !relative.hasPrefix("/") else {
            throw Refused(path: relative, reason: "must be a plain path inside the run folder / 必须位于结果目录内")
        }
        // The run folder itself may be a link (an organizer's `runs` on another disk); nothing inside it may be.
        var path = folder
        for (i, part) in parts.enumerated() {
            path = (path as NSString).appendingPathComponent(part)
            try refuseLink(path)
            if i < parts.count - 1, creatingFolders, !FileManager.default.fileExists(atPath: path) {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            }
        }
        return path
    }

    /// Throws when `path` exists as a symbolic link.
    public static func refuseLink(_ path: String) throws {
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
            throw Refused(path: path, reason: "is a symbolic link; Saima never writes through links in a run folder / 是符号链接，结果目录内不经链接写入")
        }
    }
}
