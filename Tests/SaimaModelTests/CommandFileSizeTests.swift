import Foundation
import Testing

/// The command line only parses and prints: every file under `Sources/saima/Commands/` stays under 60 lines, so that
/// logic grows in the libraries (where it is tested in process), not in commands.
struct CommandFileSizeTests {
    static let commands = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/saima/Commands")

    @Test func everyCommandFileIsUnderSixtyLines() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.commands.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count >= 30, "the command files were found")
        for file in files.sorted() {
            let text = try String(contentsOf: Self.commands.appendingPathComponent(file), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count - (text.hasSuffix("\n") ? 1 : 0)
            #expect(lines < 60, "\(file) has \(lines) lines")
        }
    }
}
