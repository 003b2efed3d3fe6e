public import Foundation
public import SaimaBase
/// The organizer's keys file (`--keys FILE`): one `TEAM_ID=KEY` per line, `#` comments and blank lines
/// allowed. It must be readable by its owner only (mode 0600 or stricter) and must not lie inside the
/// current git working tree, so a key never gets committed. Problems are located as `path:line` and never
/// repeat a key.
public enum KeysFile {
    /// Keys by team id.
    public static func load(path: String, workingDirectory: String = FileManager.default.currentDirectoryPath)
        throws(DiagnosticsError) -> [String: String]
    {
        var diagnostics: [Diagnostic] = []
        var attributes = stat()
        guard stat(path, &attributes) == 0 else {
            throw DiagnosticsError([Diagnostic(path: path, line: 0, message: "keys file not found / 找不到密钥文件")])
        }
        if attributes.st_mode & 0o077 != 0 {
            diagnostics.append(Diagnostic(
                path: path, line: 0,
                message: "keys file is readable by others (mode \(String(attributes.st_mode & 0o777, radix: 8))); run chmod 600 on it / 密钥文件权限过宽，请设为 600"))
        }
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let cwd = URL(fileURLWithPath: workingDirectory).resolvingSymlinksInPath().path
        if real.hasPrefix(cwd + "/"), FileManager.default.fileExists(atPath: cwd + "/.git") {
            diagnostics.append(Diagnostic(
                path: path, line: 0,
                message: "keys file lies inside the repository; keep it outside, where it cannot be committed / 密钥文件不得放在仓库内"))
        }
        guard let data = FileManager.default.contents(atPath: path), data.count <= 1 << 20,
            let text = String(data: data, encoding: .utf8)
        else {
            diagnostics.append(Diagnostic(path: path, line: 0, message: "keys file is not UTF-8 text under 1 MiB"))
            throw DiagnosticsError(diagnostics)
        }
        var keys: [String: String] = [:]
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmed
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let eq = line.firstIndex(of: "=") else {
                diagnostics.append(Diagnostic(path: path, line: n + 1, message: "expected TEAM_ID=KEY / 格式应为 队伍ID=密钥"))
                continue
            }
            let team = String(line[..<eq]).trimmedSpaces
            let key = String(line[line.index(after: eq)...]).trimmedSpaces
            guard SubmissionLoader.isValidTeamID(team) else {
                // Not repeated: a key pasted on the wrong side of `=` must not reach a terminal or a log.
                diagnostics.append(Diagnostic(
                    path: path, line: n + 1,
                    message: "the text before `=` is not a team id (a–z, 0–9, `-`, `_`; not shown, as it may be a key) / 等号前不是队伍 ID（不显示，可能是密钥）"))
                continue
            }
            guard !key.isEmpty, key.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
                diagnostics.append(Diagnostic(path: path, line: n + 1, message: "the key of `\(team)` is empty or has spaces or control characters"))
                continue
            }
            if keys[team] != nil {
                diagnostics.append(Diagnostic(path: path, line: n + 1, message: "`\(team)` has a second key"))
            }
            keys[team] = key
        }
        if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
        return keys
    }
}
