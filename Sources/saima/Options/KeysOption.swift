import ArgumentParser
import SaimaPipeline

/// `--keys FILE`: the organizer's keys file, or no keys.
enum KeysOption {
    static func load(_ path: String?) throws -> [String: String] {
        guard let path else { return [:] }
        do { return try KeysFile.load(path: path) } catch { throw reportDiagnostics(error.diagnostics) }
    }
}
