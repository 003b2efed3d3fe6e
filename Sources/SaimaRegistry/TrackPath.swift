import Foundation
import SaimaBase
/// Files a track refers to (question files, datasets, attachments) must stay inside the track folder: the
/// relative path is resolved and every symbolic link followed (`realpath`), and the result must lie under the
/// track folder's own real path. A symlink `att/pw.png → /etc/passwd`, a symlinked folder or
/// `../../secret.md` never reaches a prompt or a contestant kit.
enum TrackPath {
    /// The real path of `relative` inside `directory`, or a problem to report.
    static func resolve(_ relative: String, in directory: String) -> Result<String, Problem> {
        if relative.hasPrefix("/") || relative.split(separator: "/").contains("..") { return .failure(.outside) }
        let joined = URL(fileURLWithPath: directory).appendingPathComponent(relative).path
        guard let real = SaimaBase.realPath(joined) else { return .failure(.missing(joined)) }
        guard let root = SaimaBase.realPath(directory), real.hasPrefix(root + "/") else { return .failure(.outside) }
        return .success(real)
    }

    enum Problem: Error {
        /// Absolute, `..`, or a link that leads out of the track folder.
        case outside
        /// Nothing there (the path looked for).
        case missing(String)

        func message(for file: String, what: String) -> String {
            switch self {
            case .outside: "\(what) `\(file)` must be a file inside the track folder (no absolute paths, `..` or links leading out) / 文件必须位于赛道目录内"
            case .missing(let path): "\(what) `\(file)` does not exist (looked for \(path))"
            }
        }
    }

}
