public import Foundation

/// Reads a file only when it is a regular file of at most `limit` bytes (after following links): a path naming a
/// device (`/dev/zero`), a FIFO or a huge file gets a clear refusal instead of a read that never ends.
public enum BoundedRead {
    public enum Failure: Error, Sendable, Equatable {
        case unreadable
        case notARegularFile
        case tooLarge(Int)
    }

    public static func regularFile(_ path: String, limit: Int) -> Result<Data, Failure> {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: realPath(path) ?? path) else { return .failure(.unreadable) }
        guard attributes[.type] as? FileAttributeType == .typeRegular else { return .failure(.notARegularFile) }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limit else { return .failure(.tooLarge(size)) }
        guard let data = FileManager.default.contents(atPath: path), data.count <= limit else { return .failure(.unreadable) }
        return .success(data)
    }

    /// A bilingual message for a failure.
    public static func message(_ failure: Failure, limit: Int) -> String {
        switch failure {
        case .unreadable: "cannot be read / 无法读取"
        case .notARegularFile: "is not a regular file / 不是普通文件"
        case .tooLarge(let size): "is \(size) bytes, more than the \(limit) allowed / 文件过大"
        }
    }
}
