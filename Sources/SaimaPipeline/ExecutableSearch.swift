import Foundation

/// Finding the programs Saima calls (chromium for PDFs; curl and wrk for benchmark comparisons).
enum ExecutableSearch {
    /// The first executable named `tool` in the folders of `searchPath` (default: `PATH`, else `/usr/bin:/bin`).
    package static func which(_ tool: String, searchPath: String = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        -> String?
    {
        for dir in searchPath.split(separator: ":") {
            let path = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
