import Foundation
package import SaimaBase
import SaimaModel
import Synchronization

/// A judge chat whose replies are kept in a JSON Lines file, so that a measurement made once with a real model can be
/// printed again without it.
///
/// Each line is `{"key": K, "model": M, "reply": R}`, where `K` is the SHA-256 of the model name and the messages'
/// canonical JSON. A call whose key is in the file is answered from it; any other goes to `live` and its successful
/// reply is appended (lines are only ever added, in append mode). With no live chat the file must exist, and a call
/// not in it fails with outcome `connectError` and a detail naming the file. A last line cut off by an interrupted
/// write is left out when reading (its call is asked again) and ended before the next line is appended.
package final class RecordedChat: JudgeChat {
    package let model: String
    package let maxConcurrency: Int
    let live: (any JudgeChat)?
    let path: String
    private let replies: Mutex<[String: String]>
    private let counts = Mutex<(recorded: Int, asked: Int)>((0, 0))

    /// Opens (or, with a live chat, creates) the file at `path`; a malformed line is reported as `path:line: message`.
    package init(path: String, model: String, live: (any JudgeChat)?, maxConcurrency: Int = 1) throws {
        self.model = model
        self.live = live
        self.path = path
        self.maxConcurrency = live?.maxConcurrency ?? maxConcurrency
        var table: [String: String] = [:]
        if FileManager.default.fileExists(atPath: path) {
            var problems: [Diagnostic] = []
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (n, line) in lines.enumerated() where !line.isEmpty {
                guard let v = try? JSONValue.parse(String(line)), let key = v["key"]?.stringValue,
                    let reply = v["reply"]?.stringValue
                else {
                    if n == lines.count - 1, !text.hasSuffix("\n") { continue }  // cut off while written
                    problems.append(Diagnostic(path: path, line: n + 1, message: "not a recorded reply {\"key\", \"model\", \"reply\"}"))
                    continue
                }
                table[key] = reply
            }
            if !problems.isEmpty { throw DiagnosticsError(problems) }
        } else if live == nil {
            throw DiagnosticsError([Diagnostic(path: path, line: 0, message: "no recorded replies here to replay (no reader endpoint given)")])
        } else {
            try? FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw DiagnosticsError([Diagnostic(path: path, line: 0, message: "cannot create the recording file")])
            }
        }
        replies = Mutex(table)
    }

    /// Replies answered from the file, and replies asked of the live chat, so far.
    package var usage: (recorded: Int, asked: Int) { counts.withLock { $0 } }

    /// The recording key of `messages` sent to `model`.
    package static func key(model: String, messages: [JSONValue]) -> String {
        SHA256Digest.hex(model + "\u{1F}" + JSONValue.array(messages).canonicalJSON)
    }

    package func complete(_ messages: [JSONValue]) async throws -> Result<String, JudgeCallError> {
        let key = Self.key(model: model, messages: messages)
        if let hit = replies.withLock({ $0[key] }) {
            counts.withLock { $0.recorded += 1 }
            return .success(hit)
        }
        guard let live else {
            return .failure(JudgeCallError(outcome: .connectError, detail: "no live reader; call not recorded in \(path)"))
        }
        counts.withLock { $0.asked += 1 }
        let result = try await live.complete(messages)
        if case .success(let text) = result {
            let line = JSONValue.object(["key": .string(key), "model": .string(model), "reply": .string(text)]).canonicalJSON + "\n"
            try replies.withLock { table in
                try Self.append(line, to: path)
                table[key] = text
            }
        }
        return result
    }

    struct WriteFailed: Error, CustomStringConvertible { var description: String }

    /// Appends `line` in append mode (O_APPEND: writers of the same file never overwrite each other), after a newline
    /// when the file does not end in one.
    static func append(_ line: String, to path: String) throws {
        let fd = open(path, O_RDWR | O_APPEND)
        guard fd >= 0 else { throw WriteFailed(description: "\(path): cannot append: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var last: UInt8 = 0
        let size = lseek(fd, 0, SEEK_END)
        if size > 0, pread(fd, &last, 1, size - 1) == 1, last != UInt8(ascii: "\n") {
            _ = write(fd, "\n", 1)
        }
        let bytes = Array(line.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw WriteFailed(description: "\(path): short write") }
    }
}
