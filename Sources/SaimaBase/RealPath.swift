import Foundation

/// `realpath(3)`: the absolute path with every `.`, `..` and symbolic link resolved, or nil when nothing is
/// there. Used wherever a path must be checked to stay inside a folder.
public func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}
