import Foundation
import SaimaBase
import Testing

/// Files read only when they are regular files within the limit, after following links; devices, FIFOs, folders,
/// dangling links and large files are refused without reading them.
struct BoundedReadTests {
    /// Each kind of path gets its exact result, and each failure its message.
    @Test func eachKindOfPathGetsItsResult() throws {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("saima-bounded-" + UUID().uuidString).path
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: folder) }
        try "12345".write(toFile: folder + "/five.txt", atomically: true, encoding: .utf8)
        #expect(fm.createFile(atPath: folder + "/empty.txt", contents: Data()))
        try fm.createSymbolicLink(atPath: folder + "/link.txt", withDestinationPath: folder + "/five.txt")
        try fm.createSymbolicLink(atPath: folder + "/dangling", withDestinationPath: folder + "/nothing")
        #expect(mkfifo(folder + "/fifo", 0o600) == 0)

        #expect(BoundedRead.regularFile(folder + "/five.txt", limit: 5) == .success(Data("12345".utf8)))
        #expect(BoundedRead.regularFile(folder + "/five.txt", limit: 4) == .failure(.tooLarge(5)))
        #expect(BoundedRead.regularFile(folder + "/empty.txt", limit: 0) == .success(Data()))
        #expect(BoundedRead.regularFile(folder + "/link.txt", limit: 5) == .success(Data("12345".utf8)))
        #expect(BoundedRead.regularFile(folder + "/link.txt", limit: 3) == .failure(.tooLarge(5)))
        for path in [folder, folder + "/fifo", "/dev/null", folder + "/dangling"] {
            #expect(BoundedRead.regularFile(path, limit: 1_000) == .failure(.notARegularFile), "\(path)")
        }
        #expect(BoundedRead.regularFile(folder + "/missing", limit: 1_000) == .failure(.unreadable))

        #expect(BoundedRead.message(.unreadable, limit: 4) == "cannot be read / 无法读取")
        #expect(BoundedRead.message(.notARegularFile, limit: 4) == "is not a regular file / 不是普通文件")
        #expect(BoundedRead.message(.tooLarge(5), limit: 4) == "is 5 bytes, more than the 4 allowed / 文件过大")
    }
}
